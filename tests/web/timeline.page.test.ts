/**
 * The timeline page in headless Chromium against the real router and a schema-true fake API (see
 * support/fakeGraph.ts): rendering, ordering, detail panel, grouping, filters and empty states, without
 * depending on extraction. timeline.e2e.int.test.ts runs the same page on the real pipeline and API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifactPath, chartX, detailLoaded, launchChromium, listOrder, openPage, timelineLoaded } from './support/browser.js';
import { emptyGraph, seedLikeGraph } from './support/fakeGraph.js';
import { startFakeServer, type FakeServer } from './support/fakeServer.js';

const ID = {
  m1: 'event:meeting:us-russia-video-conference:1',
  m2: 'event:meeting:us-russia-video-conference:2',
  m3: 'event:meeting:us-russia-video-conference:3',
  incident: 'event:incident:close-encounter-over-syria',
  carter: 'stmt:carter-misguided',
  official: 'stmt:official-nearing-completion',
};

describe('timeline page (fake API)', () => {
  let browser: Browser;
  let seeded: FakeServer;
  let empty: FakeServer;

  beforeAll(async () => {
    browser = await launchChromium();
    seeded = await startFakeServer(seedLikeGraph());
    empty = await startFakeServer(emptyGraph());
  });
  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
    await empty?.close();
  });

  it('draws the conferences and the incident in date order and lists every item', async () => {
    const { page, problems } = await openPage(browser, seeded.url);
    await page.goto(`${seeded.url}/timeline`);
    await timelineLoaded(page);
    expect(await page.textContent('#status')).toContain('15 items: 7 events and 8 statements');
    await page.getByRole('button', { name: 'Fit all' }).click();

    const x = { m1: await chartX(page, ID.m1), m2: await chartX(page, ID.m2), incident: await chartX(page, ID.incident), m3: await chartX(page, ID.m3) };
    expect(x.m1).toBeLessThan(x.m2);
    expect(x.m2).toBeLessThan(x.incident);
    expect(x.incident).toBeLessThan(x.m3);

    const order = await listOrder(page);
    expect(order).toHaveLength(15);
    const at = (id: string) => order.indexOf(id);
    expect([at(ID.m1), at(ID.m2), at(ID.incident), at(ID.m3)]).toEqual([...[at(ID.m1), at(ID.m2), at(ID.incident), at(ID.m3)]].sort((a, b) => a - b));

    // Uncertain dates are ranges, exact days are not.
    expect(await page.locator(`#timeline .vis-item.vis-range:has([data-item-id="${ID.m2}"])`).count()).toBe(1);
    expect(await page.locator(`#timeline .vis-item.vis-range:has([data-item-id="${ID.incident}"])`).count()).toBe(1);
    expect(await page.locator(`#timeline .vis-item.vis-range:has([data-item-id="${ID.m1}"])`).count()).toBe(0);
    expect(await page.locator('#timeline .vis-item.vis-range.kind-agreement-milestone').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('shows an incident with both sides’ claims and their source sentences marked', async () => {
    const { page, problems } = await openPage(browser, seeded.url);
    await page.goto(`${seeded.url}/timeline`);
    await timelineLoaded(page);
    await page.locator(`#timeline .vis-item:has([data-item-id="${ID.incident}"])`).click();
    await detailLoaded(page);

    const detail = page.locator('#detail');
    expect(await detail.getAttribute('aria-live')).toBe('polite');
    const distance = detail.locator('.claim-group[data-attribute="distance"]');
    expect(await distance.locator('.badge').textContent()).toBe('sources disagree');
    const claims = await distance.locator('.claim').evaluateAll((els) =>
      els.map((el) => ({
        value: el.querySelector('.claim-value')?.textContent,
        speaker: el.querySelector('.claim-speaker')?.textContent,
        marks: Array.from(el.querySelectorAll('mark'), (m) => m.textContent),
        sentence: el.querySelector('.excerpt')?.textContent,
      })),
    );
    expect(claims).toContainEqual(expect.objectContaining({ value: '10 to 20 miles', speaker: 'Steve Warren', marks: ['perhaps as much as 10 to 20 miles'] }));
    expect(claims).toContainEqual(expect.objectContaining({ value: '2 or 3 kilometers (1.2 to 1.8 miles)', speaker: 'Igor Konashenkov', marks: ['within 2 or 3 kilometers (1.2 to 1.8 miles)'] }));
    // The whole sentence around the span, not just the span.
    const konashenkov = claims.find((c) => c.speaker === 'Igor Konashenkov' && c.value?.startsWith('2 or 3'));
    expect(konashenkov?.sentence).toMatch(/^Maj\. Gen\. Igor Konashenkov, a Russian defense ministry spokesman, said the jets came within 2 or 3 kilometers .* according to the Wall Street Journal\.$/);
    expect(await detail.locator('.claim-group[data-attribute="date"] .claim-value').allTextContents()).toEqual(['Saturday', 'Sunday']);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: artifactPath('timeline-fixture.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows a statement with its speaker, the chain per reporting article, and the sentence in each article', async () => {
    const { page } = await openPage(browser, seeded.url);
    await page.goto(`${seeded.url}/timeline`);
    await timelineLoaded(page);
    await page.locator(`#item-list li[data-id="${ID.carter}"] button`).click();
    await detailLoaded(page);
    const detail = page.locator('#detail');
    expect(await detail.locator('.speaker').textContent()).toContain('Ashton Carter');
    const sources = await detail.locator('figure.source').evaluateAll((els) =>
      els.map((el) => ({ chain: Array.from(el.querySelectorAll('.chain li'), (li) => li.textContent), mark: el.querySelector('mark')?.textContent })),
    );
    expect(sources).toEqual([
      { chain: ['Ashton Carter', 'Reuters', 'International Business Times Australia'], mark: expect.stringContaining('will not agree, to cooperate with Russia') },
      { chain: ['Ashton Carter', 'CNN'], mark: expect.stringContaining('will not agree to cooperate with Russia') },
    ]);
    // The list item is marked as the current one.
    expect(await page.locator(`#item-list li[data-id="${ID.carter}"]`).getAttribute('aria-current')).not.toBeNull();
  });

  it('groups by actor or by event kind', async () => {
    const { page } = await openPage(browser, seeded.url);
    await page.goto(`${seeded.url}/timeline`);
    await timelineLoaded(page);
    const labels = () => page.locator('#timeline .vis-labelset .vis-label').allTextContents();
    expect(await labels()).toEqual(['Meetings', 'Incidents', 'Agreement milestones', 'Campaigns', 'Statements']);
    await page.click('label[for="group-actor"]');
    expect(await labels()).toEqual(expect.arrayContaining(['Events', 'Steve Warren', 'Igor Konashenkov', 'a U.S. defense official']));
    expect(page.url()).toContain('groupBy=actor');
  });

  it('filters by actor and by date range through the API', async () => {
    const { page } = await openPage(browser, seeded.url);
    await page.goto(`${seeded.url}/timeline`);
    await timelineLoaded(page);
    await page.locator('#actor').selectOption({ label: 'Steve Warren' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('(filtered)'));
    // His two statements, and the incident he made claims about.
    expect((await listOrder(page)).sort()).toEqual([ID.incident, 'stmt:warren-miles-apart', 'stmt:warren-risk'].sort());

    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('15 items'));
    await page.fill('#from', '2015-10-14');
    await page.fill('#to', '2015-10-14');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('(filtered)'));
    const order = await listOrder(page);
    expect(order).toContain(ID.m3);
    expect(order).not.toContain(ID.m1);
    expect(order).not.toContain(ID.incident);
  });

  it('shows an inviting empty state for an empty graph, and a way out of an over-narrow filter', async () => {
    const { page, problems } = await openPage(browser, empty.url);
    await page.goto(`${empty.url}/timeline`);
    await timelineLoaded(page);
    expect(await page.isVisible('#empty')).toBe(true);
    expect(await page.isVisible('#timeline')).toBe(false);
    expect(await page.isVisible('#error')).toBe(false);
    expect(await page.textContent('#empty-title')).toBe('Your timeline is waiting for its first story');
    expect(await page.textContent('#empty-text')).toContain('npm run seed');
    await page.screenshot({ path: artifactPath('timeline-empty.png') });
    expect(problems).toEqual([]);

    const narrow = await openPage(browser, seeded.url);
    await narrow.page.goto(`${seeded.url}/timeline?from=1900-01-01&to=1900-12-31`);
    await timelineLoaded(narrow.page);
    expect(await narrow.page.textContent('#empty-title')).toBe('Nothing here for these filters');
    await narrow.page.getByRole('button', { name: 'Clear filters' }).click();
    await narrow.page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('15 items'));
    expect(await narrow.page.isVisible('#timeline')).toBe(true);
  });
});
