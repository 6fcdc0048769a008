#!/usr/bin/env node
// `npm start`: the author's preview. Builds content/ into dist/, serves it,
// rebuilds when anything in content/ or web/ changes and live-reloads the
// open browser tabs. A broken post does not stop it: the error goes to the
// terminal and, as an overlay, to the browser, and the last good dist/ stays
// served (quire build never leaves a half-written output).
//
//   node scripts/dev.mjs [content-dir] [-o out-dir]     (default: content, dist)
//   PORT (default 8080; 0 picks a free one) and HOST from the environment.
//
// The live-reload client is served by this server and added to HTML
// responses as they go out; it is never written into dist/.
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { portFromEnv, shownHost, siteBasePath, startServer } from './serve.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quireBin = path.join(repoRoot, 'build/native/quire');

/** Where the dev server answers, outside any site's routes. */
export const devPrefix = '/__quire/';
const eventsPath = `${devPrefix}events`;
const clientPath = `${devPrefix}client.js`;

// Runs in the page: reload after a good build, show the error after a bad one.
const clientSource = `// Quire dev server: live reload and build errors (never part of dist/).
(() => {
  const events = new EventSource(${JSON.stringify(eventsPath)});
  events.addEventListener('open', () => { window.__quireDev = 'connected'; });
  events.addEventListener('reload', (event) => {
    // base_path changed in site.yaml: the same page, under the new base.
    const { from, base } = JSON.parse(event.data);
    const here = location.pathname;
    const rest = !from ? null : here.startsWith(from) ? here.slice(from.length) : here + '/' === from ? '' : null;
    if (rest === null) location.reload();
    else location.replace(base + rest + location.search + location.hash);
  });
  events.addEventListener('build-error', (event) => show(JSON.parse(event.data).message));
  function show(message) {
    let host = document.getElementById('quire-dev-overlay');
    if (!host) {
      host = document.createElement('div');
      host.id = 'quire-dev-overlay';
      host.attachShadow({ mode: 'open' });
      document.body.append(host);
    }
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.className = 'box';
    const heading = document.createElement('h2');
    heading.textContent = 'Quire: the build failed';
    const text = document.createElement('pre');
    text.textContent = message;
    const note = document.createElement('p');
    note.textContent = 'You are seeing the last good build. Fix the file and save: this page reloads by itself.';
    box.append(heading, text, note);
    const style = document.createElement('style');
    style.textContent = ':host{all:initial}.box{position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;' +
      'z-index:2147483647;background:#2b1114;color:#fde8e8;border:2px solid #f87171;border-radius:8px;padding:1rem 1.25rem;' +
      'font:15px/1.5 system-ui,sans-serif;box-shadow:0 10px 30px rgba(0,0,0,.35)}h2{margin:0 0 .5rem;font-size:1.1rem}' +
      'pre{white-space:pre-wrap;font:14px/1.45 ui-monospace,monospace;margin:0 0 .5rem}p{margin:0;opacity:.85}';
    host.shadowRoot.replaceChildren(style, box);
  }
})();
`;

/**
 * @typedef {object} DevOptions
 * @property {string} contentDir
 * @property {string} outDir
 * @property {number} [port]
 * @property {string} [host]
 * @property {(line: string) => void} [log]  terminal output (default stderr)
 * @property {number} [debounceMs]
 */

/**
 * Builds, serves and watches. Resolves once the first build has run (good
 * or bad) and the server listens.
 * @param {DevOptions} options
 */
