// Helpers for the browser tests: a fixture project made with the real CLI, the real server started
// as a user starts it, and Debian's Chromium driven by Playwright.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
const require = createRequire(join(repo, 'web', 'package.json'));
export const { chromium } = require('playwright-core');

export const bin = process.env.THEMATICA_BIN ?? join(repo, 'build/dev/thematica');
export const artefacts = process.env.E2E_ARTEFACTS ?? join(repo, 'build/dev/e2e-artefacts');
mkdirSync(artefacts, { recursive: true });

/** A temporary folder with a project file; `run` runs the CLI on it. */
export function makeProject() {
  const dir = mkdtempSync(join(tmpdir(), 'thematica-e2e-'));
  const project = join(dir, 'study.thematica');
  const run = (...args) =>
    execFileSync(bin, ['-p', project, ...args], { cwd: dir, encoding: 'utf8' });
  run('init');
  return {
    dir,
    project,
    run,
    write: (name, text) => writeFileSync(join(dir, name), text),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Starts `thematica serve` on a free port, with any further options (`--key-file`, `--known` ...);
 * resolves with its URL (carrying the token).
 */
export function serve(project, options = []) {
  const child = spawn(bin, ['-p', project, 'serve', '--port', '0', ...options], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/Open (http:\/\/\S+)/);
      if (match)
        resolveUrl({
          url: match[1],
          origin: new URL(match[1]).origin,
          stop: () => child.kill('SIGTERM'),
          child,
        });
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`thematica serve exited (${code}): ${out}`)));
  });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Drags the mouse over the characters [start, end) (UTF-16 units, counted in the document's text
 * pieces) as a user selects text.
 */
export async function dragSelect(page, start, end) {
  const points = await page.evaluate(
    ([from, to]) => {
      const pieces = [...document.querySelectorAll('.doc-text span[data-o]')];
      const rectAt = (offset, side) => {
        for (const p of pieces) {
          const at = Number(p.dataset.o);
          const node = p.firstChild;
          const length = node?.textContent?.length ?? 0;
          const local = offset - at;
          if (side === 'start' ? local >= 0 && local < length : local > 0 && local <= length) {
            const range = document.createRange();
            range.setStart(node, side === 'start' ? local : local - 1);
            range.setEnd(node, side === 'start' ? local + 1 : local);
            range.startContainer.parentElement.scrollIntoView({
              block: 'center',
            });
            return range.getBoundingClientRect();
          }
        }
        throw new Error(`no text at ${offset}`);
      };
      const a = rectAt(from, 'start');
      const b = rectAt(to, 'end');
      return {
        x1: a.left + 1,
        y1: a.top + a.height / 2,
        x2: b.right - 1,
        y2: b.top + b.height / 2,
      };
    },
    [start, end],
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}
