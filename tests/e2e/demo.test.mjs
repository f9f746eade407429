// The demo study as `make run` opens it: the project scripts/demo-study makes, served as a user
// serves it and read in real Chromium: three focus groups by role, two coders whose agreement and
// disagreements the workspace shows, and the starter codebooks on offer.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artefacts, bin, launch, repo, serve } from './workspace.mjs';

let dir;
let server;
let browser;
let page;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thematica-demo-'));
  const project = join(dir, 'demo-study.thematica');
  execFileSync(join(repo, 'scripts/demo-study'), [bin, project], { encoding: 'utf8' });
  server = await serve(project);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the demo opens with three focus groups by role', async () => {
  await page.getByRole('link', { name: 'demographics-qualtrics Q6' }).waitFor();
  const names = await page.locator('.documents table.grid tbody tr td:first-child').allInnerTexts();
  assert.deepEqual(names, [
    'fg-medical-students',
    'fg-small-group-advisors',
    'fg-curriculum-leaders',
    'demographics-qualtrics Q6',
  ]);
  await page.screenshot({ path: join(artefacts, 'demo-documents.png') });
  await page.getByRole('tab', { name: 'Participants' }).click();
  assert.equal(await page.getByLabel('Priya Raman group').inputValue(), 'MS');
  assert.equal(await page.getByLabel('Grace Tan group').inputValue(), 'SGA');
  assert.equal(await page.getByLabel('David Lowe group').inputValue(), 'MCL');
  assert.equal(await page.getByLabel('Helen Marsh in analysis').isChecked(), false);
});

test("the two coders' agreement and their disagreements are there to reconcile", async () => {
  // Computing agreement is recorded in the history, under the acting coder's name.
  await page.getByLabel('Current coder').selectOption('nadia');
  await page.getByRole('tab', { name: 'Agreement' }).click();
  await page.locator('.agreement label', { hasText: 'nadia' }).locator('input').check();
  await page.locator('.agreement label', { hasText: 'owen' }).locator('input').check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  await page.locator('.methods').waitFor();
  const pooled = await page.locator('.agreement table tr.pooled').innerText();
  assert.match(pooled, /^\(pooled\)\s+114\s+111\b/);
  assert.match(pooled, /\b0\.665\b/);
  await page.getByText('Disagreements (54 open)').waitFor();
  await page.screenshot({ path: join(artefacts, 'demo-agreement.png') });
});

test('the starter codebooks are on offer in the codebook', async () => {
  await page.getByRole('tab', { name: 'Codebook' }).click();
  await page.getByText('Starter codebooks').click();
  const titles = await page.locator('.starters li b').allInnerTexts();
  assert.deepEqual(titles, [
    'Compassion: engagement, action, flows and inhibitors',
    'Shame and guilt',
    'Actions that sustain compassionate care',
    'Engagement states under suffering',
    'Facilitators and barriers to compassion in medical training',
  ]);
  assert.equal(await page.locator('.code-tree li', { hasText: 'Role models' }).count(), 1);
});
