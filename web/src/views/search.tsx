// Full-text search with hits highlighted in context, and coding every hit at once.

import { useState } from 'preact/hooks';
import { api, type Changed } from '../api';
import { change, notify, openDocument, useStore } from '../store';
import type { SearchHit } from '../types';

export function SearchView() {
  const s = useStore();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searched, setSearched] = useState('');
  const [code, setCode] = useState('');

  const run = async () => {
    if (!query.trim()) return;
    try {
      const r = await api.get<{ hits: SearchHit[] }>('/api/search', { q: query, limit: 500 });
      setHits(r.hits);
      setSearched(query);
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  return (
    <div class="search">
      <form
        class="search-bar"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <input
          aria-label="Search text"
          placeholder='Words, "a phrase", prefix*, AND / OR / NOT'
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button type="submit">Search</button>
      </form>
      {hits && (
        <div class="code-all">
          {hits.length} hit{hits.length === 1 ? '' : 's'} for <b>{searched}</b>. Code every hit with{' '}
          <select
            aria-label="Code for all hits"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          >
            <option value="">choose a code…</option>
            {s.codes.map((c) => (
              <option value={c.path}>{c.path}</option>
            ))}
          </select>{' '}
          <button
            disabled={!code || hits.length === 0}
            onClick={() =>
              void change(() => api.post<Changed>('/api/search/code', { query: searched, code }))
            }
          >
            Code all hits
          </button>
        </div>
      )}
      {hits?.map((h) => (
        <article
          class="segment"
          onClick={() => {
            const doc = s.documents.find((d) => d.name === h.document);
            if (doc) openDocument(doc.id, { start: h.start, end: h.end });
          }}
        >
          <header>{h.document}</header>
          <p>
            <span class="context">{h.before}</span>
            <mark>{h.text}</mark>
            <span class="context">{h.after}</span>
          </p>
        </article>
      ))}
    </div>
  );
}
