// Reading and coding: the document's text with its codings (highlights and margin stripes), the
// codebook to apply codes from (click, or type a few letters and Enter, or in-vivo), and the
// selected coding's details (code, bounds, comment, memo, important flag, remove).

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type Changed } from '../api';
import type { Mark } from '../layout';
import { TextIndex } from '../offsets';
import { change, getState, notify, update, useStore, tagOf } from '../store';
import { TextView, type TurnHeading } from '../text_view';
import type { Code, Coding, DocumentView } from '../types';
import { CodingDetails } from './coding_details';

export interface Loaded {
  view: DocumentView;
  index: TextIndex;
}

function clock(ms: number | null): string {
  if (ms === null) return '';
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Codes matching what the user typed: names starting with it first, then paths containing it. */
export function matchCodes(codes: Code[], typed: string): Code[] {
  const q = typed.trim().toLowerCase();
  if (!q) return codes;
  const starts = codes.filter((c) => c.name.toLowerCase().startsWith(q));
  const contains = codes.filter(
    (c) => !c.name.toLowerCase().startsWith(q) && c.path.toLowerCase().includes(q),
  );
  return [...starts, ...contains];
}

/** A code name from selected words (in-vivo coding): trimmed, one line, no path separators. */
function inVivoName(text: string): string {
  const words = text.replace(/\s+/g, ' ').replace(/\//g, '-').trim();
  return words.length > 60 ? `${words.slice(0, 59).trimEnd()}…` : words;
}

export function ReaderView() {
  const s = useStore();
  const root = useRef<HTMLDivElement>(null);
  const viewRef = useRef<TextView | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [codings, setCodings] = useState<Coding[]>([]);
  const [pending, setPending] = useState<{ start: number; end: number } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const documentId = s.documentId ?? s.documents[0]?.id ?? null;

  // Load the document (again after changes made elsewhere: undo, another view).
  useEffect(() => {
    if (documentId === null) return;
    let current = true;
    performance.mark('reader:request');
    api
      .get<DocumentView>(`/api/documents/${documentId}`)
      .then((view) => {
        performance.mark('reader:response');
        if (!current) return;
        setLoaded({ view, index: new TextIndex(view.text) });
        setCodings(view.codings);
      })
      .catch((e) => {
        notify(e.message, 'error');
        setLoaded(null);
      });
    return () => {
      current = false;
    };
  }, [documentId, s.revision]);

  const coderId = s.coders.find((c) => c.name === s.coder)?.id ?? -1;
  const codeById = useMemo(() => new Map(s.codes.map((c) => [c.id, c])), [s.codes]);
  const visible = s.blind ? codings.filter((c) => c.coder_id === coderId) : codings;

  // Draw the text when it changes, the codings whenever they change: before the browser paints
  // (a layout effect), so a new coding shows in the same frame as the answer that brought it.
  useLayoutEffect(() => {
    if (!root.current || !loaded) return;
    viewRef.current ??= new TextView(root.current);
    const { view, index } = loaded;
    const turns: TurnHeading[] = view.turns.map((t) => ({
      start: index.toUtf16(t.start),
      end: index.toUtf16(t.end),
      speaker: t.speaker,
      time: clock(t.start_ms),
      tag: tagOf(t.case_id),
    }));
    viewRef.current.setText(view.text, turns);
    performance.mark('reader:text');
  }, [loaded, s.tagVariable, s.cases]);
  useLayoutEffect(() => {
    if (!viewRef.current || !loaded) return;
    const marks: Mark[] = visible.map((c) => {
      const code = codeById.get(c.code_id);
      return {
        id: c.id,
        start: loaded.index.toUtf16(c.start),
        end: loaded.index.toUtf16(c.end),
        colour: code?.colour || '#888888',
        label: code?.name ?? '?',
      };
    });
    viewRef.current.setMarks(marks, selected);
    performance.mark('reader:codings');
  }, [loaded, s.tagVariable, s.cases, visible, codeById, selected]);

  // Reveal a passage asked for by retrieval or search.
  useEffect(() => {
    if (!loaded || !s.focus || !viewRef.current) return;
    const { start, end } = s.focus;
    viewRef.current.reveal(loaded.index.toUtf16(start), loaded.index.toUtf16(end));
    update({ focus: null });
  }, [loaded, s.focus]);

  // Track the selection in the text (in code points), so it survives focusing the code filter.
  useEffect(() => {
    const onSelection = () => {
      const view = viewRef.current;
      if (!view || !loaded) return;
      const sel = window.getSelection();
      if (!sel || !root.current?.contains(sel.anchorNode)) return;
      const range = view.selection();
      setPending(
        range
          ? {
              start: loaded.index.toCodePoint(range.start),
              end: loaded.index.toCodePoint(range.end),
            }
          : null,
      );
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [loaded]);

  // Typing while text is selected goes to the code filter: letters then Enter apply a code. The
  // listener reads the selection through a ref set as the view renders: one registered again by
  // an effect, after the next frame, missed the first letter typed right after selecting.
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1 || !pendingRef.current) return;
      e.preventDefault();
      setFilter(e.key);
      filterRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A coding is drawn as soon as the code is chosen, under a provisional (negative) id, and
  // confirmed when the server answers: the view does not wait for the round trip. If the server
  // refuses it, it is taken away again and the server's message shown.
  const provisionalIds = useRef(0);
  const apply = async (codePath: string) => {
    if (!loaded || !pending) {
      notify('Select a passage in the text first, then choose its code.', 'error');
      return;
    }
    if (!getState().coder) {
      notify('Choose who is coding first (the coder menu at the top).', 'error');
      return;
    }
    performance.mark('apply:request');
    const answer = change(
      () =>
        api.post<Changed & { coding: Coding }>('/api/codings', {
          document: loaded.view.document.name,
          code: codePath,
          start: pending.start,
          end: pending.end,
        }),
      { reload: false },
    );
    const code = getState().codes.find((c) => c.path === codePath);
    const provisional: Coding | null = code
      ? { id: --provisionalIds.current, code_id: code.id, coder_id: coderId, ...pending }
      : null;
    if (provisional) setCodings((list) => [...list, provisional]);
    setPending(null);
    // The code list shows the whole codebook again a frame later: rebuilding it (~100 elements)
    // was part of the work of the frame that shows the new coding.
    requestAnimationFrame(() => setTimeout(() => setFilter(''), 0));
    // Back to the text: the next passage's letters go to the code finder again.
    filterRef.current?.blur();
    window.getSelection()?.removeAllRanges();

    const result = await answer;
    performance.mark('apply:response');
    if (!provisional) {
      if (result) setCodings((list) => [...list, result.coding]);
      return;
    }
    if (!result) {
      setCodings((list) => list.filter((c) => c.id !== provisional.id));
      return;
    }
    // The drawing stays as it is: only its id changes. If the document was loaded again
    // meanwhile, its list may hold the stored coding already, or neither.
    viewRef.current?.confirm(provisional.id, result.coding.id);
    setCodings((list) => {
      if (list.some((c) => c.id === provisional.id)) {
        return list.map((c) => (c.id === provisional.id ? result.coding : c));
      }
      return list.some((c) => c.id === result.coding.id) ? list : [...list, result.coding];
    });
  };

  const createAndApply = async (name: string) => {
    const path = name.trim();
    if (!path) return;
    const created = await change(() => api.post<Changed>('/api/codes', { path }), {
      reload: false,
    });
    if (created) await apply(path);
  };

  // A span the identifier detectors missed goes to the review (see the Pseudonymise view).
  const markForPseudonymising = async () => {
    if (!loaded || !pending) return;
    const added = await change(
      () =>
        api.post<Changed & { item: { pseudonym: string } }>('/api/pseudonymisation/review/spans', {
          document: loaded.view.document.name,
          start: pending.start,
          end: pending.end,
        }),
      { reload: false },
    );
    if (added) notify(`Added to the review: it becomes ${added.item.pseudonym} when applied.`);
  };

  const matches = matchCodes(s.codes, filter);
  const selectedText =
    loaded && pending
      ? loaded.view.text.slice(
          loaded.index.toUtf16(pending.start),
          loaded.index.toUtf16(pending.end),
        )
      : '';

  if (documentId === null) {
    return <p class="empty">No documents yet: import some in Documents.</p>;
  }
  return (
    <div class="reader">
      <section class="page">
        <div class="toolbar">
          <select
            aria-label="Document"
            value={documentId}
            onChange={(e) => update({ documentId: Number(e.currentTarget.value) })}
          >
            {s.documents.map((d) => (
              <option value={d.id}>{d.name}</option>
            ))}
          </select>
          {s.variables.length > 0 && (
            <label>
              Speaker tag{' '}
              <select
                aria-label="Speaker tag variable"
                value={s.tagVariable}
                onChange={(e) => update({ tagVariable: e.currentTarget.value })}
              >
                {s.variables.map((v) => (
                  <option value={v.name}>{v.name}</option>
                ))}
              </select>
            </label>
          )}
          <span class="muted">
            {visible.length} coding{visible.length === 1 ? '' : 's'}
            {s.blind ? ` by ${s.coder || 'nobody'} (blind)` : ' by all coders'}
          </span>
        </div>
        <div
          class="doc-text"
          ref={root}
          data-testid="document-text"
          onClick={(e) => {
            const target = (e.target as HTMLElement).closest<HTMLElement>('.stripe, .stripe-label');
            // A provisional coding (not yet confirmed by the server) has nothing to edit yet.
            const id = Number(target?.dataset.c);
            if (id > 0) setSelected(id);
          }}
        />
      </section>
      <aside class="side">
        {selected !== null && loaded && codings.some((c) => c.id === selected) ? (
          <CodingDetails
            coding={codings.find((c) => c.id === selected)!}
            loaded={loaded}
            pending={pending}
            onClose={() => setSelected(null)}
          />
        ) : null}
        <div class="codes-panel">
          <h3>Apply a code</h3>
          <p class="muted selection-preview">
            {pending
              ? `Selected ${pending.end - pending.start} characters: “${selectedText.slice(0, 80)}${selectedText.length > 80 ? '…' : ''}”`
              : 'Select a passage in the text, then click a code or type its first letters and press Enter.'}
          </p>
          <input
            ref={filterRef}
            aria-label="Find a code"
            placeholder="Type to find a code; Enter applies"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                const first = matches[0];
                if (first && filter.trim()) void apply(first.path);
                else if (filter.trim()) void createAndApply(filter);
              } else if (e.key === 'Escape') {
                setFilter('');
              }
            }}
          />
          {filter.trim() && matches.length === 0 && (
            <p class="muted">Enter creates the code “{filter.trim()}” and applies it.</p>
          )}
          <button
            disabled={!pending}
            onClick={() => void createAndApply(inVivoName(selectedText))}
            title="Create a code named by the selected words and apply it"
          >
            In-vivo code
          </button>
          <button
            disabled={!pending}
            onClick={() => void markForPseudonymising()}
            title="Add the selected words to the pseudonymisation review: they will be replaced when it is applied"
          >
            Pseudonymise
          </button>
          <ul class="code-list">
            {matches.map((c) => (
              <li style={{ paddingLeft: `${filter ? 0 : c.depth}em` }}>
                <button
                  class="code"
                  onClick={() => void apply(c.path)}
                  title={c.definition || c.path}
                >
                  <i class="swatch" style={{ background: c.colour }} />
                  {filter ? c.path : c.name}
                  <span class="count">{c.codings}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      </aside>
    </div>
  );
}
