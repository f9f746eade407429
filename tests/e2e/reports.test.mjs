// The Reports view in real Chromium against the real server: choose themes and a grouping,
// preview the report, download the Word file, save the settings, and get the same file back from
// the CLI's `report run`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artefacts, launch, makeProject, serve } from './workspace.mjs';

const transcript = [
  'Interviewer: What gets in the way of compassion on placement?',
  'Student A: On the ward round we rushed past a patient who was crying.',
  'Advisor B: They copy what we do, so we have to slow down ourselves.',
  '',
].join('\n');

let project;
let server;
let browser;
let page;

before(async () => {
  project = makeProject();
  project.write('fg-mixed.txt', transcript);
  project.run('import', 'fg-mixed.txt');
  project.run('codes', 'add', 'Barriers/Time', '--definition', 'No time to stop for a person');
  project.run('codes', 'add', 'Facilitators/Role models');
  project.run('cases', 'set', 'Student A', 'role=MS');
  project.run('cases', 'set', 'Advisor B', 'role=SGA');
  project.run(
    'code',
    '--doc',
    'fg-mixed',
    '--code',
    'Barriers/Time',
    '--coder',
    'alice',
    '--text',
    'we rushed past a patient who was crying',
  );
  project.run(
    'code',
    '--doc',
    'fg-mixed',
    '--code',
    'Facilitators/Role models',
    '--coder',
    'alice',
    '--text',
    'They copy what we do',
  );
  server = await serve(project.project);
  browser = await launch();
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(server.url);
  await page.getByLabel('Current coder').selectOption('alice');
});

after(async () => {
  await browser?.close();
  server?.stop();
  project?.cleanup();
});

test('a theme report by group is previewed as it will print', async () => {
  await page.getByRole('tab', { name: 'Reports' }).click();
  const themes = page.getByLabel('Themes to report');
  await themes.getByLabel('Barriers').check();
  await themes.getByLabel('Facilitators').check();
  await page.getByLabel('One table per').selectOption('role');
  await page.getByLabel('Legend').fill('MS=medical student\nSGA=small-group advisor');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await preview.getByText('Table 1. Themes and representative quotes: role: MS').waitFor();
  const tables = await preview.locator('section.themes table').count();
  assert.equal(tables, 2);
  const quotes = await preview.locator('section.themes ul.quotes li').allInnerTexts();
  assert.deepEqual(quotes, [
    '\u201cwe rushed past a patient who was crying\u201d (MS; fg-mixed, characters 91-130)',
    '\u201cThey copy what we do\u201d (SGA; fg-mixed, characters 143-163)',
  ]);
  await preview
    .getByText('MS = medical student (n = 1); SGA = small-group advisor (n = 1)', {
      exact: false,
    })
    .waitFor();
  assert.equal(await preview.locator('figure svg').count(), 1);
  await page.screenshot({ path: join(artefacts, 'reports.png') });
});

test('the Word file downloads, its settings are saved, and the CLI runs them to the same bytes', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Word' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'themes.docx');
  const downloaded = join(project.dir, 'downloaded.docx');
  await download.saveAs(downloaded);

  await page.getByLabel('Report name').fill('Themes by role');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page
    .locator('.saved-reports')
    .getByRole('button', { name: 'Themes by role', exact: true })
    .waitFor();

  project.run('report', 'run', 'Themes by role', '-o', 'from-cli.docx');
  const fromCli = readFileSync(join(project.dir, 'from-cli.docx'));
  assert.ok(fromCli.length > 1000);
  assert.ok(fromCli.equals(readFileSync(downloaded)), 'the same settings give the same file');

  await page.getByRole('button', { name: 'Delete Themes by role' }).click();
  await page.locator('.saved-reports li').waitFor({ state: 'detached' });
});

test('a matrix without its columns cannot be asked for', async () => {
  await page.getByLabel('Themes by group (matrix)').check();
  await page.getByLabel('Themes to report').getByLabel('Barriers').check();
  assert.equal(await page.getByRole('button', { name: 'Preview' }).isDisabled(), true);
  await page.getByLabel('Columns').selectOption('role');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await preview
    .getByText('Table 1. Themes by role: participants who mentioned each theme')
    .waitFor();
});

test('themes that meet are previewed with their heatmap', async () => {
  await page.getByLabel('Themes that meet (co-occurrence)').check();
  const themes = page.getByLabel('Themes to report');
  await themes.getByLabel('Barriers').check();
  await themes.getByLabel('Facilitators').check();
  await page.getByLabel('Meet when').selectOption('turn');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await preview
    .getByText('Themes that meet: coded segments in the same speaker turn')
    .first()
    .waitFor();
  assert.equal(await preview.locator('figure svg').count(), 1);
});
