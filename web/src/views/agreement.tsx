// Agreement between coders: per code and pooled, with the methods paragraph; the disagreements
// side by side, each coder's version in context, decided into a consensus coder.

import { useEffect, useState } from 'preact/hooks';
import { api, type Changed } from '../api';
import { change, notify, useStore } from '../store';

interface Coefficient {
  value: number | null;
  reason?: string;
}
interface Row {
  code: string;
  codings: number[];
  units: number;
  alpha: Coefficient;
  alpha_interval: { low: number; high: number } | null;
  percent_agreement?: Coefficient;
  cohen_kappa?: Coefficient;
}
interface Agreement {
  unit: string;
  coders: string[];
  documents: string[];
  excluded: { document: string; reason: string }[];
  codes: Row[];
  pooled: Row;
  methods: string;
}
interface Version {
  coding: number;
  coder: string;
  code: string;
  start: number;
  end: number;
  text: string;
}
interface Disagreement {
  number: number;
  document: string;
  code: string;
  kind: string;
  applied_by: string[];
  not_applied_by: string[];
  before: string;
  text: string;
  after: string;
  versions: Version[];
  decision: { decision: string; memo: string; by: string } | null;
}

const fixed = (c: Coefficient | undefined, digits = 3) =>
  c?.value === null || c?.value === undefined ? '—' : c.value.toFixed(digits);

