/**
 * Timeline exports from a schema-true fake API (tests/web/support/fakeGraph.ts): paging through the whole
 * timeline, TimelineJS3 JSON validated against a JSON Schema of the format, vis-timeline items and groups,
 * and the client operations checked against the SDL and the API's cost limits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { Kind, validate, type DocumentNode } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { measureDocument } from '../../src/api/limits.js';
import * as operations from '../../src/web/generated/operations.js';
import {
  fetchExportItems,
  render,
  toTimelineJs,
  toVis,
  type ExportItem,
  type TimelineJsExport,
  type VisExport,
} from '../../src/export/timeline.js';
import { fakeExecute, fakeRoot, loadSchema, seedLikeGraph } from '../web/support/fakeGraph.js';

const schema = loadSchema();
const execute = fakeExecute(schema, fakeRoot(seedLikeGraph()));
const ajv = new Ajv({ allErrors: true });
const validateTimelineJs = ajv.compile(JSON.parse(readFileSync(new URL('./timelinejs.schema.json', import.meta.url), 'utf8')));

function schemaErrors(doc: unknown): string[] {
  return validateTimelineJs(doc) ? [] : (validateTimelineJs.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

const byId = <T extends { unique_id?: string; id?: string }>(xs: T[], id: string) => xs.find((x) => (x.unique_id ?? x.id) === id);

describe('client operations', () => {
  const docs = Object.entries(operations).filter(([, v]) => (v as DocumentNode)?.kind === Kind.DOCUMENT) as Array<[string, DocumentNode]>;

  it('are valid against the schema', () => {
    expect(docs.map(([name]) => name).sort()).toEqual(
      ['ArticleTextDocument', 'EventDetailDocument', 'StatementDetailDocument', 'TimelineActorsDocument', 'TimelineExportDocument', 'TimelinePageDocument'],
    );
    for (const [name, doc] of docs) expect({ name, errors: validate(schema, doc).map((e) => e.message) }).toEqual({ name, errors: [] });
  });

  it('fit under the default depth and field limits', () => {
    const config = loadConfig({});
    for (const [name, doc] of docs) {
      for (const cost of measureDocument(doc)) {
        expect({ name, deep: cost.depth <= config.MAX_QUERY_DEPTH, small: cost.fields <= config.MAX_QUERY_FIELDS }).toEqual({ name, deep: true, small: true });
      }
    }
  });
});

describe('fetching the timeline for export', () => {
  it('follows pageInfo through the whole timeline, in order, without gaps or repeats', async () => {
    const all = await fetchExportItems(execute, 100);
    const paged = await fetchExportItems(execute, 4);
    expect(all).toHaveLength(15);
    expect(paged.map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(new Set(all.map((i) => i.id)).size).toBe(15);
    const keys = all.map((i) => `${i.sortDate ?? '9999'} ${i.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps what each item needs: speakers, intermediaries, claims, one source per article', async () => {
    const items = await fetchExportItems(execute);
    const carter = items.find((i) => i.id === 'stmt:carter-misguided')!;
    expect(carter.speaker?.name).toBe('Ashton Carter');
    expect(carter.sources.map((s) => [s.outlet, s.via])).toEqual([
      ['International Business Times Australia', ['Reuters']],
      ['CNN', []],
    ]);
    const incident = items.find((i) => i.kind === 'INCIDENT')!;
    expect(incident.claims.filter((c) => c.attribute === 'distance').map((c) => c.speaker)).toEqual(
      expect.arrayContaining(['Steve Warren', 'Igor Konashenkov']),
    );
    expect(incident.sources.map((s) => s.articleId)).toEqual(['003_95363f65d31180cf', '004_aa3a53a6edca9073']);
  });
});

describe('TimelineJS3 export', () => {
  it('is valid TimelineJS3 JSON', async () => {
    const doc = render(await fetchExportItems(execute), 'timelinejs') as TimelineJsExport;
    expect(schemaErrors(doc)).toEqual([]);
    expect(doc.events).toHaveLength(15);
    for (const e of doc.events) {
      if (e.end_date) expect(dateKey(e.end_date) >= dateKey(e.start_date)).toBe(true);
    }
  });

  it('gives start_date only the precision the date has, and display_date for intervals and months', async () => {
    const { events } = toTimelineJs(await fetchExportItems(execute));
    expect(byId(events, 'event-meeting-us-russia-video-conference-1')).toMatchObject({
      start_date: { year: 2015, month: 10, day: 1 },
      group: 'Meetings',
    });
    expect(byId(events, 'event-meeting-us-russia-video-conference-1')).not.toHaveProperty('end_date');
    expect(byId(events, 'event-meeting-us-russia-video-conference-2')).toMatchObject({
      start_date: { year: 2015, month: 10, day: 2 },
      end_date: { year: 2015, month: 10, day: 13 },
      display_date: 'between 2 October 2015 and 13 October 2015 (exact day unknown)',
    });
    const signed = byId(events, 'event-agreement-milestone-mou-signed')!;
    expect(signed.start_date).toEqual({ year: 2015, month: 10 });
    expect(signed.display_date).toBe('October 2015');
    expect(signed).not.toHaveProperty('end_date');
    // No article dates this statement: it sits at its first report, and says so.
    expect(byId(events, 'stmt-davis-progress')).toMatchObject({ start_date: { year: 2015, month: 10, day: 14 }, display_date: 'first reported 14 October 2015' });
  });

  it('links the sources and escapes article text', async () => {
    const { events } = toTimelineJs(await fetchExportItems(execute));
    const nearing = byId(events, 'stmt-official-nearing-completion')!;
    expect(nearing.text.text).toContain(
      '<a href="http://www.latinpost.com/articles/86922/20151015/syria-conflict-2015-us-russia-talks-signing-pact-for-air-safety.htm" target="_blank" rel="noopener">Latin Post</a> (15 October 2015, via AFP)',
    );
    const incident = events.find((e) => e.group === 'Incidents')!;
    expect(incident.text.text).toContain('distance: 2 or 3 kilometers (1.2 to 1.8 miles) (Igor Konashenkov, Fox News)');

    const hostile: ExportItem = {
      id: 'stmt:x', kind: 'STATEMENT', headline: 'A <b>bold</b> claim', text: '<script>alert(1)</script>', date: { start: '2020-01-01', end: '2020-01-01', precision: 'DAY' },
      sortDate: '2020-01-01', speaker: { id: 'a', name: 'O\'Brien & "Co"' }, implied: false, series: null, participants: [], claims: [],
      sources: [{ articleId: 'x', outlet: 'X', title: null, publishedAt: '2020-01-01', url: 'javascript:alert(1)', via: [] }],
    };
    const [slide] = toTimelineJs([hostile]).events;
    expect(slide!.text.headline).toBe('A &lt;b&gt;bold&lt;/b&gt; claim');
    expect(slide!.text.text).not.toMatch(/<script|javascript:/);
    expect(slide!.text.text).toContain('O&#39;Brien &amp; &quot;Co&quot;');
    expect(slide!.start_date).toEqual({ year: 2020, month: 1, day: 1 });
  });

  it('the schema rejects what TimelineJS cannot load', () => {
    const ok = { events: [{ start_date: { year: 2015 } }] };
    expect(schemaErrors(ok)).toEqual([]);
    expect(schemaErrors({})).not.toEqual([]);
    expect(schemaErrors({ events: [{ text: { headline: 'no date' } }] })).not.toEqual([]);
    expect(schemaErrors({ events: [{ start_date: { year: 2015, day: 3 } }] })).not.toEqual([]);
    expect(schemaErrors({ events: [{ start_date: { year: 2015, month: 13 } }] })).not.toEqual([]);
    expect(schemaErrors({ events: [{ start_date: { year: 2015 }, startDate: { year: 2015 } }] })).not.toEqual([]);
    expect(schemaErrors({ events: [{ start_date: { year: 2015 }, unique_id: 'a b' }] })).not.toEqual([]);
  });
});

describe('vis-timeline export', () => {
  it('has ISO days, point items for exact days, range items for uncertain dates', async () => {
    const doc = render(await fetchExportItems(execute), 'vis') as VisExport;
    expect(doc.items).toHaveLength(15);
    for (const item of doc.items) {
      expect(item.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (item.type === 'range') expect(item.end! > item.start).toBe(true);
      else expect(item).not.toHaveProperty('end');
    }
    expect(byId(doc.items, 'event:meeting:us-russia-video-conference:3')).toMatchObject({ type: 'point', start: '2015-10-14', group: 'MEETING' });
    // Ends are exclusive: an interval up to 13 October ends at the start of the 14th; a month covers all its days.
    expect(byId(doc.items, 'event:meeting:us-russia-video-conference:2')).toMatchObject({ type: 'range', start: '2015-10-02', end: '2015-10-14' });
    expect(byId(doc.items, 'event:agreement-milestone:mou-signed')).toMatchObject({ type: 'range', start: '2015-10-01', end: '2015-11-01' });
    expect(doc.groups.map((g) => g.id)).toEqual(['MEETING', 'INCIDENT', 'AGREEMENT_MILESTONE', 'CAMPAIGN', 'STATEMENT']);
    expect(new Set(doc.items.map((i) => i.group)).size).toBe(doc.groups.length);
  });

  it('escapes content and titles (vis renders them as HTML)', () => {
    const item: ExportItem = {
      id: 'event:x', kind: 'OTHER', headline: '<img src=x onerror=alert(1)>', text: '<img src=x onerror=alert(1)>', date: null, sortDate: '2020-02-02',
      speaker: null, implied: false, series: null, participants: [], claims: [], sources: [],
    };
    const [vis] = toVis([item]).items;
    expect(vis!.content).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(vis!.title).not.toContain('<img');
  });
});

describe('undated events', () => {
  it('are left off the charts (they have no place on them) but kept in the json list', () => {
    const undated: ExportItem = {
      id: 'event:other:undated', kind: 'OTHER', headline: 'A review', text: 'A review', date: null, sortDate: null,
      speaker: null, implied: false, series: null, participants: [], claims: [], sources: [],
    };
    expect(toTimelineJs([undated]).events).toEqual([]);
    expect(toVis([undated])).toEqual({ items: [], groups: [] });
    expect((render([undated], 'json') as { items: ExportItem[] }).items).toEqual([undated]);
  });
});

describe('json export', () => {
  it('is the plain item list', async () => {
    const doc = render(await fetchExportItems(execute), 'json') as { title: string; items: ExportItem[] };
    expect(doc.title).toBe('Chronicle timeline');
    expect(doc.items).toHaveLength(15);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

function dateKey(d: { year: number | string; month?: number | string; day?: number | string }): string {
  return [d.year, d.month ?? 1, d.day ?? 1].map((x) => String(x).padStart(2, '0')).join('-');
}
