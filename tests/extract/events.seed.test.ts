/**
 * The event stage on the five seed articles through the real pipeline (extractArticle), scored against
 * the gold annotation, plus the cross-article identities resolution must produce.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedInputs } from './support/seedArticles.js';
import { extractWithEngine } from '../support/nlp.js';
import type { ExtractedArticle, ResolvedArticle } from '../../src/domain/types.js';
import { scoreClaimSources, scoreIncidentClaims } from '../../src/eval/claims.js';
import { scoreCampaigns, scoreIdentity, scoreIncidents, scoreMeetings, scoreMilestones, type EventGold } from '../../src/eval/events.js';
import { resolveCorpus } from '../../src/resolve/corpus.js';

const gold = JSON.parse(readFileSync('tests/fixtures/gold/events.json', 'utf8')) as EventGold;

let articles: ExtractedArticle[];
let resolved: ResolvedArticle[];
beforeAll(async () => {
  articles = await Promise.all(seedInputs().map((input) => extractWithEngine(input)));
  resolved = resolveCorpus(articles);
});
const byId = (id: string) => articles.find((a) => a.article.id.startsWith(id))!;

describe('events in the seed articles', () => {
  it('finds all three video conferences (the second implied) and the later one, with their dates or intervals', () => {
    const s = scoreMeetings(gold, articles);
    expect(s.misses).toEqual([]);
    expect(s.f1).toBe(1);
  });

  it('finds one incident per article with every distance, date and purpose claim and its source', () => {
    expect(scoreIncidents(gold, articles).misses).toEqual([]);
    const claims = scoreIncidentClaims(gold, articles);
    expect(claims.misses).toEqual([]);
    expect(claims.recall).toBe(1);
    expect(scoreClaimSources(gold, articles).misses).toEqual([]);
  });

  it('tracks the memorandum of understanding from negotiation to implementation', () => {
    expect(scoreMilestones(gold, articles).misses).toEqual([]);
  });

  it('anchors the story by the campaigns the text dates', () => {
    expect(scoreCampaigns(gold, articles).misses).toEqual([]);
  });

  it('gives the same real event one id across articles', () => {
    const s = scoreIdentity(gold, resolved);
    expect(s.misses).toEqual([]);
    const incidentIds = new Set(resolved.flatMap((r) => r.events.filter((e) => e.kind === 'INCIDENT').map((e) => r.ids[e.key])));
    expect(incidentIds.size).toBe(1);
  });

  it('keeps every span exact and dates honest', () => {
    for (const a of articles) {
      const spans = [
        ...a.events.flatMap((e) => [...e.mentions, ...(e.date?.span ? [e.date.span] : [])]),
        ...a.claims.map((c) => c.span),
      ];
      for (const s of spans) expect(a.article.text.slice(s.start, s.end)).toBe(s.exact);
      for (const e of a.events) {
        if (!e.date) continue;
        expect(e.date.start <= e.date.end).toBe(true);
        if (e.date.precision === 'DAY') expect(e.date.start).toBe(e.date.end);
      }
    }
    // "was signed in October of 2015" says a month, not a day.
    expect(byId('002').events.find((e) => e.status === 'SIGNED')?.date).toMatchObject({ precision: 'MONTH', start: '2015-10-01', end: '2015-10-31' });
  });

  it('links statements to the events they talk about', () => {
    const a = byId('004');
    const incident = a.events.find((e) => e.kind === 'INCIDENT')!;
    const speakers = a.statements.filter((s) => s.aboutKeys.includes(incident.key)).map((s) => a.actors.find((x) => x.key === s.speakerKey)?.name);
    expect(speakers).toEqual(expect.arrayContaining(['Igor Konashenkov', 'Steve Warren']));
  });
});
