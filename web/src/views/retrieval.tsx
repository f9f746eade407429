// Retrieval: the coded segments of chosen codes (any of them, or where they overlap), filtered by
// coder, document group and case variable, each with its speakers and their group tag, in context.

import { useEffect, useState } from 'preact/hooks';
import { api, queryString, type Changed } from '../api';
import { CodeChecks } from './code_checks';
import { change, notify, openDocument, useStore } from '../store';
import type { Segment } from '../types';

export function RetrievalView() {
  const s = useStore();
  const [codes, setCodes] = useState<string[]>([]);
  const [match, setMatch] = useState<'any' | 'overlap'>('any');
  const [subcodes, setSubcodes] = useState(true);
  const [coder, setCoder] = useState('');
  const [group, setGroup] = useState('');
  const [variable, setVariable] = useState('');
  const [value, setValue] = useState('');
  const [segments, setSegments] = useState<Segment[] | null>(null);

  const query = {
    code: codes,
    match,
    subcodes,
    coder: coder || undefined,
    group: group || undefined,
    where: variable && value ? `${variable}=${value}` : undefined,
    context: 80,
  };
  useEffect(() => {
    api
      .get<{ segments: Segment[] }>('/api/segments', query)
      .then((r) => setSegments(r.segments))
      .catch((e) => notify(e.message, 'error'));
  }, [codes.join('\n'), match, subcodes, coder, group, variable, value, s.revision]);

  const values = [
    ...new Set(s.cases.map((c) => c.values[variable]).filter((v): v is string => !!v)),
  ].sort();
  const tagVariable = s.tagVariable;
  const openAt = (seg: Segment) => {
    const doc = s.documents.find((d) => d.name === seg.document);
    if (doc) openDocument(doc.id, { start: seg.start, end: seg.end });
  };

  return (
    <div class="retrieval">
      <aside class="filters">
        <h3>Codes</h3>
        <CodeChecks codes={s.codes} checked={codes} onChange={setCodes} />
        <fieldset>
          <label>
            <input
              type="radio"
              name="match"
              checked={match === 'any'}
              onChange={() => setMatch('any')}
            />{' '}
            any of them
          </label>
          <label>
            <input
              type="radio"
              name="match"
              checked={match === 'overlap'}
              onChange={() => setMatch('overlap')}
            />{' '}
            where they overlap
          </label>
          <label>
            <input
              type="checkbox"
              checked={subcodes}
              onChange={(e) => setSubcodes(e.currentTarget.checked)}
            />{' '}
            with sub-codes
          </label>
        </fieldset>
        <label>
          Coder{' '}
          <select
            aria-label="Filter by coder"
            value={coder}
            onChange={(e) => setCoder(e.currentTarget.value)}
          >
            <option value="">all</option>
            {s.coders.map((c) => (
              <option value={c.name}>{c.name}</option>
            ))}
          </select>
        </label>
        <label>
          Document group{' '}
          <select
            aria-label="Filter by group"
            value={group}
            onChange={(e) => setGroup(e.currentTarget.value)}
          >
            <option value="">all</option>
            {s.groups.map((g) => (
              <option value={g.name}>{g.name}</option>
            ))}
          </select>
        </label>
        <label>
          Participants with{' '}
          <select
            aria-label="Filter variable"
            value={variable}
            onChange={(e) => (setVariable(e.currentTarget.value), setValue(''))}
          >
            <option value="">any variable</option>
            {s.variables.map((v) => (
              <option value={v.name}>{v.name}</option>
            ))}
          </select>
          {variable && (
            <select
              aria-label="Filter value"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
            >
              <option value="">any value</option>
              {values.map((v) => (
                <option value={v}>{v}</option>
              ))}
            </select>
          )}
        </label>
        <a
          class="button"
          href={`/api/segments${queryString({ ...query, format: 'csv' })}`}
          download="segments.csv"
        >
          Export CSV
        </a>
      </aside>
      <section class="results">
        <p class="muted">
          {segments ? `${segments.length} segment${segments.length === 1 ? '' : 's'}` : 'Loading…'}
        </p>
        {segments?.map((seg) => (
          <article class="segment" onClick={() => openAt(seg)} title="Open in its document">
            <header>
              <b>{seg.code}</b> · {seg.document} · {seg.coder}
              {seg.speakers.map((speaker, i) => {
                const tag = seg.speaker_values[i]?.[tagVariable];
                return (
                  <span class="speaker">
                    {' '}
                    · {speaker}
                    {tag ? <span class="tag">{tag}</span> : null}
                  </span>
                );
              })}
              {seg.important && <span class="important"> ★</span>}
              <label class="quote-mark" onClick={(e) => e.stopPropagation()}>
                <input
                  type="checkbox"
                  checked={seg.representative}
                  onChange={(e) => {
                    const representative = e.currentTarget.checked;
                    // Shown at once; the reload after the change confirms it (or undoes it on
                    // failure, with the server's message).
                    setSegments(
                      (list) =>
                        list?.map((s) => (s.id === seg.id ? { ...s, representative } : s)) ?? null,
                    );
                    void change(() =>
                      api.patch<Changed>(`/api/codings/${seg.id}`, { representative }),
                    );
                  }}
                />{' '}
                representative quote
              </label>
            </header>
            <p>
              <span class="context">{seg.before}</span>
              <mark>{seg.text}</mark>
              <span class="context">{seg.after}</span>
            </p>
          </article>
        ))}
      </section>
    </div>
  );
}
