// Bundle.complete (web/quire.js): the one loop that renders a view again
// while it names files it lacks, shared by the app's views, its search as
// you type, the widget and ensure(). Needs no core: the loop only calls
// loadNeeds() and the render it is given.
// Run: node --test tests/wasm/complete.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { Bundle, maxNeedRounds } from '../../web/quire.js';

/** A stand-in for a loaded bundle: records what it was asked to load. */
function fakeBundle() {
  /** @type {string[]} */
  const loaded = [];
  return { loaded, loadNeeds: async (/** @type {string} */ needs) => { loaded.push(needs); } };
}

test('renders again after loading each round of needs, until the view needs nothing', async () => {
  const fake = fakeBundle();
  const views = [{ needs: 'shard-b' }, { needs: '' }];
  const view = await Bundle.prototype.complete.call(fake, { needs: 'index' }, () => /** @type {{needs: string}} */ (views.shift()));
  assert.deepEqual(view, { needs: '' });
  assert.deepEqual(fake.loaded, ['index', 'shard-b']);
});

test(`stops after maxNeedRounds (${maxNeedRounds}) rounds, returning the last render`, async () => {
  const fake = fakeBundle();
  let renders = 0;
  const view = await Bundle.prototype.complete.call(fake, { needs: 'x' }, () => ({ needs: `x${++renders}` }));
  assert.equal(renders, maxNeedRounds);
  assert.equal(fake.loaded.length, maxNeedRounds);
  assert.deepEqual(view, { needs: `x${maxNeedRounds}` });
});

test('resolves to null without rendering again once the view is no longer wanted', async () => {
  const fake = fakeBundle();
  let renders = 0;
  const view = await Bundle.prototype.complete.call(fake, { needs: 'x' }, () => ({ needs: `${++renders}` }), () => false);
  assert.equal(view, null);
  assert.equal(renders, 0);
});

test('a view that needs nothing comes back as it is, with nothing loaded', async () => {
  const fake = fakeBundle();
  const first = { needs: '' };
  assert.equal(await Bundle.prototype.complete.call(fake, first, () => assert.fail('rendered again')), first);
  assert.deepEqual(fake.loaded, []);
});
