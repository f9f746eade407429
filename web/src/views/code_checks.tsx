// The codebook as a list of check boxes (indented by depth, each with its colour), for views that
// work on a chosen set of codes: retrieval and reports.

import type { Code } from '../types';

export function CodeChecks(props: {
  codes: Code[];
  checked: string[];
  onChange: (paths: string[]) => void;
  label?: string;
}) {
  const { codes, checked, onChange } = props;
  return (
    <ul class="code-checks" aria-label={props.label}>
      {codes.map((c) => (
        <li style={{ paddingLeft: `${c.depth}em` }}>
          <label>
            <input
              type="checkbox"
              checked={checked.includes(c.path)}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked
                    ? [...checked, c.path]
                    : checked.filter((p) => p !== c.path),
                )
              }
            />{' '}
            <i class="swatch" style={{ background: c.colour }} />
            {c.name}
          </label>
        </li>
      ))}
    </ul>
  );
}
