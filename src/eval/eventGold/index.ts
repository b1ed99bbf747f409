/**
 * `evaluateEventGold`: extracts the gold's articles, resolves them together (as one ingest would), and scores
 * the events with measure.ts. The system is injected (extract + parse), as for the PolNeAR statement measure.
 */
import type { ArticleInput, ExtractedArticle, ResolvedArticle } from '../../domain/types.js';
import type { Parse } from '../../nlp/types.js';
import { readEventGold, type GoldArticle } from './gold.js';
import { scoreEvents, type EventScore, type SystemEvent } from './measure.js';

export { readEventGold, EventGoldError, type GoldArticle } from './gold.js';
export { scoreEvents, matches, type EventScore, type SystemEvent } from './measure.js';

export interface EventGoldEvaluation {
  articles: number;
  score: EventScore;
  runMs: number;
}

export function systemEvents(r: ResolvedArticle): SystemEvent[] {
  return r.events.map((e) => ({
    id: r.ids[e.key] ?? e.key,
    kind: e.kind,
    name: e.name,
    date: e.date ? { start: e.date.start, end: e.date.end, precision: e.date.precision } : null,
    mentions: e.mentions.map((m) => ({ start: m.start, end: m.end })),
  }));
}

export async function evaluateEventGold(
  goldDir: string,
  textDir: string,
  system: {
    extract: (input: ArticleInput, parse: Parse) => ExtractedArticle;
    getParse: (text: string) => Promise<Parse>;
    resolve: (extracted: ExtractedArticle[]) => ResolvedArticle[];
  },
): Promise<EventGoldEvaluation> {
  const gold: GoldArticle[] = readEventGold(goldDir, textDir);
  const t0 = performance.now();
  const extracted: ExtractedArticle[] = [];
  // Publication order, as a corpus is usually ingested (resolution is meant not to depend on it).
  const ordered = [...gold].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  for (const a of ordered) {
    const input: ArticleInput = { id: a.id, text: a.text, outlet: a.id.split('_')[0] ?? '', title: null, publishedAt: a.publishedAt, url: null };
    extracted.push(system.extract(input, await system.getParse(a.text)));
  }
  const resolved = system.resolve(extracted);
  const runMs = performance.now() - t0;
  const byId = new Map(resolved.map((r) => [r.article.id, r]));
  const score = scoreEvents(ordered.map((g) => ({ gold: g, system: systemEvents(byId.get(g.id)!) })));
  return { articles: gold.length, score, runMs };
}
