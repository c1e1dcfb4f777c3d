// Browser tests: the real `openclaim serve` driven in headless Chromium.
// Run with tests/browser/run.sh (builds the binary, installs playwright-core).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { binary, checkDraft, chromiumPath, cli, fixture, launch, root, startServer } from './harness.mjs';

const haveChromium = existsSync(chromiumPath);

// Findings as `openclaim check --format json` reports them.
const cliFindings = (file, ...flags) =>
  JSON.parse(cli('check', '--format', 'json', ...flags, `fixtures/${file}`)).files[0].findings;

// The corrected article implied by the CLI's CriticMarkup: every
// substitution taken, every openclaim comment removed.
const correctedFromCritic = (critic) =>
  critic.replace(/\{~~([^~]*)~>([^~]*)~~\}/g, '$2').replace(/\{>>openclaim#[0-9a-f]+: [^<]*<<\}/g, '');

describe('openclaim serve in Chromium', { skip: !haveChromium && `${chromiumPath} is missing` }, () => {
  let server;
  let browser;

  before(async () => {
    assert.ok(existsSync(binary), `${binary} is missing`);
    // The page must stay usable with 30,000 findings, more than the
    // server's default budget of findings per request allows.
    server = await startServer(['--max-findings', '100000']);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  // A fresh page that fails the test on any script error or dialog.
  async function open(t) {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', async (d) => {
      problems.push(`dialog: ${d.type()} ${d.message()}`);
      await d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    t.after(async () => {
      await context.close();
      assert.deepEqual(problems, []);
    });
    await page.goto(server.url);
    return page;
  }

  async function downloaded(page, button) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
  }

  test('the careful article has no warnings', async (t) => {
    const page = await open(t);
    await checkDraft(page, fixture('en-careful-licenses.md'));
    const summary = await page.$eval('#summary', (e) => ({ ...e.dataset, text: e.textContent }));
    assert.equal(summary.warnings, '0', summary.text);
    assert.equal(await page.locator('#draft mark.claim.warning').count(), 0);
    assert.equal(await page.locator('#findings li.warning').count(), 0);
    assert.equal(Number(summary.findings), cliFindings('en-careful-licenses.md').length);
  });

  test('every finding of the open-washing article is highlighted in place', async (t) => {
    const page = await open(t);
    const text = fixture('en-openwashing.md');
    const expected = cliFindings('en-openwashing.md');
    assert.ok(expected.length > 5);
    await checkDraft(page, text);

    assert.equal(await page.locator('#findings li.finding').count(), expected.length);
    assert.equal(await page.$eval('#summary', (e) => Number(e.dataset.findings)), expected.length);
    // The draft reads exactly as pasted, and the marks together cover each finding once.
    assert.equal(await page.$eval('#draft', (e) => e.textContent), text);
    const marks = await page.$$eval('#draft mark.claim', (ms) =>
      ms.map((m) => ({ ids: m.dataset.findings.split(' ').map(Number), text: m.textContent, severity: m.dataset.severity })),
    );
    const covered = marks.flatMap((m) => m.ids).sort((a, b) => a - b);
    assert.deepEqual(covered, expected.map((_, i) => i));
    const bytes = Buffer.from(text, 'utf8');
    for (const m of marks) {
      for (const i of m.ids) {
        const f = expected[i];
        // The term at the report's byte offsets (the mark may also take a following hyphen).
        assert.ok(m.text.startsWith(bytes.subarray(f.start, f.end).toString('utf8')), `${m.text} vs ${f.term}`);
        assert.ok(m.text.startsWith(f.term));
      }
      const worst = m.ids.some((i) => expected[i].severity === 'warning') ? 'warning' : 'note';
      assert.equal(m.severity, worst);
    }
    assert.equal(
      await page.locator('#findings li.warning').count(),
      expected.filter((f) => f.severity === 'warning').length,
    );
  });

  test('list and draft select each other, also from the keyboard', async (t) => {
    const page = await open(t);
    await checkDraft(page, fixture('en-openwashing.md'));
    await page.focus('#findings li[data-finding="0"]');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.finding), '1');
    await page.keyboard.press('Enter');
    const group = await page.$eval('#findings li[data-finding="1"]', (e) => e.dataset.group);
    assert.ok(await page.locator(`#draft [data-group="${group}"].selected`).isVisible());
    await page.locator('#draft mark.claim').nth(3).click();
    const selected = await page.$eval('#findings li.selected', (e) => e.dataset.group);
    assert.equal(selected, '3');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.group), '3');
  });

  test('accepting a suggestion rewrites the draft; undo restores it', async (t) => {
    const page = await open(t);
    const text = fixture('en-openwashing.md');
    const all = cliFindings('en-openwashing.md');
    // A claim past the first few that has a plain swap (quotations have none).
    const i = all.findIndex((g, k) => k >= 2 && g.replacement && g.replace_end === g.end);
    const f = all[i];
    await checkDraft(page, text);
    await page.click(`#findings li[data-finding="${i}"] button[data-action="accept"]`);
    const bytes = Buffer.from(text, 'utf8');
    const want = Buffer.concat([
      bytes.subarray(0, f.start),
      Buffer.from(f.replacement),
      bytes.subarray(f.end),
    ]).toString('utf8');
    assert.notEqual(want, text);
    assert.equal(await page.$eval('#draft', (e) => e.textContent), want);
    assert.equal(await page.$eval('#draft ins.claim.accepted', (e) => e.textContent), f.replacement);
    // The other highlights moved with the text.
    assert.equal(await page.locator('#draft mark.claim').count(), (await page.locator('#draft [data-group]').count()) - 1);
    await page.click('#undo');
    assert.equal(await page.$eval('#draft', (e) => e.textContent), text);
    assert.equal(await page.locator('#draft ins.claim').count(), 0);
  });

  test('downloads match the CLI', async (t) => {
    const page = await open(t);
    const text = fixture('en-openwashing.md');
    await checkDraft(page, text);

    for (const style of ['critic', 'footnote', 'comment']) {
      await page.selectOption('#style', style);
      const annotated = await downloaded(page, '#dl-annotated');
      assert.equal(annotated.name, `draft.${style}.md`);
      assert.equal(annotated.text, cli('annotate', '--style', style, 'fixtures/en-openwashing.md'), style);
    }

    const report = JSON.parse((await downloaded(page, '#dl-report')).text);
    const expected = JSON.parse(cli('check', '--format', 'json', 'fixtures/en-openwashing.md'));
    assert.equal(report.schema, expected.schema);
    assert.deepEqual(report.files[0].findings, expected.files[0].findings);

    await page.click('#accept-all');
    const corrected = await downloaded(page, '#dl-corrected');
    assert.equal(corrected.name, 'draft.corrected.md');
    assert.equal(corrected.text, correctedFromCritic(cli('annotate', '--style', 'critic', 'fixtures/en-openwashing.md')));
    assert.notEqual(corrected.text, text);
  });

  test('dismiss is real: the downloads leave the dismissed finding out', async (t) => {
    const page = await open(t);
    await checkDraft(page, fixture('en-openwashing.md'));
    const expected = cliFindings('en-openwashing.md');
    await page.click('#findings li[data-finding="0"] button[data-action="dismiss"]');
    const report = JSON.parse((await downloaded(page, '#dl-report')).text);
    const ids = report.files[0].findings.map((f) => f.id);
    assert.equal(ids.length, expected.length - 1);
    assert.ok(!ids.includes(expected[0].id));
    await page.selectOption('#style', 'critic');
    const annotated = (await downloaded(page, '#dl-annotated')).text;
    // The dismissed claim is left as written; the others are still annotated.
    assert.ok(annotated.includes('Its open-source Llama 3.3'), annotated.slice(0, 800));
    assert.ok(annotated.includes('{~~'));
  });

  test('a quotation gets the facts and no Accept button', async (t) => {
    const page = await open(t);
    await checkDraft(page, fixture('en-openwashing.md'));
    const findings = cliFindings('en-openwashing.md');
    const quoted = findings.findIndex((f) => f.correction.startsWith('In a quotation'));
    assert.ok(quoted >= 0, 'the fixture quotes a claim');
    const card = page.locator(`#findings li[data-finding="${quoted}"]`);
    assert.equal(await card.locator('button[data-action="accept"]').count(), 0);
    assert.equal(await card.locator('button[data-action="dismiss"]').count(), 1);
  });

  test('cards are compact: at least four fit a 1000 px high window', async (t) => {
    const page = await open(t);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await checkDraft(page, fixture('en-openwashing.md'));
    const boxes = await page.locator('#findings li.finding').evaluateAll((items) =>
      items.map((li) => li.getBoundingClientRect()).map((r) => ({ top: r.top, height: r.height })),
    );
    for (const b of boxes) assert.ok(b.height <= 160, `a card is ${b.height} px high`);
    assert.ok(boxes.filter((b) => b.top + b.height <= 1000).length >= 4, JSON.stringify(boxes.slice(0, 6)));
    const tip = await page.getAttribute('#osaid', 'title');
    assert.match(tip, /Open Source AI Definition/);
  });

  test('30,000 findings: the list is drawn a page at a time and accept all finishes', async (t) => {
    const page = await open(t);
    const draft = 'GPT-4o is open source.\n\n'.repeat(30000);
    // Typing 720 kB through fill() is slow; set the value as a paste would.
    await page.$eval(
      '#input',
      (el, text) => {
        el.value = text;
        el.dispatchEvent(new Event('input'));
      },
      draft,
    );
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/check'), { timeout: 240000 });
    await page.click('#check');
    await answered;
    await page.waitForSelector('#review:not([hidden])', { timeout: 240000 });
    await page.waitForFunction(() => document.querySelector('#summary').dataset.findings !== undefined, null, {
      timeout: 240000,
    });
    assert.equal(await page.evaluate(() => document.querySelector('#summary').dataset.findings), '30000');
    const cards = await page.locator('#findings li.finding').count();
    assert.ok(cards <= 200, `${cards} cards drawn`);
    await page.click('#findings li.more button[data-action="more"]');
    assert.equal(await page.locator('#findings li.finding').count(), Math.min(400, 30000));
    await page.click('#accept-all');
    const corrected = await page.evaluate(() => window.openclaim.downloads.corrected());
    assert.equal(corrected, 'GPT-4o is proprietary.\n\n'.repeat(30000));
  });

  test('a Word file is named, with no findings and no downloads', async (t) => {
    const page = await open(t);
    await page.setInputFiles('#file', {
      name: 'draft.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml word/document.xml', 'latin1'),
    });
    await page.waitForSelector('#error:not([hidden])');
    assert.match(await page.textContent('#error'), /Word document.*Markdown or plain text/);
    assert.equal(await page.isHidden('#downloads'), true);
  });

  test('the byte-order mark of a file is kept in the corrected download', async (t) => {
    const page = await open(t);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/check'));
    await page.setInputFiles('#file', {
      name: 'bom.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('\uFEFFGPT-4o is open source.\n', 'utf8'),
    });
    await answered;
    await page.waitForSelector('#review:not([hidden])');
    const corrected = await downloaded(page, '#dl-corrected');
    assert.equal(corrected.text, '\uFEFFGPT-4o is open source.\n');
  });

  test('an empty draft has nothing to check', async (t) => {
    const page = await open(t);
    await checkDraft(page, '   \n');
    assert.match(await page.textContent('#summary'), /Nothing to check/);
  });

  test('accept all on a Dutch article', async (t) => {
    const page = await open(t);
    await checkDraft(page, fixture('nl-openwashing.md'));
    await page.click('#accept-all');
    assert.equal(
      await page.evaluate(() => window.openclaim.downloads.corrected()),
      correctedFromCritic(cli('annotate', '--style', 'critic', 'fixtures/nl-openwashing.md')),
    );
    assert.ok((await page.locator('#draft ins.claim.accepted').count()) > 0);
  });

  test('offsets survive astral characters, accents and a joined hyphen', async (t) => {
    const page = await open(t);
    const draft =
      '---\nlang: nl\n---\n🚀 Café-nieuws: GPT-4o is het opensource-alternatief voor iedereen. ' +
      'En Llama 3.3 is een opensource-model, zegt de redactie – écht waar.\n';
    await checkDraft(page, draft);
    assert.equal(await page.locator('#findings li.finding').count(), 2);
    // Dutch compounds are rewritten whole.
    assert.deepEqual(await page.$$eval('#draft mark.claim', (ms) => ms.map((m) => m.textContent)), [
      'opensource-alternatief',
      'opensource-model',
    ]);
    await page.click('#accept-all');
    assert.equal(
      await page.$eval('#draft', (e) => e.textContent),
      draft.replace('opensource-alternatief', 'gesloten alternatief').replace('opensource-model', 'model met open gewichten'),
    );
  });

  test('a file opened with the picker is checked under its own name', async (t) => {
    const page = await open(t);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/check'));
    await page.setInputFiles('#file', `${root}/fixtures/en-openwashing.md`);
    await answered;
    await page.waitForSelector('#review:not([hidden])');
    assert.equal(await page.locator('#findings li.finding').count(), cliFindings('en-openwashing.md').length);
    const report = await downloaded(page, '#dl-report');
    assert.equal(report.name, 'en-openwashing.report.json');
    assert.equal(JSON.parse(report.text).files[0].path, 'en-openwashing.md');
  });

  test('at 200 % zoom the page fits the width, in dark mode too', async (t) => {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2, colorScheme });
      t.after(() => context.close());
      const page = await context.newPage();
      await page.goto(server.url);
      await checkDraft(page, fixture('en-openwashing.md'));
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(widths[0] <= widths[1], `page is ${widths[0]} px wide in a ${widths[1]} px window`);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg === 'rgb(21, 23, 27)', colorScheme === 'dark', bg);
    }
  });

  test('the definition switch re-checks with the other definition', async (t) => {
    const page = await open(t);
    await checkDraft(page, fixture('en-mixed.md'));
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/check'));
    await page.check('input[name="definition"][value="license"]');
    await answered;
    await page.waitForFunction(() => !document.body.classList.contains('busy'));
    const expected = cliFindings('en-mixed.md', '--definition', 'license');
    assert.equal(await page.locator('#findings li.finding').count(), expected.length);
  });

  test('markup in the draft is shown as text, never run', async (t) => {
    const page = await open(t);
    const draft =
      '# <script>alert(1)</script>\n\n' +
      "Meta's open-source Llama 3.3 <img src=x onerror=alert(1)> is here.\n\n" +
      '<b onmouseover=alert(1)>bold</b> and <iframe src="javascript:alert(1)"></iframe>\n';
    await checkDraft(page, draft);
    assert.equal(await page.$eval('#draft', (e) => e.textContent), draft);
    assert.equal(await page.locator('#draft *:not(mark):not(ins)').count(), 0);
    assert.equal(await page.locator('img, iframe, b').count(), 0);
    assert.ok(await page.getByText('<img src=x onerror=alert(1)>', { exact: false }).isVisible());
    assert.ok(await page.getByText('<script>alert(1)</script>', { exact: false }).isVisible());
    assert.equal(await page.locator('#findings li.finding').count(), 1);
    await page.waitForTimeout(200); // an onerror handler would have fired by now
  });
});
