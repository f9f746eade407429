// The change log, newest first, with undo.

import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { notify, useStore } from '../store';
import type { ApiEvent } from '../types';
import { undo } from './app';

export function HistoryView() {
  const s = useStore();
  const [events, setEvents] = useState<ApiEvent[]>([]);
  useEffect(() => {
    api
      .get<{ events: ApiEvent[] }>('/api/history', { limit: 500 })
      .then((r) => setEvents(r.events))
      .catch((e) => notify(e.message, 'error'));
  }, [s.revision, s.notice]);
  return (
    <div class="history">
      <button onClick={() => void undo()}>Undo the last change</button>
      <table class="grid">
        <thead>
          <tr>
            <th>#</th>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr class={e.undoes ? 'undo' : ''}>
              <td>{e.id}</td>
              <td>{e.time}</td>
              <td>{e.coder}</td>
              <td>{e.summary}</td>
              <td class="muted">{e.undoable ? 'can be undone' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
