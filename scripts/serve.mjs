#!/usr/bin/env node
// A static server for a built site (dist/), for previews and the e2e tests.
//
//   node scripts/serve.mjs dist        PORT (8080), HOST (127.0.0.1) and
//                                      BASE_PATH (default: the bundle's
//                                      site.base_path) from the environment
//
// Behaves like a plain static host: files as they are on disk (no caching,
// so a rebuild shows at once), directories with or without their trailing
// slash serve index.html, anything unknown gets 404.html with status 404.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';

/**
 * @typedef {object} ServerOptions
 * @property {string} root           directory to serve
 * @property {number} [port]         0 picks a free port
 * @property {string} [host]
 * @property {string | (() => string)} [basePath]  URL prefix the site lives under,
 *   '/'-terminated; a function is asked on every request (the dev server's
 *   base follows site.yaml from build to build)
 * @property {boolean} [quiet]       no request log on stderr
 * @property {Record<string, string> | ((pathname: string) => Record<string, string> | undefined)} [headers]
 *   extra response headers (every response, 404s included), e.g. CORS for
 *   a "CDN" or a Content-Security-Policy; a function gets the file's path
 * @property {(req: http.IncomingMessage, res: http.ServerResponse) => boolean} [handle]
 *   sees each request first and returns true when it answered it (the dev
 *   server's live reload lives there, never in the files served)
 */

/**
 * @typedef {object} RunningServer
 * @property {string} url     e.g. 'http://127.0.0.1:41234/blog/' (under the base path as it is now)
 * @property {number} port
 * @property {() => Promise<void>} close
 */

/**
 * Starts serving `root` under `basePath`.
 * @param {ServerOptions} options
 * @returns {Promise<RunningServer>}
 */
export function startServer({ root, port = 0, host = '127.0.0.1', basePath = '/', quiet = false, headers, handle }) {
  const dir = path.resolve(root);
  const fixedBase = typeof basePath === 'function' ? null : normaliseBase(basePath);
  const baseNow = () => fixedBase ?? normaliseBase(/** @type {() => string} */ (basePath)());
  const extraHeaders = (/** @type {string} */ pathname) =>
    (typeof headers === 'function' ? headers(pathname) : headers) ?? {};
  const files = sirv(dir, {
    dev: true,  // look files up per request and send Cache-Control: no-store
    etag: false,
    dotfiles: false,
    setHeaders(res, pathname) {
      // Streaming compilation needs the exact type; do not rely on the
      // MIME table's version.
      if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
      for (const [name, value] of Object.entries(extraHeaders(pathname))) res.setHeader(name, value);
    },
  });

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  async function notFound(req, res) {
    let body;
    try {
      body = await readFile(path.join(dir, '404.html'));
    } catch {
      body = Buffer.from('Not found\n');
    }
    const html = body.subarray(0, 15).toString().toLowerCase().includes('<!doctype');
    res.writeHead(404, {
      'Content-Type': html ? 'text/html;charset=utf-8' : 'text/plain;charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...extraHeaders('/404.html'),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((req, res) => {
    const started = Date.now();
    if (!quiet) {
      res.on('finish', () => {
        process.stderr.write(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started}ms\n`);
      });
    }
    if (handle?.(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const query = q < 0 ? '' : raw.slice(q);
    const base = baseNow();
    let local;
    if (pathname.startsWith(base)) local = `/${pathname.slice(base.length)}`;
    else if (`${pathname}/` === base) local = '/';
    if (local === undefined) {
      notFound(req, res).catch(() => res.destroy());
      return;
    }
    req.url = local + query;
    files(req, res, () => {
      notFound(req, res).catch(() => res.destroy());
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        get url() { return `http://${shownHost}:${address.port}${baseNow()}`; },
        port: address.port,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

/** @param {string} basePath */
function normaliseBase(basePath) {
  let base = basePath || '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base += '/';
  return base;
}

/** The base path a built site was made for (its bundle says), else '/'. */
export async function siteBasePath(/** @type {string} */ root) {
  try {
    const bundle = JSON.parse(await readFile(path.join(root, 'bundle.json'), 'utf8'));
    const base = bundle?.site?.base_path;
    return typeof base === 'string' && base.startsWith('/') ? normaliseBase(base) : '/';
  } catch {
    return '/';
  }
}

/**
 * PORT from the environment (default 8080, 0 for any free port), or null
 * after printing why it is not a port.
 * @param {string} tool  the prefix of the message
 */
export function portFromEnv(tool) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  console.error(`${tool}: PORT must be a port number, not "${process.env.PORT}"`);
  return null;
}

/** How to write a listening host in a URL for people: loopback is "localhost". */
export const shownHost = (/** @type {string} */ host) => (host === '127.0.0.1' || host === '::1' ? 'localhost' : host);

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('-h') || args.includes('--help')) {
    console.log('Usage: node scripts/serve.mjs [dir]   (default dir: dist)\n' +
      'Environment: PORT (default 8080), HOST (default 127.0.0.1), BASE_PATH (default: from bundle.json)');
    return;
  }
  const root = args[0] ?? 'dist';
  const port = portFromEnv('serve');
  if (port === null) {
    process.exitCode = 2;
    return;
  }
  const host = process.env.HOST || '127.0.0.1';
  const basePath = process.env.BASE_PATH || await siteBasePath(root);
  let server;
  try {
    server = await startServer({ root, port, host, basePath });
  } catch (error) {
    const e = /** @type {NodeJS.ErrnoException} */ (error);
    console.error(e.code === 'EADDRINUSE'
      ? `serve: port ${port} is in use; try PORT=${port + 1} node scripts/serve.mjs ${root}`
      : `serve: ${e.message}`);
    process.exitCode = 1;
    return;
  }
  const shown = shownHost(host);
  const shownRoot = root.endsWith('/') ? root : `${root}/`;
  console.log(`Quire is serving ${shownRoot} at http://${shown}:${server.port}${normaliseBase(basePath)}`);
  console.log('Press Ctrl-C to stop.');
  const stop = () => {
    server.close().then(() => process.exit(0));
    // A second Ctrl-C, or a stuck connection, must not keep it alive.
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) main();
