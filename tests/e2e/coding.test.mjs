// A new user's path through the workspace, in real Chromium against the real server: open the
// link, choose a coder, select a passage (after emoji) with the mouse, apply a code with the
// keyboard, find it in retrieval with the speaker's group, and code blind.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { artefacts, dragSelect, launch, makeProject, serve } from './workspace.mjs';

// Emoji (two UTF-16 units each, one code point) and a combining mark before the passage: the
// browser's offsets and the project's differ by 3 at the passage.
const transcript = [
  'Interviewer: What happened on the ward? \u{1F3E5}',
  'Student A: Honestly \u{1F622}\u{1F622} the cafe\u0301 was shut and there is never enough time to sit with patients.',
  'Student B: I felt ashamed when I said nothing.',
  '',
].join('\n');
const passage = 'there is never enough time';

let project;
let server;
let browser;
let page;
let documentId;

before(async () => {
  project = makeProject();
  project.write('fg-ward.txt', transcript);
  project.run('import', 'fg-ward.txt');
  project.run('codes', 'add', 'Barriers/Time pressure');
  project.run('codes', 'add', 'Barriers/Shame');
  project.run('cases', 'set', 'Student A', 'group=MS');
  project.run('cases', 'set', 'Student B', 'group=SGA');
  project.run(
    'code',
    '--doc',
    'fg-ward',
    '--code',
    'Barriers/Shame',
    '--text',
    'I felt ashamed',
    '--coder',
    'bob',
  );
  project.run('coders', 'add', 'alice');
  server = await serve(project.project);
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  server?.stop();
  project?.cleanup();
});

const shot = (name) => page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: false });

test('the link with its token opens the workspace and sets a session cookie', async () => {
  assert.equal(new URL(page.url()).search, '', 'the token is not left in the address bar');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'thematica_session');
  assert.ok(session, 'session cookie set');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  await page.getByRole('tab', { name: 'Documents' }).waitFor();
  await page.getByRole('link', { name: 'fg-ward' }).waitFor();
  await shot('documents');
});

test('a passage selected with the mouse after emoji is coded by typing and Enter', async () => {
  await page.getByLabel('Current coder').selectOption('alice');
  await page.getByRole('link', { name: 'fg-ward' }).click();
  await page.locator('.doc-text .turn-head').first().waitFor();
  const text = await page.evaluate(() =>
    [...document.querySelectorAll('.doc-text span[data-o]')].map((s) => s.textContent).join(''),
  );
  assert.ok(text.includes(passage));
  const docs = await page.request.get(`${server.origin}/api/documents`).then((r) => r.json());
  documentId = docs.documents[0].id;
  const view = await page.request
    .get(`${server.origin}/api/documents/${documentId}`)
    .then((r) => r.json());
  const start16 = view.text.indexOf(passage);
  await dragSelect(page, start16, start16 + passage.length);
  await page.getByText(`Selected ${passage.length} characters`).waitFor();
  await page.keyboard.type('Tim');
  await shot('reader-quick-code');
  // The coding is drawn before the server answers (held here), marked provisional until then.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/api/codings', async (route) => {
    await held;
    await route.continue();
  });
  try {
    await page.keyboard.press('Enter');
    // One look at the page (the view may redraw the turn meanwhile, as the lists reload).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.stripe-label.provisional')].some(
        (l) =>
          l.textContent === 'Time pressure' &&
          l.getAttribute('aria-busy') === 'true' &&
          Number(l.dataset.c) < 0,
      ),
    );
  } finally {
    release();
  }
  const label = page.locator('.stripe-label:not(.provisional)', { hasText: 'Time pressure' });
  await label.waitFor();
  await page.unroute('**/api/codings');
  assert.equal(await page.locator('.stripe-label[aria-busy]').count(), 0);
  // The stripe in the margin shows the code's colour and names the code when hovered.
  const stripe = page.locator(`.stripe[data-c="${await label.getAttribute('data-c')}"]`);
  await stripe.hover();
  assert.equal(await stripe.getAttribute('title'), 'Time pressure');
  assert.equal(
    await stripe.evaluate((e) => getComputedStyle(e).backgroundColor),
    await label.evaluate((e) => getComputedStyle(e).borderLeftColor),
  );

  const after = await page.request
    .get(`${server.origin}/api/documents/${documentId}`)
    .then((r) => r.json());
  const codes = await page.request.get(`${server.origin}/api/codes`).then((r) => r.json());
  const coders = await page.request.get(`${server.origin}/api/coders`).then((r) => r.json());
  const time = codes.codes.find((c) => c.path === 'Barriers/Time pressure');
  const alice = coders.coders.find((c) => c.name === 'alice');
  const mine = after.codings.filter((c) => c.code_id === time.id);
  assert.equal(mine.length, 1);
  const codePointStart = [...view.text.slice(0, start16)].length;
  assert.equal(start16 - codePointStart, 3, 'two emoji before the passage shift UTF-16 by 2 more');
  assert.deepEqual(
    [mine[0].start, mine[0].end, mine[0].coder_id],
    [codePointStart, codePointStart + 26, alice.id],
  );
  // Confirmed: the drawing now carries the stored coding's id.
  assert.equal(await label.getAttribute('data-c'), String(mine[0].id));
  assert.equal(await page.locator(`.stripe[data-c="${mine[0].id}"]`).count(), 1);
  assert.equal([...after.text].slice(mine[0].start, mine[0].end).join(''), passage);
  await shot('reader-coded');
});

