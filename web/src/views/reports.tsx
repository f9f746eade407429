// Reports: theme tables with representative quotes, or themes by group, previewed as the HTML
// report and downloaded as Word, Excel, CSV or HTML; settings saved in the project under a name,
// to run the same report again here or from the CLI (`thematica report run NAME`).

import { useEffect, useState } from 'preact/hooks';
import { api, postForFile, type Changed } from '../api';
import { CodeChecks } from './code_checks';
import { change, notify, useStore } from '../store';

type Kind = 'themes' | 'matrix' | 'cooccurrence';
type Format = 'docx' | 'xlsx' | 'csv' | 'html';

interface ThemeSettings {
  codes: string[];
  group_by: string;
  tag: string;
  quotes: number;
  speaker_ids: boolean;
  without_fillers: boolean;
  max_words: number;
  coders: string[];
  labels: [string, string][];
}

interface MatrixSettings {
  codes: string[];
  by: string;
  count: 'participants' | 'segments' | 'documents';
  coders: string[];
}

interface CooccurrenceSettings {
  codes: string[];
  within: 'overlap' | 'turn';
  coders: string[];
}

interface SavedReport {
  name: string;
  kind: Kind;
  format: Format;
  settings: ThemeSettings | MatrixSettings | CooccurrenceSettings;
}

const kFormats: [Format, string][] = [
  ['docx', 'Word'],
  ['xlsx', 'Excel'],
  ['csv', 'CSV'],
  ['html', 'HTML'],
];

const kNewThemes: ThemeSettings = {
  codes: [],
  group_by: '',
  tag: '',
  quotes: 3,
  speaker_ids: false,
  without_fillers: false,
  max_words: 0,
  coders: [],
  labels: [],
};

const kNewMatrix: MatrixSettings = { codes: [], by: '', count: 'participants', coders: [] };
const kNewCooccurrence: CooccurrenceSettings = { codes: [], within: 'overlap', coders: [] };

/** "MS=medical student" lines as the API's [value, text] pairs, and back. */
function parseLabels(text: string): [string, string][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes('='))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()] as [string, string];
    });
}

function labelsText(labels: [string, string][]): string {
  return labels.map(([value, text]) => `${value}=${text}`).join('\n');
}

