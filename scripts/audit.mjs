#!/usr/bin/env node
// `npm run audit`: Lighthouse on the built sample blog, served locally.
//
// Builds content/ into a temporary directory with the native CLI (run
// `npm run build` first), serves it, and runs Lighthouse (its node API) in
// Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) on the home
// page, the longest post, a post with images, /search/?q=markdown and the
// not-found page (404.html), with Lighthouse's mobile defaults
// (simulated slow 4G, mid-range phone) and its desktop preset. Prints the
// four category scores and every audit that cost points. Exit status 0
// whatever the scores (they are measurements, not a test); 2 when the
// audit could not run.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

import { buildSite, chromiumArgs, chromiumPath, serve } from '../tests/e2e/helpers.mjs';

const chromeFlags = [...chromiumArgs, '--disable-extensions', '--disable-dev-shm-usage'];
const lighthouseVersion = createRequire(import.meta.url)('lighthouse/package.json').version;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * Starts Chromium with a DevTools port of its own choosing.
 * @returns {Promise<{port: number, close: () => Promise<void>}>}
 */
async function launchChrome() {
  const profile = await mkdtemp(path.join(tmpdir(), 'quire-audit-chrome-'));
  const child = spawn(chromiumPath, [...chromeFlags, '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${chromiumPath} exited (${code}) before listening:\n${err}`)));
    child.on('error', reject);
  });
  return {
    port,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** @param {string} url @param {number} port @param {object} [config] */
async function audit(url, port, config) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: categories }, config);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  /** @type {Record<string, number>} */
  const scores = {};
  /** @type {string[]} */
  const lost = [];
  for (const id of categories) {
    const category = lhr.categories[id];
    scores[id] = Math.round((category.score ?? 0) * 100);
    for (const ref of category.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) {
        lost.push(`${id}: ${a.id} (${Math.round(a.score * 100)}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
      }
    }
  }
  return { scores, lost };
}

async function main() {
  const site = await buildSite();
  const server = await serve(site.dir, site.bundle.site.base_path);
  const chrome = await launchChrome();
  try {
    const longest = [...site.bundle.posts].sort((a, b) => (b.body ?? '').length - (a.body ?? '').length)[0];
    const withImages = site.bundle.posts.find((p) => /!\[/.test(p.body ?? '')) ?? longest;
    const pages = [
      ['home', server.url],
      [`post ${longest.slug}`, new URL(`posts/${encodeURIComponent(longest.slug)}/`, server.url).href],
      [`post with images ${withImages.slug}`, new URL(`posts/${encodeURIComponent(withImages.slug)}/`, server.url).href],
      ['search ?q=markdown', new URL('search/?q=markdown', server.url).href],
      // Lighthouse refuses a document answered with status 404: the page
      // itself, as a host serves it for unknown paths.
      ['404', new URL('404.html', server.url).href],
    ];
    const rows = [];
    for (const [formFactor, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
      for (const [name, url] of pages) {
        const { scores, lost } = await audit(url, chrome.port, config);
        rows.push({ page: name, 'form factor': formFactor, ...scores });
        for (const line of lost) console.log(`  ${name} (${formFactor}) lost points on ${line}`);
      }
    }
    console.log(`Lighthouse ${lighthouseVersion} scores (${chromiumPath}):`);
    console.table(rows);
  } finally {
    await chrome.close();
    await server.close();
    await site.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
