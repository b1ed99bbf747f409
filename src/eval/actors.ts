/**
 * Actor scorers against tests/fixtures/gold/actors.json. Each gold surface form in each article is
 * located in the text (every occurrence) and assigned the global id of the extracted mention covering
 * it (majority over occurrences). Then:
 * - detection (people, outlets, anonymous sources): gold actors found / found actors that are gold;
 * - alias merging: pairs of forms that name one actor (within and across articles) — precision, recall,
 *   and wrong merges (a global id holding forms of two different gold actors; the target is zero).
 */
import type { ActorKind, ResolvedArticle } from '../domain/types.js';
import { displayName, type ActorGold, type GoldActor } from './gold.js';
import { score, type Score } from './score.js';

interface Item {
  gold: GoldActor;
  articleId: string;
  surface: string;
  /** Global id of the covering mention, undefined when no mention covers the form. */
  id?: string;
  kind?: ActorKind;
}

function occurrences(text: string, surface: string): Array<{ start: number; end: number }> {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The id of the mention that best fits [start, end) (largest overlap over union) among those covering
 * its last word, the head: "US military officials" is not found by a mention of "US military".
 */
function idAt(r: ResolvedArticle, start: number, end: number): { id: string; kind: ActorKind } | undefined {
  const head = start + r.article.text.slice(start, end).search(/[\p{L}\p{N}][^\s]*$/u);
  let best: { id: string; kind: ActorKind; fit: number } | undefined;
  for (const a of r.actors) {
    for (const m of a.mentions) {
      if (!(m.start < end && head < m.end)) continue;
      const fit = (Math.min(end, m.end) - Math.max(start, m.start)) / (Math.max(end, m.end) - Math.min(start, m.start));
      if (!best || fit > best.fit) best = { id: r.ids[a.key]!, kind: a.kind, fit };
    }
  }
  return best;
}

export function goldItems(gold: ActorGold, resolved: ResolvedArticle[]): Item[] {
  const byId = new Map(resolved.map((r) => [r.article.id, r]));
  const items: Item[] = [];
  for (const g of gold.actors) {
    for (const [articleId, surfaces] of Object.entries(g.mentions)) {
      const r = byId.get(articleId);
      if (!r) continue;
      for (const surface of surfaces) {
        const votes = new Map<string, number>();
        const kinds = new Map<string, ActorKind>();
        for (const o of occurrences(r.article.text, surface)) {
          const hit = idAt(r, o.start, o.end);
          if (!hit) continue;
          votes.set(hit.id, (votes.get(hit.id) ?? 0) + 1);
          kinds.set(hit.id, hit.kind);
        }
        const id = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
        items.push({ gold: g, articleId, surface, id, kind: id ? kinds.get(id) : undefined });
      }
    }
  }
  return items;
}

export function scoreActors(gold: ActorGold, resolved: ResolvedArticle[]): Score[] {
  const items = goldItems(gold, resolved);
  return [scoreDetection(gold, resolved, items), scoreMerges(items)];
}

function scoreDetection(gold: ActorGold, resolved: ResolvedArticle[], items: Item[]): Score {
  const scope = new Set(gold.scope.detection);
  const goldActors = gold.actors.filter((g) => scope.has(g.kind));
  // Found: some form of the actor is covered by an extracted actor of a compatible kind.
  const loose = (k: ActorKind | undefined) => (k === 'GROUP' ? 'ANONYMOUS_SOURCE' : k);
  const found = goldActors.filter((g) => items.some((i) => i.gold === g && i.id && loose(i.kind) === loose(g.kind)));
  const goldIds = new Set(items.filter((i) => scope.has(i.gold.kind) && i.id).map((i) => i.id!));
  const extracted = new Map<string, string>();
  for (const r of resolved) for (const a of r.actors) if (scope.has(a.kind) && a.mentions.length > 0) extracted.set(r.ids[a.key]!, `${r.article.id}: ${a.name}`);
  const extra = [...extracted].filter(([id]) => !goldIds.has(id));
  return score(
    'actors: people, outlets, anonymous sources found',
    found.length,
    extra.length,
    goldActors.length - found.length,
    [
      ...goldActors.filter((g) => !found.includes(g)).map((g) => `missed ${g.kind} ${displayName(g)}`),
      ...extra.map(([id, where]) => `extra ${where} (${id})`),
    ],
  );
}

function scoreMerges(items: Item[]): Score {
  let [tp, fp, fn] = [0, 0, 0];
  const misses: string[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const same = a.gold === b.gold;
      const merged = a.id !== undefined && a.id === b.id;
      if (same && merged) tp++;
      else if (same) {
        fn++;
        misses.push(`not merged: ${a.articleId.slice(0, 3)} "${a.surface}" (${a.id ?? 'not found'}) / ${b.articleId.slice(0, 3)} "${b.surface}" (${b.id ?? 'not found'})`);
      } else if (merged) fp++;
    }
  }
  // Wrong merges: gold actors beyond the first sharing one global id.
  const byId = new Map<string, Set<GoldActor>>();
  for (const it of items) if (it.id) byId.set(it.id, (byId.get(it.id) ?? new Set()).add(it.gold));
  let wrong = 0;
  for (const [id, golds] of byId) {
    if (golds.size > 1) {
      wrong += golds.size - 1;
      misses.unshift(`WRONG MERGE ${id}: ${[...golds].map(displayName).join(' + ')}`);
    }
  }
  return score('actors: alias merges within and across articles', tp, fp, fn, misses, { wrongMerges: wrong });
}