function AgreementTable({ result }: { result: Agreement }) {
  const rows = [...result.codes, result.pooled];
  return (
    <>
      <table class="grid">
        <thead>
          <tr>
            <th>Code</th>
            {result.coders.map((c) => (
              <th class="num">{c}</th>
            ))}
            <th class="num">Units</th>
            <th class="num">α</th>
            <th>95% interval</th>
            <th class="num">% agree</th>
            {result.coders.length === 2 && <th class="num">κ</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r === result.pooled ? 'pooled' : ''}>
              <td>{r.code}</td>
              {r.codings.map((n) => (
                <td class="num">{n}</td>
              ))}
              <td class="num">{r.units}</td>
              <td class="num" title={r.alpha.reason ?? ''}>
                {fixed(r.alpha)}
              </td>
              <td>
                {r.alpha_interval
                  ? `${r.alpha_interval.low.toFixed(3)} – ${r.alpha_interval.high.toFixed(3)}`
                  : ''}
              </td>
              <td class="num">
                {r.percent_agreement?.value != null
                  ? `${(100 * r.percent_agreement.value).toFixed(1)}%`
                  : '—'}
              </td>
              {result.coders.length === 2 && <td class="num">{fixed(r.cohen_kappa)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {result.excluded.map((e) => (
        <p class="muted">
          Left out: {e.document} ({e.reason})
        </p>
      ))}
      <h4>Methods</h4>
      <p class="methods">{result.methods}</p>
    </>
  );
}

function DisagreementCard({
  item,
  coders,
  onDecided,
}: {
  item: Disagreement;
  coders: string[];
  onDecided: () => void;
}) {
  const [memo, setMemo] = useState('');
  const decide = async (resolution: string, take = '') => {
    const done = await change(() =>
      api.post<Changed>('/api/reconcile', { coders, item: item.number, resolution, take, memo }),
    );
    if (done) onDecided();
  };
  return (
    <article class="disagreement">
      <header>
        #{item.number} <b>{item.code}</b> · {item.document} · {item.kind}
        {item.decision && (
          <span class="decided">
            {' '}
            decided: {item.decision.decision} ({item.decision.by}) {item.decision.memo}
          </span>
        )}
      </header>
      <p>
        <span class="context">{item.before}</span>
        <mark>{item.text}</mark>
        <span class="context">{item.after}</span>
      </p>
      <div class="versions">
        {coders.map((coder) => (
          <div class="version">
            <h5>{coder}</h5>
            {item.versions
              .filter((v) => v.coder === coder)
              .map((v) => (
                <p>
                  <b>{v.code}</b> {v.start}–{v.end}: “{v.text}”
                </p>
              ))}
            {!item.versions.some((v) => v.coder === coder) && <p class="muted">not coded</p>}
          </div>
        ))}
      </div>
      {!item.decision && (
        <div class="row-buttons">
          <input
            aria-label="Reason"
            placeholder="Reason for the decision"
            value={memo}
            onInput={(e) => setMemo(e.currentTarget.value)}
          />
          {coders.map((c) => (
            <button onClick={() => void decide('take', c)}>Take {c}</button>
          ))}
          <button onClick={() => void decide('both')}>Keep both</button>
          <button onClick={() => void decide('discard')}>Discard</button>
        </div>
      )}
    </article>
  );
}

interface Assignment {
  coder: string;
  documents: { document: string; codings: number }[];
}

// Which documents each coder is to code independently, with their codings in each so far.
function Assignments() {
  const s = useStore();
  const [list, setList] = useState<Assignment[]>([]);
  const [coder, setCoder] = useState('');
  const [document, setDocument] = useState('');
  useEffect(() => {
    api
      .get<{ assignments: Assignment[] }>('/api/assignments')
      .then((r) => setList(r.assignments))
      .catch((e) => notify(e.message, 'error'));
  }, [s.revision]);
  return (
    <section class="assignments">
      <h3>Assignments</h3>
      {list.map((a) => (
        <p>
          <b>{a.coder}</b>:{' '}
          {a.documents.map((d) => `${d.document} (${d.codings} codings)`).join(', ')}
        </p>
      ))}
      <div class="row-buttons">
        Assign{' '}
        <select
          aria-label="Assign document"
          value={document}
          onChange={(e) => setDocument(e.currentTarget.value)}
        >
          <option value="">document…</option>
          {s.documents.map((d) => (
            <option value={d.name}>{d.name}</option>
          ))}
        </select>{' '}
        to{' '}
        <input
          aria-label="Assign to coder"
          placeholder="coder"
          value={coder}
          onInput={(e) => setCoder(e.currentTarget.value)}
        />
        <button
          disabled={!document || !coder.trim()}
          onClick={() =>
            void change(() =>
              api.post<Changed>('/api/assignments', { coder: coder.trim(), documents: [document] }),
            )
          }
        >
          Assign
        </button>
      </div>
    </section>
  );
}

export function AgreementView() {
  const s = useStore();
  const [coders, setCoders] = useState<string[]>([]);
  const [unit, setUnit] = useState('segment');
  const [result, setResult] = useState<Agreement | null>(null);
  const [items, setItems] = useState<Disagreement[] | null>(null);
  const [showDecided, setShowDecided] = useState(false);

  const loadDisagreements = () =>
    api
      .get<{ disagreements: Disagreement[] }>('/api/agreement/disagreements', { coder: coders })
      .then((r) => setItems(r.disagreements))
      .catch((e) => notify(e.message, 'error'));
  useEffect(() => {
    setResult(null);
    setItems(null);
  }, [coders.join(',')]);

  const compute = async () => {
    try {
      setResult(await api.post<Agreement>('/api/agreement', {}, { coder: coders, unit }));
      await loadDisagreements();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  return (
    <div class="agreement">
      <div class="toolbar">
        Compare{' '}
        {s.coders.map((c) => (
          <label>
            <input
              type="checkbox"
              checked={coders.includes(c.name)}
              onChange={(e) =>
                setCoders(
                  e.currentTarget.checked
                    ? [...coders, c.name]
                    : coders.filter((n) => n !== c.name),
                )
              }
            />{' '}
            {c.name}
          </label>
        ))}{' '}
        at the unit{' '}
        <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
          <option value="segment">segment</option>
          <option value="turn">turn</option>
          <option value="document">document</option>
          <option value="character">character</option>
        </select>{' '}
        <button disabled={coders.length < 2} onClick={() => void compute()}>
          Compute agreement
        </button>
      </div>
      {result && <AgreementTable result={result} />}
      {!result && <Assignments />}
      {items && (
        <section>
          <h3>
            Disagreements ({items.filter((i) => !i.decision).length} open){' '}
            <label class="muted">
              <input
                type="checkbox"
                checked={showDecided}
                onChange={(e) => setShowDecided(e.currentTarget.checked)}
              />{' '}
              show decided
            </label>
          </h3>
          {items
            .filter((i) => showDecided || !i.decision)
            .map((item) => (
              <DisagreementCard
                item={item}
                coders={coders}
                onDecided={() => void loadDisagreements()}
              />
            ))}
        </section>
      )}
    </div>
  );
}
