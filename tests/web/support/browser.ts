/** Headless Chromium for the browser tests: Debian's chromium package (CI's .ci/run installs it) via playwright-core. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../../test-artifacts');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records console errors, page errors and requests that left the test server (the page must work offline). */
export async function openPage(browser: Browser, origin: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    problems.push(`request outside the server: ${url}`);
    return route.abort();
  });
  return { page, problems };
}

/** Waits until the page has finished loading the timeline (the status line leaves "Loading…"). */
export async function timelineLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.getElementById('status')?.textContent ?? '';
    return status !== '' && !status.startsWith('Loading');
  });
}

/** Waits for the detail panel to finish loading. */
export async function detailLoaded(page: Page): Promise<void> {
  await page.waitForSelector('#detail[aria-busy="false"] #detail-body :is(.event-name, .quote, .error-inline)');
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

/** The left edge (px) of an item on the chart: with align 'left', an item's left edge is its earliest day. */
export async function chartX(page: Page, id: string): Promise<number> {
  const box = await page.locator(`#timeline .vis-item:has([data-item-id="${id}"])`).boundingBox();
  if (!box) throw new Error(`item ${id} is not drawn on the chart`);
  return box.x;
}

/** Ids of the list items, in the order the page lists them. */
export async function listOrder(page: Page): Promise<string[]> {
  return page.$$eval('#item-list li[data-id]', (lis) => lis.map((li) => (li as HTMLElement).dataset.id ?? ''));
}
