/**
 * Claim scorers: every distance, date and purpose claim on an incident, per article (matched on
 * attribute + normalised value), and — for the claims found — whether the source is right (the speaker
 * of the statement it sits in, or the article itself).
 */
import type { ExtractedArticle, ExtractedClaim } from '../domain/types.js';
import { matchAll, type EventGold, type GoldClaim } from './events.js';
import { score, type Score } from './score.js';

function incidentClaims(a: ExtractedArticle): ExtractedClaim[] {
  const incidents = new Set(a.events.filter((e) => e.kind === 'INCIDENT').map((e) => e.key));
  return a.claims.filter((c) => incidents.has(c.eventKey));
}

const sameValue = (g: GoldClaim, c: ExtractedClaim) => g.attribute === c.attribute && g.normalized === c.normalized;

function sourceOk(a: ExtractedArticle, g: GoldClaim, c: ExtractedClaim): boolean {
  if (g.source === null) return c.sourceActorKey === undefined;
  const actor = a.actors.find((x) => x.key === c.sourceActorKey);
  const want = g.source.toLowerCase();
  return !!actor && [actor.name, ...actor.aliases].some((n) => n.toLowerCase().includes(want));
}

function sourceName(a: ExtractedArticle, c: ExtractedClaim): string {
  return c.sourceActorKey ? (a.actors.find((x) => x.key === c.sourceActorKey)?.name ?? c.sourceActorKey) : 'the article';
}

export function scoreIncidentClaims(gold: EventGold, articles: ExtractedArticle[]): Score {
  let [tp, fp, fn] = [0, 0, 0];
  const misses: string[] = [];
  for (const a of articles) {
    const g = gold.articles[a.article.id];
    if (!g) continue;
    const r = matchAll(
      g.incidents.flatMap((i) => i.claims),
      incidentClaims(a),
      sameValue,
      (x) => `${x.attribute} "${x.value}" = ${x.normalized}`,
      (c) => `${c.attribute} "${c.value}" = ${c.normalized}`,
    );
    [tp, fp, fn] = [tp + r.tp, fp + r.fp, fn + r.fn];
    misses.push(...r.misses.map((m) => `${a.article.id}: ${m}`));
  }
  return score('incident claims (distance, date, purpose)', tp, fp, fn, misses);
}

/** Among the claims found, the share whose source is right (precision = recall = accuracy). */
export function scoreClaimSources(gold: EventGold, articles: ExtractedArticle[]): Score {
  let [right, wrong] = [0, 0];
  const misses: string[] = [];
  for (const a of articles) {
    const g = gold.articles[a.article.id];
    if (!g) continue;
    const found = incidentClaims(a);
    const used = new Set<number>();
    for (const gc of g.incidents.flatMap((i) => i.claims)) {
      const i = found.findIndex((c, k) => !used.has(k) && sameValue(gc, c));
      if (i < 0) continue;
      used.add(i);
      if (sourceOk(a, gc, found[i]!)) right++;
      else {
        wrong++;
        misses.push(`${a.article.id}: ${gc.attribute} "${gc.value}" from ${gc.source ?? 'the article'}, got ${sourceName(a, found[i]!)}`);
      }
    }
  }
  return score('claim sources (speaker or article)', right, wrong, wrong, misses);
}
