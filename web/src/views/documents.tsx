// The document list with groups (folders), and upload by drag and drop through the importers.

import { useState } from 'preact/hooks';
import { api } from '../api';
import { change, openDocument, useStore } from '../store';

interface ImportReport {
  documents: { name: string; path: string; reader: string; turns: number; warnings: string[] }[];
  refused: { path: string; message: string }[];
  skipped: string[];
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`;
}

export function DocumentsView() {
  const s = useStore();
  const [group, setGroup] = useState('');
  const [uploadGroup, setUploadGroup] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [dragging, setDragging] = useState(false);

  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const result = await change(() =>
      api.post<ImportReport>('/api/documents', form, { group: uploadGroup }),
    );
    if (result) setReport(result);
  };

  const shown = group ? s.documents.filter((d) => d.groups.includes(group)) : s.documents;
  return (
    <div class="documents">
      <aside class="folders">
        <h3>Groups</h3>
        <button class={group === '' ? 'active' : ''} onClick={() => setGroup('')}>
          All documents ({s.documents.length})
        </button>
        {s.groups.map((g) => (
          <button class={group === g.name ? 'active' : ''} onClick={() => setGroup(g.name)}>
            📁 {g.name} ({g.documents.length})
          </button>
        ))}
      </aside>
      <section class="list">
        <div
          class={`drop${dragging ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void upload(e.dataTransfer?.files ?? null);
          }}
        >
          Drop transcripts and documents here (text, Word, PDF, VTT, SRT, …) or{' '}
          <label class="file">
            choose files
            <input
              type="file"
              multiple
              aria-label="Import files"
              onChange={(e) => void upload(e.currentTarget.files)}
            />
          </label>
          <label>
            {' '}
            into group{' '}
            <input
              list="group-names"
              placeholder="(none)"
              value={uploadGroup}
              onInput={(e) => setUploadGroup(e.currentTarget.value)}
            />
          </label>
          <datalist id="group-names">
            {s.groups.map((g) => (
              <option value={g.name} />
            ))}
          </datalist>
        </div>
        {report && (
          <div class="report" role="status">
            {report.documents.map((d) => (
              <p>
                Imported <b>{d.name}</b> ({d.reader}
                {d.turns > 0 ? `, ${d.turns} turns` : ''})
                {d.warnings.map((w) => (
                  <span class="warning"> ⚠ {w}</span>
                ))}
              </p>
            ))}
            {report.refused.map((r) => (
              <p class="error">
                Not imported: {r.path}: {r.message}
              </p>
            ))}
            {report.skipped.map((path) => (
              <p class="warning">Skipped {path}: not a kind of file Thematica reads</p>
            ))}
          </div>
        )}
        <table class="grid">
          <thead>
            <tr>
              <th>Document</th>
              <th>Kind</th>
              <th>Groups</th>
              <th class="num">Length</th>
              <th>Speakers</th>
              <th class="num">Codings</th>
              <th class="num">Coded</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr>
                <td>
                  <a href="#" onClick={(e) => (e.preventDefault(), openDocument(d.id))}>
                    {d.name}
                  </a>
                </td>
                <td>{d.kind}</td>
                <td>{d.groups.join(', ')}</td>
                <td class="num">{d.length.toLocaleString()}</td>
                <td title={d.speakers.join(', ')}>
                  {d.speakers.length > 0
                    ? `${d.speakers.length}: ${d.speakers.slice(0, 4).join(', ')}${d.speakers.length > 4 ? ', …' : ''}`
                    : ''}
                </td>
                <td class="num">{d.codings}</td>
                <td class="num">
                  <meter min={0} max={1} value={d.length ? d.coded_characters / d.length : 0} />{' '}
                  {percent(d.coded_characters, d.length)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {s.documents.length === 0 && <p class="empty">No documents yet: drop some above.</p>}
      </section>
    </div>
  );
}
