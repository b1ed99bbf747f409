/**
 * Resolution of a batch of articles against one known-graph read for the whole batch (src/ingest/pipeline.ts,
 * batched load). Articles are resolved in input order; each one sees what the earlier articles of the same
 * batch would have stored, merged by the loader's own rules (src/graph/load.ts LOAD_ARTICLE, docs/graph-model.md
 * "Loading"), so the ids are the ones one-article-at-a-time ingestion gives:
 * - actors: re-keyed people move to their canonical id; the longest name wins (ties: alphabetical), every other form
 *   becomes an alias;
 * - statements: the fullest wording wins (ties: alphabetical), the narrowest said-date wins (ties: earliest);
 *   the speaker is the smallest speaker id;
 * - events: `addKnownEvents` (first name, ordinal and series win, the narrowest date wins, participants accumulate).
 * The read for the batch is the union of every article's probes, so it is a superset of what each article's own
 * read would return; resolution against a superset of the relevant candidates gives the same ids
 * (tests/graph/knownGraph.int.test.ts, tests/graph/batchLoad.int.test.ts).
 */
import type { ExtractedArticle, KnownGraph, ResolvedArticle } from '../domain/types.js';
import { toLoadRows } from '../graph/loadRows.js';
import type { RestProbe } from './candidates.js';
import { addKnownEvents, rekeyStatements } from './events.js';
import { actorRenames, followActorRekeys, mergedForms, rekeyActors, renamed } from './actorRekeys.js';

type KnownActor = KnownGraph['actors'][number];
type KnownStatement = KnownGraph['statements'][number];

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The known graph as it grows through a batch: what was read once, plus what each resolved article adds. */
export class BatchKnownGraph {
  private readonly actors = new Map<string, KnownActor>();
  private readonly statements = new Map<string, KnownStatement & { saidOnEnd?: string | null }>();
  private events: KnownGraph['events'];
  /** Canonical id → the ids earlier articles of the batch re-keyed to it (still the stored ids until the batch is written). */
  private readonly former = new Map<string, string[]>();

  constructor(read: { actors?: KnownGraph['actors']; statements?: KnownGraph['statements']; events?: KnownGraph['events'] }) {
    for (const a of read.actors ?? []) this.actors.set(a.id, { ...a, aliases: [...a.aliases] });
    for (const s of read.statements ?? []) this.statements.set(s.id, { ...s });
    this.events = [...(read.events ?? [])];
  }

  /** Adds stored actors read later (a second read for the batch); what the batch already merged stays. */
  addStoredActors(actors: KnownGraph['actors']): void {
    for (const a of actors) if (!this.actors.has(a.id)) this.actors.set(a.id, { ...a, aliases: [...a.aliases] });
  }

  /** Adds stored statements and events (the batch's second read). */
  addStored(read: Pick<KnownGraph, 'statements' | 'events'>): void {
    for (const s of read.statements) if (!this.statements.has(s.id)) this.statements.set(s.id, { ...s });
    const have = new Set(this.events.map((e) => e.id));
    this.events = [...this.events, ...read.events.filter((e) => !have.has(e.id))];
  }

  /**
   * What resolution of the next article matches against (sorted by id, as the per-article read returns it).
   * With the article's probe, only the statements its own read would return (its speakers' and its content ids):
   * the rules compare nothing else, and a batch's read holds the statements of every speaker of the batch.
   */
  snapshot(probe?: Pick<RestProbe, 'speakerIds' | 'statementIds'>): KnownGraph {
    let statements = [...this.statements.values()];
    if (probe) {
      const speakers = new Set(probe.speakerIds);
      const ids = new Set(probe.statementIds);
      statements = statements.filter((s) => speakers.has(s.speakerId) || ids.has(s.id));
    }
    return {
      actors: [...this.actors.values()].map((a) => ({ ...a, aliases: [...a.aliases] })).sort(byId),
      statements: statements.map(({ saidOnEnd: _e, ...s }) => s).sort(byId),
      events: [...this.events].sort(byId),
    };
  }

  /** The stored ids of a person the batch has re-keyed so far (the second read must find their statements and events). */
  formerIds(id: string): string[] {
    return this.former.get(id) ?? [];
  }

