// The workspace's frame: the project bar (current coder, blind switch, undo) and the views.

import { useEffect, useState } from 'preact/hooks';
import { api, type Changed } from '../api';
import { change, getState, notify, refresh, update, useStore, type ViewName } from '../store';
import { AgreementView } from './agreement';
import { CodebookView } from './codebook';
import { DocumentsView } from './documents';
import { HistoryView } from './history';
import { ParticipantsView } from './participants';
import { PseudonymiseView } from './pseudonymise';
import { ReaderView } from './reader';
import { ReportsView } from './reports';
import { RetrievalView } from './retrieval';
import { SearchView } from './search';

const kTabs: [ViewName, string][] = [
  ['documents', 'Documents'],
  ['reader', 'Read & code'],
  ['codebook', 'Codebook'],
  ['retrieval', 'Retrieval'],
  ['search', 'Search'],
  ['participants', 'Participants'],
  ['history', 'History'],
  ['agreement', 'Agreement'],
  ['reports', 'Reports'],
  ['pseudonymise', 'Pseudonymise'],
];

export async function undo(): Promise<void> {
  await change(() => api.post<Changed>('/api/undo', {}));
}

function CoderPicker() {
  const s = useStore();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (!s.coders.some((c) => c.name === trimmed)) {
      const done = await change(() => api.post<Changed>('/api/coders', { name: trimmed }));
      if (!done) return;
    }
    update({ coder: trimmed });
    setAdding(false);
    setName('');
  };
  if (adding || s.coders.length === 0) {
    return (
      <form
        class="coder"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          Your name as coder{' '}
          <input
            aria-label="New coder name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            autoFocus
          />
        </label>
        <button type="submit">Start coding</button>
      </form>
    );
  }
  return (
    <label class={`coder${s.coder ? '' : ' missing'}`}>
      Coding as{' '}
      <select
        aria-label="Current coder"
        value={s.coder}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (value === '+') setAdding(true);
          else update({ coder: value });
        }}
      >
        {!s.coder && <option value="">choose…</option>}
        {s.coders.map((c) => (
          <option value={c.name}>{c.name}</option>
        ))}
        <option value="+">New coder…</option>
      </select>
    </label>
  );
}

export function App() {
  const s = useStore();
  useEffect(() => {
    refresh().catch((e) => notify(String(e.message ?? e), 'error'));
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target.closest('input, textarea, select, [contenteditable]');
      if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !typing) {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (!s.notice) return;
    const timer = setTimeout(
      () => {
        if (getState().notice === s.notice) update({ notice: null });
      },
      s.notice.kind === 'error' ? 9000 : 4000,
    );
    return () => clearTimeout(timer);
  }, [s.notice]);

  return (
    <div class="app">
      <header class="bar">
        <strong class="brand">Thematica</strong>
        <nav role="tablist">
          {kTabs.map(([view, label]) => (
            <button
              role="tab"
              aria-selected={s.view === view}
              class={s.view === view ? 'active' : ''}
              onClick={() => update({ view })}
            >
              {label}
            </button>
          ))}
        </nav>
        <span class="spacer" />
        <CoderPicker />
        <label class="blind" title="Show only your own codings, to code independently">
          <input
            type="checkbox"
            aria-label="Blind coding"
            checked={s.blind}
            onChange={(e) => update({ blind: e.currentTarget.checked })}
          />{' '}
          Blind
        </label>
        <button onClick={() => void undo()} title="Undo the last change (Ctrl+Z)">
          Undo
        </button>
      </header>
      {s.notice && (
        <div
          class={`notice ${s.notice.kind}`}
          role={s.notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span class="notice-text">{s.notice.text}</span>
          <button class="close" aria-label="Dismiss" onClick={() => update({ notice: null })}>
            ×
          </button>
        </div>
      )}
      <main>
        {s.view === 'documents' && <DocumentsView />}
        {s.view === 'reader' && <ReaderView />}
        {s.view === 'codebook' && <CodebookView />}
        {s.view === 'retrieval' && <RetrievalView />}
        {s.view === 'search' && <SearchView />}
        {s.view === 'participants' && <ParticipantsView />}
        {s.view === 'history' && <HistoryView />}
        {s.view === 'agreement' && <AgreementView />}
        {s.view === 'reports' && <ReportsView />}
        {s.view === 'pseudonymise' && <PseudonymiseView />}
      </main>
    </div>
  );
}
