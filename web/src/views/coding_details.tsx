// One coding's details in the reader: change its code or bounds without deleting it, its comment,
// a memo, the important flag, or remove it.

import { useEffect, useState } from 'preact/hooks';
import { api, type Changed } from '../api';
import { change, useStore } from '../store';
import type { Coding } from '../types';
import type { Loaded } from './reader';

interface Props {
  coding: Coding;
  loaded: Loaded;
  pending: { start: number; end: number } | null;
  onClose: () => void;
}

export function CodingDetails({ coding, loaded, pending, onClose }: Props) {
  const s = useStore();
  const [comment, setComment] = useState(coding.comment ?? '');
  const [memo, setMemo] = useState('');
  useEffect(() => setComment(coding.comment ?? ''), [coding.id, coding.comment]);
  const code = s.codes.find((c) => c.id === coding.code_id);
  const coder = s.coders.find((c) => c.id === coding.coder_id);
  const { index, view } = loaded;
  const text = view.text.slice(index.toUtf16(coding.start), index.toUtf16(coding.end));
  const patch = (body: object) =>
    change(() => api.patch<Changed>(`/api/codings/${coding.id}`, body));

  return (
    <div class="coding-details" aria-label="Selected coding">
      <h3>
        Coding #{coding.id}{' '}
        <button class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </h3>
      <p class="quote">“{text.length > 240 ? `${text.slice(0, 240)}…` : text}”</p>
      <p class="muted">
        by {coder?.name ?? '?'}, characters {coding.start}–{coding.end}
      </p>
      <label>
        Code{' '}
        <select
          aria-label="Coding's code"
          value={code?.path ?? ''}
          onChange={(e) => void patch({ code: e.currentTarget.value })}
        >
          {s.codes.map((c) => (
            <option value={c.path}>{c.path}</option>
          ))}
        </select>
      </label>
      <div class="row-buttons">
        <button
          disabled={!pending}
          title="Select new bounds in the text first"
          onClick={() => pending && void patch({ start: pending.start, end: pending.end })}
        >
          Set bounds to selection
        </button>
        <label>
          <input
            type="checkbox"
            checked={coding.important ?? false}
            onChange={(e) => void patch({ important: e.currentTarget.checked })}
          />{' '}
          Important
        </label>
        <label title="Reports take representative quotes first for their code's theme table">
          <input
            type="checkbox"
            checked={coding.representative ?? false}
            onChange={(e) => void patch({ representative: e.currentTarget.checked })}
          />{' '}
          Representative quote
        </label>
      </div>
      <label>
        Comment
        <textarea
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
          onBlur={() => comment !== (coding.comment ?? '') && void patch({ comment })}
        />
      </label>
      <label>
        Memo
        <textarea
          value={memo}
          placeholder="A note on this coding (kept in the project's memos)"
          onInput={(e) => setMemo(e.currentTarget.value)}
        />
      </label>
      <div class="row-buttons">
        <button
          disabled={!memo.trim()}
          onClick={async () => {
            const done = await change(() =>
              api.post<Changed>('/api/memos', {
                target: 'coding',
                reference: String(coding.id),
                text: memo,
              }),
            );
            if (done) setMemo('');
          }}
        >
          Add memo
        </button>
        <button
          class="danger"
          onClick={async () => {
            const done = await change(() => api.del<Changed>(`/api/codings/${coding.id}`));
            if (done) onClose();
          }}
        >
          Remove coding
        </button>
      </div>
    </div>
  );
}
