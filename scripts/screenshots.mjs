#!/usr/bin/env node
// `npm run screenshots`: every view type of the built sample blog at 375 px
// and 1280 px, light and dark, into build/screenshots/<view>-<width>-<theme>.png
// (full pages), to look at. Build first (`npm run build`).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { appReady, openPage, sampleSite, screenshotDir, viewPaths } from '../tests/e2e/helpers.mjs';

const widths = [375, 1280];
const themes = /** @type {const} */ (['light', 'dark']);

async function main() {
  const { site, server, browser, close: closeSite } = await sampleSite();
  await mkdir(screenshotDir, { recursive: true });
  try {
    // Every view type, and the post that uses the most markdown (tables,
    // code, images, quotes).
    const tour = site.bundle.posts.find((p) => /^\|/m.test(p.body ?? '') && /^>/m.test(p.body ?? '') &&
      /!\[/.test(p.body ?? '')) ?? site.bundle.posts[0];
    const views = { ...viewPaths(site.bundle), 'post-markdown': `${site.bundle.site.base_path}posts/${tour.slug}/` };
    for (const width of widths) {
      for (const theme of themes) {
        const { page, close } = await openPage(browser, { viewport: { width, height: 800 }, colorScheme: theme });
        try {
          for (const [name, viewPath] of Object.entries(views)) {
            await page.goto(new URL(viewPath, server.url).href);
            await appReady(page);
            // Views the host does not have (combined tags) are rendered by the app.
            await page.waitForFunction(() => !document.querySelector('main[aria-busy="true"]'));
            const file = path.join(screenshotDir, `${name}-${width}-${theme}.png`);
            await page.screenshot({ path: file, fullPage: true });
            console.log(path.relative(process.cwd(), file));
          }
        } finally {
          await close();
        }
      }
    }
  } finally {
    await closeSite();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
