// Starts the real `openclaim serve` and headless Chromium for the browser
// tests and the screenshot script.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = process.env.OPENCLAIM_BIN || path.join(root, 'target', 'release', 'openclaim');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

export const fixture = (name) => readFileSync(path.join(root, 'fixtures', name), 'utf8');

// Runs the CLI and returns its standard output (exit code 1 means findings, not failure).
export function cli(...args) {
  const r = spawnSync(binary, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`openclaim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return r.stdout;
}

// `openclaim serve --port 0`; resolves once it has printed its address.
export function startServer(extra = []) {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run cargo build --release`);
  const child = spawn(binary, ['serve', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`openclaim serve printed no address within 10 s: ${err}`));
    }, 10_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[^\s]+\//);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openclaim serve exited ${code}: ${err}`));
    });
  });
}

// Debian's Chromium, headless. playwright-core gives every launch a fresh
// temporary --user-data-dir of its own and removes it on close.
export function launch() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// Pastes `markdown` into the draft box, checks it and waits for the result.
export async function checkDraft(page, markdown) {
  await page.fill('#input', markdown);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/check'));
  await page.click('#check');
  await answered;
  await page.waitForSelector('#review:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#summary').dataset.findings !== undefined);
}
