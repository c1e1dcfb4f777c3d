// Screenshots of the page with the open-washing fixture checked: the one in
// docs/screenshot.png, and with --all the dark and 200 % zoom variants
// (written to the directory given by --out, default docs/).
//
//   node tests/browser/screenshot.mjs [--all] [--out DIR]
import path from 'node:path';

import { checkDraft, fixture, launch, root, startServer } from './harness.mjs';

const args = process.argv.slice(2);
const all = args.includes('--all');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? path.resolve(args[outAt + 1]) : path.join(root, 'docs');

// 1000 px high: at least four finding cards must show without scrolling.
const variants = [{ name: 'screenshot', colorScheme: 'light', width: 1280, height: 1000, scale: 1 }];
if (all) {
  variants.push(
    { name: 'screenshot-dark', colorScheme: 'dark', width: 1280, height: 900, scale: 1 },
    // 200 % zoom on a 1280 px wide window: half the CSS pixels, twice the density.
    { name: 'screenshot-zoom200', colorScheme: 'light', width: 640, height: 900, scale: 2 },
    { name: 'screenshot-zoom200-dark', colorScheme: 'dark', width: 640, height: 900, scale: 2 },
  );
}

const server = await startServer();
const browser = await launch();
try {
  for (const v of variants) {
    const context = await browser.newContext({
      colorScheme: v.colorScheme,
      viewport: { width: v.width, height: v.height },
      deviceScaleFactor: v.scale,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await checkDraft(page, fixture('en-openwashing.md'));
    // Accept one suggestion and select a finding, so that every state shows.
    await page.click('#findings li[data-finding="1"] button[data-action="accept"]');
    await page.click('#findings li[data-finding="0"]');
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('.side').scrollTop = 0;
    });
    const file = path.join(out, `${v.name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
