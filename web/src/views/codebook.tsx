// The codebook: a tree with colours and counts; add, rename, move by dragging, merge, delete,
// describe (definition, when to use, when not to use, example), import a codebook file or one of
// the starter codebooks built into Thematica.

import { useEffect, useState } from 'preact/hooks';
import { api, type Changed } from '../api';
import { change, notify, useStore } from '../store';
import type { Code, StarterCodebook } from '../types';

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function CodeEditor({ code }: { code: Code }) {
  const s = useStore();
  const [fields, setFields] = useState(code);
  const [name, setName] = useState(code.name);
  const [mergeInto, setMergeInto] = useState('');
  useEffect(() => {
    setFields(code);
    setName(code.name);
  }, [code]);
  const field = (
    key: 'definition' | 'when_to_use' | 'when_not_to_use' | 'example',
    label: string,
  ) => (
    <label>
      {label}
      <textarea
        value={fields[key]}
        onInput={(e) => setFields({ ...fields, [key]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <div class="code-editor" aria-label="Code details">
      <h3>
        <i class="swatch" style={{ background: code.colour }} /> {code.path}
      </h3>
      <p class="muted">
        {code.codings} codings on this code, {code.codings_in_branch} with its sub-codes
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void change(() =>
            api.patch<Changed>('/api/codes', {
              path: code.path,
              colour: fields.colour,
              definition: fields.definition,
              when_to_use: fields.when_to_use,
              when_not_to_use: fields.when_not_to_use,
              example: fields.example,
              ...(name !== code.name ? { name } : {}),
            }),
          );
        }}
      >
        <label>
          Name{' '}
          <input
            aria-label="Code name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          Colour{' '}
          <input
            type="color"
            value={fields.colour || '#888888'}
            onInput={(e) => setFields({ ...fields, colour: e.currentTarget.value })}
          />
        </label>
        {field('definition', 'Definition')}
        {field('when_to_use', 'When to use')}
        {field('when_not_to_use', 'When not to use')}
        {field('example', 'Example')}
        <button type="submit">Save</button>
      </form>
      <div class="row-buttons">
        <select
          aria-label="Merge into"
          value={mergeInto}
          onChange={(e) => setMergeInto(e.currentTarget.value)}
        >
          <option value="">Merge into…</option>
          {s.codes
            .filter((c) => c.id !== code.id)
            .map((c) => (
              <option value={c.path}>{c.path}</option>
            ))}
        </select>
        <button
          disabled={!mergeInto}
          onClick={() =>
            void change(() =>
              api.post<Changed>('/api/codes/merge', { source: code.path, target: mergeInto }),
            )
          }
        >
          Merge
        </button>
        <button
          class="danger"
          onClick={() => {
            const busy =
              code.codings_in_branch > 0 || s.codes.some((c) => parentOf(c.path) === code.path);
            if (
              busy &&
              !confirm(
                `Delete ${code.path} with its sub-codes and ${code.codings_in_branch} codings?`,
              )
            )
              return;
            void change(() => api.del<Changed>('/api/codes', { path: code.path, force: busy }));
          }}
        >
          Delete
        </button>
      </div>
    </div>
  );
}

// The frameworks Thematica ships as codebooks, for a deductive start; importing one again adds
// only what is missing.
function StarterCodebooks() {
  const [starters, setStarters] = useState<StarterCodebook[]>([]);
  useEffect(() => {
    api
      .get<StarterCodebook[]>('/api/codes/starters')
      .then(setStarters)
      .catch((e) => notify(e.message, 'error'));
  }, []);
  return (
    <details class="starters">
      <summary>Starter codebooks</summary>
      <ul>
        {starters.map((starter) => (
          <li key={starter.name}>
            <b>{starter.title}</b> ({starter.codes} codes)
            <p class="muted">{starter.summary}</p>
            <button
              aria-label={`Import ${starter.title}`}
              onClick={() =>
                void change(() =>
                  api.post<Changed>(`/api/codes/starters/${starter.name}/import`, {}),
                )
              }
            >
              Import
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function CodebookView() {
  const s = useStore();
  const [selected, setSelected] = useState<string>('');
  const [newPath, setNewPath] = useState('');
  const [dragged, setDragged] = useState('');
  const code = s.codes.find((c) => c.path === selected);

  const move = (path: string, parent: string) => {
    if (!path || path === parent || parentOf(path) === parent) return;
    void change(() => api.patch<Changed>('/api/codes', { path, parent }));
  };
  const importFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    await change(() => api.post<Changed>('/api/codes/import', form));
  };

  return (
    <div class="codebook">
      <section class="tree">
        <form
          class="add-code"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newPath.trim()) return;
            void change(() => api.post<Changed>('/api/codes', { path: newPath.trim() })).then(
              (done) => done && setNewPath(''),
            );
          }}
        >
          <input
            aria-label="New code path"
            placeholder="New code, e.g. Barriers/Time pressure"
            value={newPath}
            onInput={(e) => setNewPath(e.currentTarget.value)}
          />
          <button type="submit">Add code</button>
          <label class="file">
            Import codebook (.qdc, .csv)
            <input
              type="file"
              accept=".qdc,.csv"
              aria-label="Import codebook"
              onChange={(e) => void importFile(e.currentTarget.files)}
            />
          </label>
        </form>
        <StarterCodebooks />
        <div
          class="top-level"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            move(dragged, '');
          }}
        >
          Drop here to move a code to the top level
        </div>
        <ul class="code-tree">
          {s.codes.map((c) => (
            <li
              style={{ paddingLeft: `${c.depth * 1.2}em` }}
              draggable
              onDragStart={() => setDragged(c.path)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                move(dragged, c.path);
              }}
            >
              <button
                class={`code${c.path === selected ? ' active' : ''}`}
                onClick={() => setSelected(c.path)}
              >
                <i class="swatch" style={{ background: c.colour }} />
                {c.name}
                <span class="count" title="codings on this code / with sub-codes">
                  {c.codings}
                  {c.codings_in_branch !== c.codings ? ` / ${c.codings_in_branch}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section class="detail">
        {code ? <CodeEditor code={code} /> : <p class="muted">Choose a code to edit it.</p>}
      </section>
    </div>
  );
}