export function ReportsView() {
  const s = useStore();
  const [kind, setKind] = useState<Kind>('themes');
  const [themes, setThemes] = useState<ThemeSettings>(kNewThemes);
  const [matrix, setMatrix] = useState<MatrixSettings>(kNewMatrix);
  const [meet, setMeet] = useState<CooccurrenceSettings>(kNewCooccurrence);
  const [labels, setLabels] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedReport[]>([]);
  const [name, setName] = useState('');

  useEffect(() => {
    api
      .get<{ saved: SavedReport[] }>('/api/reports')
      .then((r) => setSaved(r.saved))
      .catch((e) => notify(e.message, 'error'));
  }, [s.revision]);

  // The settings of the chosen kind, and how to change them.
  const current: { codes: string[]; coders: string[] } =
    kind === 'themes' ? themes : kind === 'matrix' ? matrix : meet;
  const edit = (part: Partial<ThemeSettings & MatrixSettings & CooccurrenceSettings>) => {
    if (kind === 'themes') setThemes({ ...themes, ...(part as Partial<ThemeSettings>) });
    else if (kind === 'matrix') setMatrix({ ...matrix, ...(part as Partial<MatrixSettings>) });
    else setMeet({ ...meet, ...(part as Partial<CooccurrenceSettings>) });
  };
  const codes = current.codes;
  const setCodes = (next: string[]) => edit({ codes: next });
  const coder = current.coders[0] ?? '';
  const setCoder = (name: string) => edit({ coders: name ? [name] : [] });
  const request = (format: Format) => ({
    kind,
    format,
    settings:
      kind === 'themes'
        ? { ...themes, labels: parseLabels(labels) }
        : kind === 'matrix'
          ? matrix
          : meet,
  });
  const ready = codes.length > 0 && (kind !== 'matrix' || matrix.by !== '');

  const showPreview = async () => {
    setBusy(true);
    try {
      const { blob } = await postForFile('/api/reports/render', request('html'));
      setPreview(await blob.text());
    } catch (e) {
      notify((e as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const download = async (format: Format) => {
    setBusy(true);
    try {
      const { blob, filename } = await postForFile('/api/reports/render', request(format), {
        download: 1,
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (e) {
      notify((e as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    change(() => api.put<Changed>('/api/reports', { name: name.trim(), ...request('docx') }));
  const open = (report: SavedReport) => {
    setKind(report.kind);
    setName(report.name);
    if (report.kind === 'themes') {
      const settings = report.settings as ThemeSettings;
      setThemes(settings);
      setLabels(labelsText(settings.labels));
    } else if (report.kind === 'matrix') {
      setMatrix(report.settings as MatrixSettings);
    } else {
      setMeet(report.settings as CooccurrenceSettings);
    }
    setPreview(null);
  };

  return (
    <div class="reports">
      <aside class="filters">
        <fieldset>
          <legend>Report</legend>
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'themes'}
              onChange={() => setKind('themes')}
            />{' '}
            Theme tables with quotes
          </label>
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'matrix'}
              onChange={() => setKind('matrix')}
            />{' '}
            Themes by group (matrix)
          </label>
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'cooccurrence'}
              onChange={() => setKind('cooccurrence')}
            />{' '}
            Themes that meet (co-occurrence)
          </label>
        </fieldset>
        <h3>Themes</h3>
        <CodeChecks codes={s.codes} checked={codes} onChange={setCodes} label="Themes to report" />
        <p class="muted">A theme brings its sub-codes as sub-themes.</p>
        {kind === 'themes' ? (
          <>
            <label>
              One table per{' '}
              <select
                aria-label="One table per"
                value={themes.group_by}
                onChange={(e) => setThemes({ ...themes, group_by: e.currentTarget.value })}
              >
                <option value="">(one table for all)</option>
                {s.variables.map((v) => (
                  <option value={v.name}>{v.name}</option>
                ))}
              </select>
            </label>
            <label>
              Tag quotes with{' '}
              <select
                aria-label="Tag quotes with"
                value={themes.tag}
                onChange={(e) => setThemes({ ...themes, tag: e.currentTarget.value })}
              >
                <option value="">(the table's variable)</option>
                {s.variables.map((v) => (
                  <option value={v.name}>{v.name}</option>
                ))}
              </select>
            </label>
            <label>
              Quotes per theme{' '}
              <input
                type="number"
                min={0}
                max={50}
                value={themes.quotes}
                onChange={(e) =>
                  setThemes({ ...themes, quotes: Math.max(0, Number(e.currentTarget.value)) })
                }
              />
            </label>
            <label>
              <input
                type="checkbox"
                checked={themes.speaker_ids}
                onChange={(e) => setThemes({ ...themes, speaker_ids: e.currentTarget.checked })}
              />{' '}
              speaker ids
            </label>
            <label>
              <input
                type="checkbox"
                checked={themes.without_fillers}
                onChange={(e) => setThemes({ ...themes, without_fillers: e.currentTarget.checked })}
              />{' '}
              without fillers (um, uh, er)
            </label>
            <label>
              Shorten quotes over{' '}
              <input
                type="number"
                min={0}
                value={themes.max_words}
                aria-label="Shorten quotes over (words; 0: never)"
                onChange={(e) =>
                  setThemes({ ...themes, max_words: Math.max(0, Number(e.currentTarget.value)) })
                }
              />{' '}
              words
            </label>
            <label>
              Legend (one per line: MS=medical student)
              <textarea
                rows={3}
                value={labels}
                aria-label="Legend"
                onInput={(e) => setLabels(e.currentTarget.value)}
              />
            </label>
          </>
        ) : kind === 'cooccurrence' ? (
          <label>
            Meet when{' '}
            <select
              aria-label="Meet when"
              value={meet.within}
              onChange={(e) =>
                setMeet({
                  ...meet,
                  within: e.currentTarget.value as CooccurrenceSettings['within'],
                })
              }
            >
              <option value="overlap">their segments overlap</option>
              <option value="turn">in the same speaker turn</option>
            </select>
          </label>
        ) : (
          <>
            <label>
              Columns{' '}
              <select
                aria-label="Columns"
                value={matrix.by}
                onChange={(e) => setMatrix({ ...matrix, by: e.currentTarget.value })}
              >
                <option value="">(choose)</option>
                {s.variables.map((v) => (
                  <option value={v.name}>{v.name}</option>
                ))}
                <option value="document">each document</option>
              </select>
            </label>
            <label>
              Count{' '}
              <select
                aria-label="Count"
                value={matrix.count}
                onChange={(e) =>
                  setMatrix({ ...matrix, count: e.currentTarget.value as MatrixSettings['count'] })
                }
              >
                <option value="participants">participants who mentioned it</option>
                <option value="segments">coded segments</option>
                <option value="documents">documents</option>
              </select>
            </label>
          </>
        )}
        <label>
          Codings of{' '}
          <select
            aria-label="Codings of"
            value={coder}
            onChange={(e) => setCoder(e.currentTarget.value)}
          >
            <option value="">every coder</option>
            {s.coders.map((c) => (
              <option value={c.name}>{c.name}</option>
            ))}
          </select>
        </label>
        <div class="actions">
          <button disabled={!ready || busy} onClick={() => void showPreview()}>
            Preview
          </button>
          {kFormats.map(([format, label]) => (
            <button disabled={!ready || busy} onClick={() => void download(format)}>
              {label}
            </button>
          ))}
        </div>
        <h3>Saved reports</h3>
        <label>
          Name{' '}
          <input
            value={name}
            aria-label="Report name"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <button disabled={!ready || !name.trim()} onClick={() => void save()}>
          Save settings
        </button>
        <ul class="saved-reports">
          {saved.map((r) => (
            <li>
              <button class="link" onClick={() => open(r)}>
                {r.name}
              </button>{' '}
              <span class="muted">
                {r.kind === 'themes'
                  ? 'theme tables'
                  : r.kind === 'matrix'
                    ? 'matrix'
                    : 'co-occurrence'}
              </span>{' '}
              <button
                class="link"
                aria-label={`Delete ${r.name}`}
                onClick={() =>
                  void change(() => api.del<Changed>('/api/reports', { name: r.name }))
                }
              >
                delete
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section class="results">
        {preview === null ? (
          <p class="muted">
            {ready
              ? 'Preview shows the report as it will print; the buttons download it.'
              : kind === 'matrix'
                ? 'Choose one or more themes and the columns.'
                : 'Choose one or more themes.'}
          </p>
        ) : (
          // The report is our own HTML, shown without scripts or access to the workspace.
          <iframe class="report-preview" title="Report preview" sandbox="" srcdoc={preview} />
        )}
      </section>
    </div>
  );
}
