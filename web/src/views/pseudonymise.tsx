// Pseudonymisation review: every suggestion in its context with the pseudonym it would get,
// accepted or rejected one by one or for every mention of the same entity, pseudonyms chosen, and
// the review applied. Spans the detectors missed are added from a selection in "Read & code".
// Nothing in the texts changes until "Apply".

import { useEffect, useState } from 'preact/hooks';
import { api, type Changed } from '../api';
import { change, notify, useStore } from '../store';
import type { Review, ReviewItem } from '../types';

type Verdict = 'accept' | 'reject' | 'undecide';

async function decide(body: { verdict: Verdict } & Record<string, unknown>): Promise<void> {
  const done = await change(() =>
    api.post<Changed & { changed: number }>('/api/pseudonymisation/review/decisions', body),
  );
  if (done && done.changed === 0) notify('Nothing to change: already so.');
}

function RenameForm({ pseudonym }: { pseudonym: string }) {
  const [value, setValue] = useState(pseudonym);
  useEffect(() => setValue(pseudonym), [pseudonym]);
  return (
    <form
      class="rename"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim() && value !== pseudonym) {
          void change(() =>
            api.put<Changed>('/api/pseudonymisation/review/pseudonyms', {
              entity: pseudonym,
              pseudonym: value.trim(),
            }),
          );
        }
      }}
    >
      <input
        aria-label={`Pseudonym for ${pseudonym}`}
        value={value}
        onInput={(e) => setValue(e.currentTarget.value)}
      />
    </form>
  );
}

function ItemRow({ item }: { item: ReviewItem }) {
  const decided = item.status !== 'pending' && item.status !== 'covered';
  return (
    <tr class={`review-${item.status}`} data-ref={item.ref}>
      <td class="in-context">
        <span class="muted">…{item.before}</span>
        <mark>{item.text}</mark>
        <span class="muted">{item.after}…</span>
        <div class="muted small">
          {item.document} · {item.rule}
        </div>
      </td>
      <td>{item.category}</td>
      <td>{item.confidence.toFixed(2)}</td>
      <td>{item.status}</td>
      <td>{item.pseudonym}</td>
      <td class="actions">
        {item.status !== 'accepted' && item.status !== 'added' && (
          <button onClick={() => void decide({ verdict: 'accept', refs: [item.ref] })}>
            Accept
          </button>
        )}
        {item.status !== 'rejected' && (
          <button onClick={() => void decide({ verdict: 'reject', refs: [item.ref] })}>
            Reject
          </button>
        )}
        {decided && (
          <button onClick={() => void decide({ verdict: 'undecide', refs: [item.ref] })}>
            Undecide
          </button>
        )}
        <button
          title={`Accept every mention that becomes ${item.pseudonym}`}
          onClick={() => void decide({ verdict: 'accept', entity: item.entity })}
        >
          Accept all {item.pseudonym}
        </button>
        <button
          title={`Reject every mention that would become ${item.pseudonym}`}
          onClick={() => void decide({ verdict: 'reject', entity: item.entity })}
        >
          Reject all
        </button>
      </td>
    </tr>
  );
}

export function PseudonymiseView() {
  const s = useStore();
  const [review, setReview] = useState<Review | null>(null);
  const [status, setStatus] = useState('pending');
  const [threshold, setThreshold] = useState(0.5);
  useEffect(() => {
    api
      .get<Review>('/api/pseudonymisation/review')
      .then(setReview)
      .catch((e) => notify(e.message, 'error'));
  }, [s.revision]);
  if (!review) return <p class="muted">Looking for identifiers…</p>;
  const shown = review.items.filter((i) => !status || i.status === status);
  const pseudonyms = [
    ...new Set(review.items.filter((i) => i.status !== 'rejected').map((i) => i.pseudonym)),
  ];
  const apply = async () => {
    if (
      !confirm(
        'Replace every accepted and added span by its pseudonym? This cannot be undone; the key file restores the originals.',
      )
    )
      return;
    await change(() => api.post<Changed>('/api/pseudonymisation/apply', {}));
  };
  return (
    <div class="pseudonymise">
      <p class="summary" data-testid="review-summary">
        {review.pending} pending, {review.to_replace} to replace, {review.rejected} rejected
      </p>
      {review.changed_documents.map((d) => (
        <p class="notice error">
          “{d}” changed since it was reviewed: its decisions no longer count.
        </p>
      ))}
      <div class="toolbar">
        <label>
          Show{' '}
          <select
            aria-label="Show"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
          >
            <option value="pending">pending</option>
            <option value="accepted">accepted</option>
            <option value="added">added</option>
            <option value="rejected">rejected</option>
            <option value="covered">covered</option>
            <option value="">all</option>
          </select>
        </label>
        <label>
          Confidence{' '}
          <input
            aria-label="Confidence threshold"
            type="number"
            min="0"
            max="1"
            step="0.05"
            value={threshold}
            onInput={(e) => setThreshold(Number(e.currentTarget.value))}
          />
        </label>
        <button
          onClick={() =>
            void decide({ verdict: 'accept', pending: true, min_confidence: threshold })
          }
        >
          Accept pending at or above {threshold}
        </button>
        <button onClick={() => void decide({ verdict: 'reject', pending: true, below: threshold })}>
          Reject pending below {threshold}
        </button>
        <span class="spacer" />
        <button
          class="primary"
          disabled={review.pending > 0 || review.to_replace === 0 || !review.can_apply}
          title={
            review.can_apply
              ? 'Replace what was accepted and added'
              : 'Start the workspace with --key-file and --passphrase-file to apply'
          }
          onClick={() => void apply()}
        >
          Apply
        </button>
      </div>
      <table class="grid review">
        <thead>
          <tr>
            <th>In context</th>
            <th>Category</th>
            <th>Confidence</th>
            <th>Status</th>
            <th>Becomes</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => (
            <ItemRow item={item} />
          ))}
        </tbody>
      </table>
      <h3>Pseudonyms</h3>
      <p class="muted">Type another pseudonym and press Enter, e.g. “[Nurse 1]” for “[P03]”.</p>
      <ul class="pseudonyms">
        {pseudonyms.map((p) => (
          <li>
            <RenameForm pseudonym={p} />
          </li>
        ))}
      </ul>
    </div>
  );
}
