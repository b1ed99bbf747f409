/**
 * The event measure of docs/eval-events.md. A system event matches a gold event of its article when one of
 * its mentions overlaps one of the gold event's and, when both are dated, their dates overlap. Dated recall
 * and precision count dated events only; duplicates count, per gold `ref`, the distinct resolved node ids
 * that match it across the corpus beyond the first; merges count, per node, the gold refs it matches beyond the
 * first (a node whose mentions overlap two real events' mentions — the annotators sometimes give one phrase to
 * two events, "primaries in California, New Jersey …", so a merge is a sign to read, not always an error).
 */
import type { GoldArticle, GoldEvent } from './gold.js';

export interface SystemEvent {
  /** The resolved node id (what the graph stores): one node per real event is the goal. */
  id: string;
  kind: string;
  name: string;
  date: { start: string; end: string; precision: string } | null;
  mentions: Array<{ start: number; end: number }>;
}

export interface EventScore {
  dated: { gold: number; goldMatched: number; system: number; systemMatched: number; precision: number; recall: number; f1: number };
  /** All gold events (dated or not) found by any system event. */
  anyRecall: number;
  duplicates: number;
  /** System nodes matching more than one gold event (distinct `ref`s): wrong merges, beyond the first ref each. */
  merges: number;
  mergedIds: Array<{ id: string; refs: string[] }>;
  /** Matched pairs whose kinds agree (VOTE ↔ OTHER), over matched pairs. */
  kindAgreement: number;
  misses: string[];
  falsePositives: string[];
  duplicateRefs: Array<{ ref: string; ids: string[] }>;
}

/** A system date counts as dated unless it only knows a year. */
const isDated = (d: SystemEvent['date']): boolean => !!d && d.precision !== 'YEAR';

const overlapsSpan = (a: { start: number; end: number }, [s, e]: [number, number]) => a.start < e && s < a.end;
const overlapsDate = (a: { start: string; end: string }, b: { start: string; end: string }) => a.start <= b.end && b.start <= a.end;

export function matches(sys: SystemEvent, gold: GoldEvent): boolean {
  if (!sys.mentions.some((m) => gold.mentions.some((g) => overlapsSpan(m, g)))) return false;
  return !(sys.date && gold.date) || overlapsDate(sys.date, gold.date);
}

const KIND_OF_GOLD: Record<string, string> = { VOTE: 'OTHER' };

export function scoreEvents(articles: Array<{ gold: GoldArticle; system: SystemEvent[] }>): EventScore {
  let gold = 0;
  let goldMatched = 0;
  let system = 0;
  let systemMatched = 0;
  let all = 0;
  let allMatched = 0;
  let pairs = 0;
  let kindPairs = 0;
  const misses: string[] = [];
  const falsePositives: string[] = [];
  const idsByRef = new Map<string, Set<string>>();
  const refsById = new Map<string, Set<string>>();
  for (const { gold: a, system: events } of articles) {
    for (const g of a.events) {
      const found = events.filter((s) => matches(s, g));
      all++;
      if (found.length > 0) allMatched++;
      for (const s of found) {
        const ids = idsByRef.get(g.ref) ?? new Set<string>();
        ids.add(s.id);
        idsByRef.set(g.ref, ids);
        const refs = refsById.get(s.id) ?? new Set<string>();
        refs.add(g.ref);
        refsById.set(s.id, refs);
        pairs++;
        if ((KIND_OF_GOLD[g.kind] ?? g.kind) === s.kind.replace('AGREEMENT_MILESTONE', 'AGREEMENT')) kindPairs++;
      }
      if (!g.date) continue;
      gold++;
      if (found.some((s) => isDated(s.date))) goldMatched++;
      else misses.push(`${a.id}: ${g.kind} "${g.label}" ${g.date.start}${g.date.end !== g.date.start ? `..${g.date.end}` : ''} — ${found.length ? 'found undated' : 'not found'}`);
    }
    for (const s of events) {
      if (!isDated(s.date)) continue;
      system++;
      if (a.events.some((g) => matches(s, g))) systemMatched++;
      else falsePositives.push(`${a.id}: ${s.kind} "${s.name}" ${s.date!.start} [${s.mentions.map((m) => `${m.start}-${m.end}`).join(', ')}]`);
    }
  }
  const precision = system === 0 ? 1 : systemMatched / system;
  const recall = gold === 0 ? 1 : goldMatched / gold;
  const mergedIds = [...refsById].filter(([, refs]) => refs.size > 1).map(([id, refs]) => ({ id, refs: [...refs].sort() }));
  const duplicateRefs = [...idsByRef].filter(([, ids]) => ids.size > 1).map(([ref, ids]) => ({ ref, ids: [...ids].sort() }));
  return {
    dated: { gold, goldMatched, system, systemMatched, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) },
    anyRecall: all === 0 ? 1 : allMatched / all,
    duplicates: duplicateRefs.reduce((n, d) => n + d.ids.length - 1, 0),
    merges: mergedIds.reduce((n, m) => n + m.refs.length - 1, 0),
    mergedIds,
    kindAgreement: pairs === 0 ? 1 : kindPairs / pairs,
    misses,
    falsePositives,
    duplicateRefs,
  };
}