  actorsSnapshot(): KnownGraph['actors'] {
    return [...this.actors.values()].map((a) => ({ ...a, aliases: [...a.aliases] })).sort(byId);
  }

  /** The actors an article would store, given its actor ids (enough to resolve the next article's actors before the batch's second read). */
  addActors(actors: ExtractedArticle['actors'], ids: Record<string, string>): void {
    // People the article re-keys (docs/graph-model.md, "Ids"), as the loader does before it writes.
    const renames = actorRenames(ids);
    rekeyActors(this.actors, renames);
    for (const [from, to] of renames) this.former.set(to, [...new Set([...(this.former.get(to) ?? []), from, ...(this.former.get(from) ?? [])])].sort());
    const seen = new Set<string>();
    for (const a of actors) {
      const id = ids[a.key];
      // toLoadRows keeps the first row of an id (uniqueBy).
      if (!id || seen.has(id)) continue;
      seen.add(id);
      const rowAliases = [...new Set(a.aliases)].filter((x) => x !== a.name);
      const prev = this.actors.get(id);
      if (!prev) {
        this.actors.set(id, { id, name: a.name, kind: a.kind, aliases: [...rowAliases].sort() });
        continue;
      }
      Object.assign(prev, mergedForms(prev, { name: a.name, aliases: rowAliases }));
    }
  }

  /** Everything a resolved article would store that resolution compares: actors, statements, events. */
  add(resolved: ResolvedArticle): void {
    this.addActors(resolved.actors, resolved.ids);
    const renames = actorRenames(resolved.ids);
    if (renames.size > 0) {
      for (const s of this.statements.values()) s.speakerId = renamed(renames, s.speakerId);
      this.events = followActorRekeys({ actors: [], statements: [], events: this.events }, resolved.ids).events;
    }
    const rows = toLoadRows(resolved);
    // Statements the article re-keys (docs/graph-model.md, "Ids"), as the loader does before it writes.
    rekeyStatements(this.statements, resolved.ids);
    const articleId = resolved.article.id;
    const speakerOf = new Map<string, string>();
    for (const s of rows.said) {
      const prev = speakerOf.get(s.statementId);
      if (prev === undefined || s.actorId < prev) speakerOf.set(s.statementId, s.actorId);
    }
    for (const row of rows.statements) {
      const prev = this.statements.get(row.id);
      const speakerId = speakerOf.get(row.id) ?? prev?.speakerId ?? '';
      if (!prev) {
        this.statements.set(row.id, { id: row.id, speakerId, text: row.text, saidOnStart: row.start, saidOnEnd: row.end ?? row.start, firstArticleId: articleId });
        continue;
      }
      if (prev.firstArticleId === undefined || articleId < prev.firstArticleId) prev.firstArticleId = articleId;
      if (row.text.length > prev.text.length || (row.text.length === prev.text.length && row.text < prev.text)) prev.text = row.text;
      if (speakerId && (!prev.speakerId || speakerId < prev.speakerId)) prev.speakerId = speakerId;
      if (row.start && takesDate(row.start, row.end ?? row.start, prev.saidOnStart, prev.saidOnEnd)) {
        prev.saidOnStart = row.start;
        prev.saidOnEnd = row.end ?? row.start;
      }
    }
    this.events = addKnownEvents(this.events, resolved, resolved.ids);
  }
}

const days = (s: string, e: string) => (Date.parse(e) - Date.parse(s)) / 86_400_000;

/** The loader's rule for a said-date: the narrowest wins, ties the earliest; an unknown stored end keeps the stored date. */
function takesDate(start: string, end: string, prevStart: string | null, prevEnd: string | null | undefined): boolean {
  if (prevStart === null) return true;
  if (prevEnd === undefined) return false;
  const w = days(start, end);
  const pw = days(prevStart, prevEnd ?? prevStart);
  return w < pw || (w === pw && start < prevStart);
}

/** For callers that resolve a batch without a database (tests, evaluation). */
export function resolveInOrder(
  articles: readonly ExtractedArticle[],
  known: KnownGraph,
  resolve: (x: ExtractedArticle, k: KnownGraph) => ResolvedArticle,
): ResolvedArticle[] {
  const batch = new BatchKnownGraph(known);
  return articles.map((x) => {
    const r = resolve(x, batch.snapshot());
    batch.add(r);
    return r;
  });
}
