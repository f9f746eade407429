// Participants: cases and their variables in an editable table; speakers mapped to participants
// (merging a speaker's case into a participant's), and speakers left out of analysis.

import { useState } from 'preact/hooks';
import { api, type Changed } from '../api';
import { change, useStore } from '../store';
import type { Case } from '../types';

function ValueCell({ kase, variable }: { kase: Case; variable: string }) {
  const original = kase.values[variable] ?? '';
  const [value, setValue] = useState(original);
  return (
    <input
      aria-label={`${kase.name} ${variable}`}
      value={value}
      onInput={(e) => setValue(e.currentTarget.value)}
      onBlur={() => {
        if (value !== original) {
          void change(() =>
            api.put<Changed>('/api/cases/values', {
              case: kase.name,
              values: { [variable]: value },
            }),
          );
        }
      }}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
    />
  );
}

export function ParticipantsView() {
  const s = useStore();
  const [newVariable, setNewVariable] = useState('');
  const variables = [...s.variables.map((v) => v.name), ...(newVariable ? [newVariable] : [])];
  return (
    <div class="participants">
      <p class="muted">
        Every speaker in a transcript is a case. Type a value to set it (an empty value clears it).
        “Same person as” maps a speaker onto another participant: their turns and values join that
        case.
      </p>
      <table class="grid">
        <thead>
          <tr>
            <th>Case</th>
            {variables.map((v) => (
              <th>{v}</th>
            ))}
            <th>
              <input
                aria-label="New variable"
                placeholder="+ variable"
                value={newVariable}
                onChange={(e) => setNewVariable(e.currentTarget.value.trim())}
              />
            </th>
            <th>In analysis</th>
            <th>Same person as</th>
          </tr>
        </thead>
        <tbody>
          {s.cases.map((kase) => (
            <tr key={`${kase.id}:${JSON.stringify(kase.values)}`}>
              <td>
                {kase.name}
                <div class="muted small">
                  {kase.links
                    .map((l) => l.document)
                    .filter((d, i, all) => all.indexOf(d) === i)
                    .join(', ')}
                </div>
              </td>
              {variables.map((v) => (
                <td>
                  <ValueCell kase={kase} variable={v} />
                </td>
              ))}
              <td />
              <td>
                <input
                  type="checkbox"
                  aria-label={`${kase.name} in analysis`}
                  checked={kase.analysed}
                  onChange={(e) =>
                    void change(() =>
                      api.post<Changed>('/api/cases/analysed', {
                        case: kase.name,
                        analysed: e.currentTarget.checked,
                      }),
                    )
                  }
                />
              </td>
              <td>
                <select
                  aria-label={`${kase.name} same person as`}
                  value=""
                  onChange={(e) => {
                    const target = e.currentTarget.value;
                    if (target && confirm(`Merge ${kase.name} into ${target}?`)) {
                      void change(() =>
                        api.post<Changed>('/api/cases/merge', { source: kase.name, target }),
                      );
                    }
                  }}
                >
                  <option value="">—</option>
                  {s.cases
                    .filter((c) => c.id !== kase.id)
                    .map((c) => (
                      <option value={c.name}>{c.name}</option>
                    ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
