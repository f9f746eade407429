// The pseudonymisation review in real Chromium against the real server: suggestions accepted one
// by one and for every mention of a participant, one rejected, a pseudonym chosen, a missed name
// added by selecting it in the reader, and the review applied: the text has the pseudonyms, the
// coding still covers the same words, and the key file holds the originals.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artefacts, dragSelect, launch, makeProject, serve } from './workspace.mjs';

const transcript = [
  'Facilitator: Thank you all for coming. Noor, would you start?',
  'Noor Haddad: On my first night shift at Wrenfield Hospital a patient died and nobody asked how I was.',
  'Facilitator: What helped, later?',
  'Noor Haddad: Talking to Gideon, my old tutor. He said shame fades when you say it out loud.',
  '',
].join('\n');
const quote = 'Talking to Gideon, my old tutor. He said shame fades';

let project;
let server;
let browser;
let page;

before(async () => {
  project = makeProject();
  project.write('fg.txt', transcript);
  project.write('pass.txt', 'a passphrase kept apart\n');
  project.run('import', 'fg.txt');
  project.run('codes', 'add', 'Shame');
  project.run('code', '--doc', 'fg', '--code', 'Shame', '--coder', 'alice', '--text', quote);
  const key = ['--key-file', join(project.dir, 'study.key')];
  server = await serve(project.project, [
    ...key,
    '--passphrase-file',
    join(project.dir, 'pass.txt'),
  ]);
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url);
  await page.getByLabel('Current coder').selectOption('alice');
});

after(async () => {
  await browser?.close();
  server?.stop();
  project?.cleanup();
});

const summary = () => page.getByTestId('review-summary');
const row = (ref) => page.locator(`table.review tbody tr[data-ref="${ref}"]`);

test('suggestions are decided one by one and for every mention of a participant', async () => {
  await page.getByRole('tab', { name: 'Pseudonymise' }).click();
  await summary().getByText('5 pending, 0 to replace, 0 rejected').waitFor();
  assert.deepEqual(await page.locator('table.review tbody mark').allInnerTexts(), [
    'Noor',
    'Noor Haddad',
    'Wrenfield Hospital',
    'Noor Haddad',
    'Gideon',
  ]);
  await row('1:102:120').getByRole('button', { name: 'Accept', exact: true }).click();
  await summary().getByText('4 pending, 1 to replace, 0 rejected').waitFor();
  await row('1:39:43').getByRole('button', { name: 'Accept all [P01]' }).click();
  await summary().getByText('1 pending, 4 to replace, 0 rejected').waitFor();
  // Found as a place: rejected here, and added as a person from the reader below.
  await row('1:221:227').getByRole('button', { name: 'Reject', exact: true }).click();
  await summary().getByText('0 pending, 4 to replace, 1 rejected').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Apply' }).isDisabled(), false);
  // Nothing in the text has changed.
  assert.match(project.run('docs', 'show', 'fg'), /Noor Haddad: On my first night shift/);
});

test('a pseudonym is chosen for a participant', async () => {
  const input = page.getByLabel('Pseudonym for [P01]');
  await input.fill('[Nurse 1]');
  await input.press('Enter');
  await page.getByLabel('Show').selectOption('accepted');
  await row('1:62:73').getByRole('cell', { name: '[Nurse 1]', exact: true }).waitFor();
  assert.deepEqual(await page.locator('table.review tbody tr td:nth-child(5)').allInnerTexts(), [
    '[Nurse 1]',
    '[Nurse 1]',
    '[Hospital A]',
    '[Nurse 1]',
  ]);
});

test('a name the detectors took for a place is added by selecting it in the reader', async () => {
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByRole('link', { name: 'fg' }).click();
  await page.locator('.doc-text .turn-head').first().waitFor();
  const at = transcript.indexOf('Gideon');
  await dragSelect(page, at, at + 'Gideon'.length);
  await page.getByText('Selected 6 characters').waitFor();
  await page.getByRole('button', { name: 'Pseudonymise' }).click();
  await page.getByText('Added to the review: it becomes [Person A] when applied.').waitFor();
  await page.screenshot({ path: join(artefacts, 'pseudonymise-add.png') });

  await page.getByRole('tab', { name: 'Pseudonymise' }).click();
  await summary().getByText('0 pending, 5 to replace, 0 rejected').waitFor();
  await page.screenshot({ path: join(artefacts, 'pseudonymise-review.png') });
});

test('applying replaces what was accepted, keeps the coding on its words, and writes the key', async () => {
  await page.getByRole('button', { name: 'Apply' }).click();
  await summary().getByText('0 pending, 0 to replace, 0 rejected').waitFor();
  assert.equal(
    project.run('docs', 'show', 'fg'),
    [
      'Facilitator: Thank you all for coming. [Nurse 1], would you start?',
      '[Nurse 1]: On my first night shift at [Hospital A] a patient died and nobody asked how I was.',
      'Facilitator: What helped, later?',
      '[Nurse 1]: Talking to [Person A], my old tutor. He said shame fades when you say it out loud.',
      '',
    ].join('\n'),
  );
  assert.match(
    project.run('segments', '--code', 'Shame'),
    /\n {2}Talking to \[Person A\], my old tutor\. He said shame fades\n/,
  );
  assert.ok(existsSync(join(project.dir, 'study.key')));
  const lookup = project.run(
    'pseudonymise',
    'lookup',
    '[Person A]',
    '--key-file',
    join(project.dir, 'study.key'),
    '--passphrase-file',
    join(project.dir, 'pass.txt'),
  );
  assert.match(lookup, /\[Person A\] +person +Gideon/);
});
