/**
 * Resolves articles one after another against an in-memory known graph — what the database would hold
 * after loading the earlier ones — so evaluation and tests get the same ids as a seeded graph, no database.
 */
import type { ExtractedArticle, KnownGraph, ResolvedArticle } from '../domain/types.js';
import { addKnownEvents, rekeys, rekeyStatements } from './events.js';
import { resolveArticle } from './index.js';
import { followActorRekeys, mergedForms } from './actorRekeys.js';

/** Adds a resolved article's actors and statements to `known` the way the loader merges them. */
export function addToKnown(known: KnownGraph, r: ResolvedArticle): KnownGraph {
  // People the article re-keys first, as the loader does; their statements and events follow.
  const followed = followActorRekeys(known, r.ids);
  const actors = new Map(followed.actors.map((a) => [a.id, { ...a, aliases: [...a.aliases] }]));
  for (const a of r.actors) {
    const id = r.ids[a.key]!;
    const prev = actors.get(id);
    if (!prev) {
      actors.set(id, { id, name: a.name, kind: a.kind, aliases: [...a.aliases] });
      continue;
    }
    actors.set(id, { ...prev, ...mergedForms(prev, a) });
  }
  const statements = new Map(followed.statements.map((s) => [s.id, s]));
  rekeyStatements(statements, r.ids);
  for (const s of r.statements) {
    const id = r.ids[s.key]!;
    const prev = statements.get(id);
    const first = prev?.firstArticleId !== undefined && prev.firstArticleId < r.article.id ? prev.firstArticleId : r.article.id;
    if (!prev) statements.set(id, { id, speakerId: r.ids[s.speakerKey]!, text: s.text, saidOnStart: s.saidOn?.start ?? null, firstArticleId: first });
    else statements.set(id, { ...prev, firstArticleId: first });
  }
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    actors: [...actors.values()].sort(byId),
    statements: [...statements.values()].sort(byId),
    events: addKnownEvents(followed.events, r, r.ids),
  };
}

export function resolveCorpus(extracted: ExtractedArticle[], known: KnownGraph = { actors: [], statements: [], events: [] }): ResolvedArticle[] {
  const out: ResolvedArticle[] = [];
  let graph = known;
  for (const a of extracted) {
    const r = resolveArticle(a, graph);
    // A stored event re-keyed by this article: the earlier articles' ids follow it, as the stored graph does.
    for (const [from, to] of [...rekeys(r.ids), ...rekeys(r.ids, 'mergeStatement:'), ...rekeys(r.ids, 'mergeActor:')]) {
      for (const earlier of out) for (const [k, v] of Object.entries(earlier.ids)) if (v === from && !k.startsWith('merge')) earlier.ids[k] = to;
    }
    out.push(r);
    graph = addToKnown(graph, r);
  }
  return out;
}
