/**
 * Curated facts: what is known about an event from outside the articles (a meeting's date from wire
 * reports), kept in a data file (seed/curation.json) with a source label per fact. A pure function
 * turns them into Claims (`curated: true`, `curationSource`) on the stored events they select; they sit
 * beside the text's claims and never overwrite an event's own dates. See docs/graph-model.md, "Curation".
 */
import type { EventKind, KnownGraph } from '../domain/types.js';
import { hash16 } from '../domain/ids.js';

type KnownEvent = KnownGraph['events'][number];

/** Which event a fact is about: every given condition must hold, and exactly one event may match. */
export interface CurationSelector {
  kind: EventKind;
  /** MeetingSeries name, exactly as extraction names it ("France–United Kingdom video conference"). */
  seriesName?: string;
  ordinal?: number;
  /** A substring of the event name (case-insensitive): "close encounter", "memorandum of understanding". */
  nameIncludes?: string;
  /** The event's stored date range overlaps [from, to] (ISO dates, inclusive). */
  overlaps?: [string, string];
}

export interface CurationFact {
  select: CurationSelector;
  attribute: string;
  value: string;
  normalized: string;
  /** Where the fact comes from ("wire reports of the time, …"). */
  source: string;
}

export interface CurationFile {
  source: string;
  facts: CurationFact[];
}

export interface CuratedClaim {
  id: string;
  eventId: string;
  attribute: string;
  value: string;
  normalized: string;
  curated: true;
  curationSource: string;
}

const KINDS: EventKind[] = ['MEETING', 'INCIDENT', 'AGREEMENT', 'AGREEMENT_MILESTONE', 'CAMPAIGN', 'OTHER'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a parsed curation file; errors name the fact and the field to fix. */
export function parseCuration(json: unknown): CurationFile {
  const fail = (where: string, what: string): never => {
    throw new Error(`curation file: ${where}: ${what}`);
  };
  if (typeof json !== 'object' || json === null) fail('top level', 'expected an object with "source" and "facts"');
  const file = json as Record<string, unknown>;
  if (typeof file.source !== 'string' || !file.source) fail('top level', '"source" must describe where the facts come from');
  if (!Array.isArray(file.facts)) fail('top level', '"facts" must be an array');
  const facts = (file.facts as unknown[]).map((raw, i): CurationFact => {
    const where = `facts[${i}]`;
    const f = (raw ?? {}) as Record<string, unknown>;
    const sel = (f.select ?? {}) as Record<string, unknown>;
    if (!KINDS.includes(sel.kind as EventKind)) fail(where, `select.kind must be one of ${KINDS.join(', ')}`);
    for (const k of ['attribute', 'value', 'normalized', 'source'] as const) {
      if (typeof f[k] !== 'string' || !f[k]) fail(where, `"${k}" must be a non-empty string`);
    }
    if (sel.overlaps !== undefined) {
      const o = sel.overlaps as unknown[];
      if (!Array.isArray(o) || o.length !== 2 || !o.every((d) => typeof d === 'string' && ISO.test(d))) {
        fail(where, 'select.overlaps must be [from, to] as YYYY-MM-DD');
      }
    }
    if (sel.ordinal !== undefined && !Number.isInteger(sel.ordinal)) fail(where, 'select.ordinal must be an integer');
    return {
      select: {
        kind: sel.kind as EventKind,
        ...(typeof sel.seriesName === 'string' ? { seriesName: sel.seriesName } : {}),
        ...(typeof sel.ordinal === 'number' ? { ordinal: sel.ordinal } : {}),
        ...(typeof sel.nameIncludes === 'string' ? { nameIncludes: sel.nameIncludes } : {}),
        ...(sel.overlaps ? { overlaps: sel.overlaps as [string, string] } : {}),
      },
      attribute: f.attribute as string,
      value: f.value as string,
      normalized: f.normalized as string,
      source: f.source as string,
    };
  });
  return { source: file.source as string, facts };
}

function matches(s: CurationSelector, e: KnownEvent): boolean {
  if (e.kind !== s.kind) return false;
  if (s.seriesName !== undefined && e.seriesName !== s.seriesName) return false;
  if (s.ordinal !== undefined && e.ordinal !== s.ordinal) return false;
  if (s.nameIncludes !== undefined && !e.name.toLowerCase().includes(s.nameIncludes.toLowerCase())) return false;
  if (s.overlaps) {
    if (!e.start) return false;
    const [from, to] = s.overlaps;
    if ((e.end ?? e.start) < from || e.start > to) return false;
  }
  return true;
}

export function curatedClaimId(eventId: string, fact: CurationFact): string {
  return `claim:${hash16(eventId, fact.attribute, fact.normalized, 'curation', fact.source)}`;
}

/**
 * Curated claims for the stored events each fact selects. A fact that selects no event or several is
 * returned in `unmatched` with the reason, so the caller can report it (never guessed).
 */
export function curatedClaims(
  curation: CurationFile,
  events: readonly KnownEvent[],
): { claims: CuratedClaim[]; unmatched: Array<{ fact: CurationFact; reason: string }> } {
  const claims: CuratedClaim[] = [];
  const unmatched: Array<{ fact: CurationFact; reason: string }> = [];
  for (const fact of curation.facts) {
    const hits = events.filter((e) => matches(fact.select, e));
    if (hits.length !== 1) {
      unmatched.push({ fact, reason: hits.length === 0 ? 'no stored event matches' : `${hits.length} events match: ${hits.map((h) => h.id).join(', ')}` });
      continue;
    }
    const eventId = hits[0]!.id;
    claims.push({
      id: curatedClaimId(eventId, fact),
      eventId,
      attribute: fact.attribute,
      value: fact.value,
      normalized: fact.normalized,
      curated: true,
      curationSource: fact.source,
    });
  }
  return { claims, unmatched };
}
