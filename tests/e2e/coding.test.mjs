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
  await page.keyboard.press('Enter');
  await page.locator('.stripe-label', { hasText: 'Time pressure' }).waitFor();

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