test('retrieval shows the new segment with its speaker and group tag', async () => {
  await page.getByRole('tab', { name: 'Retrieval' }).click();
  await page.locator('.code-checks label', { hasText: 'Time pressure' }).locator('input').check();
  await page.getByText('1 segment', { exact: true }).waitFor();
  const segment = page.locator('.segment');
  assert.equal(await segment.locator('mark').innerText(), passage);
  const header = await segment.locator('header').innerText();
  assert.match(header, /Barriers\/Time pressure · fg-ward · alice · Student A\s*MS/);
  await shot('retrieval');
  // Ticking "representative quote" marks the coding for reports, as the CLI then shows.
  await segment.getByLabel('representative quote').check();
  await page.locator('.notice', { hasText: 'representative' }).waitFor();
  const marked = JSON.parse(project.run('--json', 'segments', '--code', 'Barriers/Time pressure'));
  assert.deepEqual(
    marked.map((s) => [s.text, s.representative]),
    [[passage, true]],
  );
  assert.equal(await segment.getByLabel('representative quote').isChecked(), true);
  await segment.click();
  await page.locator('.doc-text').waitFor();
});

test('the blind switch hides the other coder\u2019s codings', async () => {
  await page.getByRole('tab', { name: 'Read & code' }).click();
  await page.locator('.stripe-label', { hasText: 'Shame' }).waitFor();
  assert.equal(await page.locator('.stripe-label').count(), 2);
  await page.getByLabel('Blind coding').check();
  await page.locator('.stripe-label', { hasText: 'Shame' }).waitFor({ state: 'detached' });
  assert.deepEqual(await page.locator('.stripe-label').allInnerTexts(), ['Time pressure']);
  await shot('reader-blind');
  await page.getByLabel('Blind coding').uncheck();
  await page.getByLabel('Current coder').selectOption('bob');
  await page.getByLabel('Blind coding').check();
  assert.deepEqual(await page.locator('.stripe-label').allInnerTexts(), ['Shame']);
  await page.getByLabel('Blind coding').uncheck();
});

test('in-vivo coding names a code by the selected words; the coding can be removed', async () => {
  await page.getByLabel('Current coder').selectOption('alice');
  const view = await page.request
    .get(`${server.origin}/api/documents/${documentId}`)
    .then((r) => r.json());
  const words = 'said nothing';
  const at = view.text.indexOf(words);
  await dragSelect(page, at, at + words.length);
  await page.getByRole('button', { name: 'In-vivo code' }).click();
  const label = page.locator('.stripe-label', { hasText: words });
  await label.waitFor();
  const codes = await page.request.get(`${server.origin}/api/codes`).then((r) => r.json());
  assert.ok(codes.codes.some((c) => c.path === words && c.codings === 1));

  await label.click();
  await page.getByLabel('Selected coding').waitFor();
  await shot('reader-coding-details');
  await page.getByRole('button', { name: 'Remove coding' }).click();
  await label.waitFor({ state: 'detached' });
  const after = await page.request
    .get(`${server.origin}/api/documents/${documentId}`)
    .then((r) => r.json());
  assert.equal(after.codings.length, 2);
});

test('a stale page coding a deleted document is told so, and nothing changes', async () => {
  const scratch = 'Nurse C: Nothing here yet.\nNurse D: Nor here.\n';
  project.write('scratch.txt', scratch);
  project.run('import', 'scratch.txt');
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.reload();
  await page.getByRole('link', { name: 'scratch' }).click();
  await page.locator('.doc-text .turn-head').first().waitFor();
  project.run('docs', 'delete', 'scratch');
  await dragSelect(page, 9, 16);
  await page.getByRole('button', { name: 'Time pressure' }).click();
  const alert = page.getByRole('alert').locator('.notice-text');
  await alert.waitFor();
  assert.equal(
    await alert.innerText(),
    "no document 'scratch' in this project; 'thematica docs' lists them",
  );
  // The coding drawn while the server was asked is taken away again.
  await page.locator('.stripe-label').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('.doc-text [data-c]').count(), 0);
  await shot('reader-stale-document');
});

test('codebook, search, participants, history and agreement views show the project', async () => {
  await page.getByRole('tab', { name: 'Codebook' }).click();
  const time = page.locator('.code-tree li', { hasText: 'Time pressure' });
  assert.equal((await time.innerText()).replace(/\s+/g, ' ').trim(), 'Time pressure1');
  await time.getByRole('button').click();
  await page.getByLabel('Code details').waitFor();
  await shot('codebook');
  // A starter codebook, from the list built into Thematica.
  await page.getByText('Starter codebooks').click();
  await page.getByRole('button', { name: 'Import Engagement states under suffering' }).click();
  await page.locator('.code-tree li', { hasText: 'Hypo-engaged' }).waitFor();
  assert.equal(await page.locator('.code-tree li', { hasText: 'Attuned' }).count(), 1);

  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByLabel('Search text').fill('ashamed');
  await page.keyboard.press('Enter');
  await page.getByText('1 hit for').waitFor();
  assert.equal(await page.locator('.segment mark').innerText(), 'ashamed');
  await shot('search');

  await page.getByRole('tab', { name: 'Participants' }).click();
  assert.equal(await page.getByLabel('Student A group').inputValue(), 'MS');
  await shot('participants');

  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByText("coded 'fg-ward'", { exact: false }).first().waitFor();
  await shot('history');

  await page.getByRole('tab', { name: 'Agreement' }).click();
  await page.locator('.agreement label', { hasText: 'alice' }).locator('input').check();
  await page.locator('.agreement label', { hasText: 'bob' }).locator('input').check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  await page.locator('.methods').waitFor();
  const rows = await page.locator('.agreement table tbody tr').allInnerTexts();
  assert.equal(rows.length, 3); // two codes and the pooled row
  await page.getByText('Disagreements (2 open)').waitFor();
  await shot('agreement');
});
