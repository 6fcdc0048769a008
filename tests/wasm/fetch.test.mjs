// fetchBundle (web/quire.js) against a server that drops the connection in
// the middle of the body: the failure is a QuireError 'fetch' as documented,
// not the bare TypeError of the body stream. Needs no core.
// Run: node --test tests/wasm/fetch.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

import { QuireError, fetchBundle } from '../../web/quire.js';

/**
 * A server that promises 1000 bytes of JSON, sends 10 and hangs up.
 * @param {(url: string) => Promise<void>} use
 */
async function withDroppingServer(use) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
    res.write('{"format":', () => setTimeout(() => req.socket.destroy(), 50));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  try {
    await use(`http://127.0.0.1:${port}/bundle.json`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

test('a connection dropped mid-body rejects with QuireError "fetch" naming the URL', async () => {
  await withDroppingServer(async (url) => {
    await assert.rejects(fetchBundle(url), (error) => {
      assert.ok(error instanceof QuireError, `a QuireError, not ${error}`);
      assert.equal(error.code, 'fetch');
      assert.match(error.message, /^Could not load the blog \(network error for /);
      assert.ok(error.message.includes(url), error.message);
      assert.ok(error.cause, 'the underlying error is kept as the cause');
      return true;
    });
  });
});

test('an abort mid-body still rejects with the signal\'s AbortError, untouched', async () => {
  await withDroppingServer(async (url) => {
    const controller = new AbortController();
    const realFetch = globalThis.fetch;
    // Abort once the headers are in, while the body is still coming.
    globalThis.fetch = async (...args) => {
      const response = await realFetch(...args);
      controller.abort();
      return response;
    };
    try {
      await assert.rejects(fetchBundle(url, { signal: controller.signal }), (error) => {
        assert.ok(!(error instanceof QuireError), `not wrapped: ${error}`);
        assert.equal(/** @type {Error} */ (error).name, 'AbortError');
        return true;
      });
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
