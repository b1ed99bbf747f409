/**
 * Event scorers against the gold annotation (tests/fixtures/gold/events.json): meetings with their
 * ordinals and dates or intervals, incidents, agreement milestones, campaigns, and whether the same
 * real event got one id across articles. Claims are scored in claims.ts.
 */
import type { ExtractedArticle, ExtractedEvent, ResolvedArticle } from '../domain/types.js';
import { score, type Score } from './score.js';

export interface GoldClaim {
  attribute: string;
  value: string;
  normalized: string;
  source: string | null;
}
export interface GoldArticleEvents {
  meetings: Array<{ series: string; ordinal: number | null; start: string; end: string; implied: boolean }>;
  incidents: Array<{ label: string; date: { start: string; end: string }; claims: GoldClaim[] }>;
  milestones: Array<{ status: string; date: string; precision?: string }>;
  campaigns: Array<{ agent: string; start: string; precision: string }>;
}
export interface EventGold {
  articles: Record<string, GoldArticleEvents>;
  sameAcrossArticles: Array<{ what: string; kind: ExtractedEvent['kind']; ordinal?: number; agent?: string; articles: string[] }>;
}

/** Greedy one-to-one matching of gold items to extracted items by a predicate; returns tp/fp/fn and misses. */
export function matchAll<G, E>(gold: G[], found: E[], same: (g: G, e: E) => boolean, show: (g: G) => string, showFound: (e: E) => string) {
  const used = new Set<number>();
  const misses: string[] = [];
  let tp = 0;
  for (const g of gold) {
    const i = found.findIndex((e, k) => !used.has(k) && same(g, e));
    if (i >= 0) {
      used.add(i);
      tp++;
    } else misses.push(`missed ${show(g)}`);
  }
  found.forEach((e, k) => {
    if (!used.has(k)) misses.push(`extra ${showFound(e)}`);
  });
  return { tp, fp: found.length - used.size, fn: gold.length - tp, misses };
}

function actorNames(a: ExtractedArticle, keys: string[]): string[] {
  return keys.flatMap((k) => {
    const actor = a.actors.find((x) => x.key === k);
    return actor ? [actor.name, ...actor.aliases] : [];
  });
}

const dateText = (e: ExtractedEvent) => (e.date ? `${e.date.start}..${e.date.end}` : 'undated');

function perArticle(
  category: string,
  gold: EventGold,
  articles: ExtractedArticle[],
  run: (g: GoldArticleEvents, a: ExtractedArticle) => { tp: number; fp: number; fn: number; misses: string[] },
): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const a of articles) {
    const g = gold.articles[a.article.id];
    if (!g) continue;
    const r = run(g, a);
    tp += r.tp;
    fp += r.fp;
    fn += r.fn;
    misses.push(...r.misses.map((m) => `${a.article.id}: ${m}`));
  }
  return score(category, tp, fp, fn, misses);
}

export function scoreMeetings(gold: EventGold, articles: ExtractedArticle[]): Score {
  return perArticle('meetings (series, ordinal, date or interval)', gold, articles, (g, a) =>
    matchAll(
      g.meetings,
      a.events.filter((e) => e.kind === 'MEETING'),
      (m, e) =>
        e.series?.name === m.series && (e.series?.ordinal ?? null) === m.ordinal && e.date?.start === m.start &&
        e.date?.end === m.end && (e.implied ?? false) === m.implied,
      (m) => `${m.series} #${m.ordinal ?? '-'} ${m.start}..${m.end}${m.implied ? ' (implied)' : ''}`,
      (e) => `${e.name} ${dateText(e)}`,
    ),
  );
}

export function scoreIncidents(gold: EventGold, articles: ExtractedArticle[]): Score {
  return perArticle('incidents (one per real event, dated)', gold, articles, (g, a) =>
    matchAll(
      g.incidents,
      a.events.filter((e) => e.kind === 'INCIDENT'),
      (i, e) => e.name.endsWith(i.label) && e.date?.start === i.date.start && e.date?.end === i.date.end,
      (i) => `${i.label} ${i.date.start}..${i.date.end}`,
      (e) => `${e.name} ${dateText(e)}`,
    ),
  );
}

export function scoreMilestones(gold: EventGold, articles: ExtractedArticle[]): Score {
  return perArticle('agreement milestones (status, report date)', gold, articles, (g, a) =>
    matchAll(
      g.milestones,
      a.events.filter((e) => e.kind === 'AGREEMENT_MILESTONE'),
      (m, e) => e.status === m.status && e.date?.start === m.date && (!m.precision || e.date?.precision === m.precision),
      (m) => `${m.status} ${m.date}`,
      (e) => `${e.status} ${dateText(e)}`,
    ),
  );
}

export function scoreCampaigns(gold: EventGold, articles: ExtractedArticle[]): Score {
  return perArticle('campaigns (agent, start)', gold, articles, (g, a) =>
    matchAll(
      g.campaigns,
      a.events.filter((e) => e.kind === 'CAMPAIGN'),
      (c, e) => actorNames(a, e.participantKeys).includes(c.agent) && e.date?.start === c.start && e.date?.precision === c.precision,
      (c) => `${c.agent} from ${c.start} (${c.precision})`,
      (e) => `${e.name} ${dateText(e)}`,
    ),
  );
}

/**
 * The same real event (incident, third conference, the agreement, a campaign) must get one id in every
 * article; `resolved` comes from resolving the articles in order (src/resolve/corpus.ts).
 */
export function scoreIdentity(gold: EventGold, resolved: ResolvedArticle[]): Score {
  let tp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const group of gold.sameAcrossArticles) {
    const ids = new Set<string>();
    const missingIn: string[] = [];
    for (const articleId of group.articles) {
      const r = resolved.find((x) => x.article.id === articleId);
      const e = r?.events.find(
        (x) =>
          x.kind === group.kind &&
          (group.ordinal === undefined || x.series?.ordinal === group.ordinal) &&
          (group.agent === undefined || actorNames(r, x.participantKeys).includes(group.agent)),
      );
      if (r && e) ids.add(r.ids[e.key]!);
      else missingIn.push(articleId);
    }
    if (ids.size === 1 && missingIn.length === 0) tp++;
    else {
      fn++;
      misses.push(`${group.what}: ${ids.size} ids [${[...ids].join(', ')}]${missingIn.length ? `, not found in ${missingIn.join(', ')}` : ''}`);
    }
  }
  return score('same event, one id across articles', tp, fn, fn, misses);
}