export async function startDevServer({ contentDir, outDir, port = 8080, host = '127.0.0.1',
  log = (line) => process.stderr.write(`${line}\n`), debounceMs = 120 }) {
  if (!existsSync(quireBin)) throw new Error(`${quireBin} is missing: run bash scripts/build.sh first`);
  /** @type {Set<import('node:http').ServerResponse>} */
  const clients = new Set();
  /** @type {string|null} the failed build's message while the content is broken */
  let buildError = null;
  let building = false;
  let again = false;
  /** @type {Promise<void>} */
  let idle = Promise.resolve();
  /**
   * The base path of the last good build: site.yaml may change it while
   * serving. Until a build succeeds, that of the build already in outDir
   * (served as the last good one if the first build fails).
   */
  let basePath = await siteBasePath(outDir);
  /** @type {import('./serve.mjs').RunningServer|null} once it listens */
  let server = null;

  /** @param {string} event @param {unknown} data */
  const broadcast = (event, data) => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  /** One `quire build`; its output goes to the terminal as it comes. */
  const buildOnce = () => new Promise((resolve) => {
    // web/ as written (not build/web, minified): edits show on reload.
    const env = { QUIRE_WEB_DIR: path.join(repoRoot, 'web'), ...process.env };
    const child = spawn(quireBin, ['build', contentDir, '-o', outDir], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stderr = '';
    child.stdout.on('data', (chunk) => log(String(chunk).trimEnd()));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      log(String(chunk).trimEnd());
    });
    child.on('error', (error) => resolve({ ok: false, message: `cannot run ${quireBin}: ${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, message: stderr.trim() || `quire build exited with ${code}` }));
  });

  const rebuild = async () => {
    if (building) {
      again = true;
      return idle;
    }
    building = true;
    let done = () => {};
    idle = new Promise((resolve) => { done = resolve; });
    do {
      again = false;
      const result = /** @type {{ok: boolean, message: string}} */ (await buildOnce());
      if (result.ok) {
        buildError = null;
        const from = basePath;
        basePath = await siteBasePath(outDir);
        if (basePath === from) broadcast('reload', {});
        else {
          if (server) log(`quire: base_path is now ${basePath}: serving at ${server.url}`);
          broadcast('reload', { from, base: basePath });
        }
      } else {
        buildError = result.message;
        log('quire: the build failed; still serving the last good build. Fix the error and save.');
        broadcast('build-error', { message: buildError });
      }
    } while (again);
    building = false;
    done();
    return idle;
  };

  await rebuild();
  const root = path.resolve(outDir);

  /**
   * Answers the dev endpoints and HTML pages (with the client added); other
   * files are left to the static server.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function handle(req, res) {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === eventsPath) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      if (buildError !== null) res.write(`event: build-error\ndata: ${JSON.stringify({ message: buildError })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return true;
    }
    if (pathname === clientPath) {
      res.writeHead(200, { 'Content-Type': 'text/javascript;charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(clientSource);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const file = htmlFileFor(pathname);
    if (file === null) return false;
    servePage(req, res, file).catch(() => res.destroy());
    return true;
  }

  /** The HTML file a path names under the base path, or null for other files. */
  function htmlFileFor(/** @type {string} */ pathname) {
    let local;
    if (pathname.startsWith(basePath)) local = pathname.slice(basePath.length);
    else if (`${pathname}/` === basePath) local = '';
    else return null;
    try {
      local = decodeURIComponent(local);
    } catch {
      return null;
    }
    const last = local.slice(local.lastIndexOf('/') + 1);
    if (local === '' || local.endsWith('/')) local += 'index.html';
    else if (!/\.html?$/i.test(last)) {
      if (last.includes('.')) return null;  // feed.xml, app.js, …
      local += '/index.html';
    }
    const file = path.resolve(root, local);
    return file.startsWith(root + path.sep) ? file : null;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} file
   */
  async function servePage(req, res, file) {
    let status = 200;
    let html;
    try {
      html = await readFile(file, 'utf8');
    } catch {
      status = 404;
      html = await readFile(path.join(root, '404.html'), 'utf8').catch(() =>
        '<!doctype html>\n<title>Not built yet</title>\n<body><p>Nothing is built yet.</p></body>\n');
    }
    const tag = `<script src="${clientPath}"></script>\n`;
    const at = html.lastIndexOf('</body>');
    html = at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
    const body = Buffer.from(html);
    res.writeHead(status, { 'Content-Type': 'text/html;charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const running = await startServer({ root, port, host, basePath: () => basePath, quiet: true, handle });
  server = running;

  /** @type {ReturnType<typeof setTimeout>|undefined} */
  let timer;
  /** @type {Set<string>} */
  const changed = new Set();
  const watchers = [contentDir, path.join(repoRoot, 'web')].map((dir) => watch(dir, { recursive: true }, (_event, name) => {
    if (name) changed.add(path.join(dir, String(name)));
    clearTimeout(timer);
    timer = setTimeout(() => {
      log(`quire: rebuilding (${[...changed].map((f) => path.relative(process.cwd(), f)).join(', ') || 'changes'})`);
      changed.clear();
      rebuild();
    }, debounceMs);
  }));

  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, 15000);
  heartbeat.unref();

  return {
    /** The site's root URL, under the base path of the last good build. */
    get url() { return running.url; },
    port: running.port,
    rebuild,
    /** Stops watching and serving. */
    close: async () => {
      clearTimeout(timer);
      clearInterval(heartbeat);
      for (const w of watchers) w.close();
      for (const res of clients) res.end();
      clients.clear();
      await idle;
      await running.close();
    },
  };
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('-h') || args.includes('--help')) {
    console.log('Usage: node scripts/dev.mjs [content-dir] [-o out-dir]   (default: content -> dist)\n' +
      'Environment: PORT (default 8080, 0 for any free port), HOST (default 127.0.0.1)');
    return;
  }
  let outDir = 'dist';
  /** @type {string[]} */
  const positional = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '-o' || args[i] === '--out') outDir = args[++i] ?? outDir;
    else positional.push(args[i]);
  }
  const contentDir = positional[0] ?? 'content';
  const port = portFromEnv('dev');
  if (port === null) {
    process.exitCode = 2;
    return;
  }
  const host = process.env.HOST || '127.0.0.1';
  if (!existsSync(contentDir)) {
    console.error(`dev: ${contentDir} does not exist (expected a content folder with site.yaml and posts/)`);
    process.exitCode = 2;
    return;
  }
  let dev;
  try {
    dev = await startDevServer({ contentDir: await realpath(contentDir), outDir, port, host });
  } catch (error) {
    const e = /** @type {NodeJS.ErrnoException} */ (error);
    console.error(e.code === 'EADDRINUSE' ? `dev: port ${port} is in use; try PORT=${port + 1} npm start` : `dev: ${e.message}`);
    process.exitCode = 1;
    return;
  }
  const shown = shownHost(host);
  const url = new URL(dev.url);
  const shownOut = outDir.endsWith('/') ? outDir : `${outDir}/`;
  console.log(`Quire is serving ${shownOut} at http://${shown}:${dev.port}${url.pathname}`);
  console.log(`Watching ${contentDir} and web/ for changes; the page reloads by itself. Press Ctrl-C to stop.`);
  const stop = () => {
    dev.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) main();
