/**
 * Statement resolution: the same utterance reported by several articles is one Statement. Two wordings
 * by the same speaker are the same utterance when, after normalisation (case, punctuation, quote marks,
 * "[on air safety]" insertions dropped, "…" elisions split into segments), one is contained in the other,
 * a quoted passage of one appears in the other, or they share almost all their words — and their
 * said-dates, where both are known, agree. Ids: `stmt:` + hash16(the speaker's own content id, normalised text); a
 * later report reuses the stored id.
 */
import type { ExtractedArticle, ExtractedStatement, KnownGraph } from '../domain/types.js';
import { hash16 } from '../domain/ids.js';
import { ownActorIds } from './actors.js';

type KnownStatement = KnownGraph['statements'][number];

/** Shorter passages than this only match inside a quotation of the other wording ("miles"). */
const MIN_CONTAINED_WORDS = 3;
/** A quoted passage of at least this many words, found in the other wording, makes a match. */
const MIN_QUOTED_WORDS = 5;
/** Share of the shorter wording's words the longer must have for a near-identical match. */
const OVERLAP = 0.85;
const MIN_OVERLAP_WORDS = 6;

export interface Wording {
  /** All words, normalised, space-joined. */
  words: string;
  /** Segments split at elisions ("…", "..."), each space-joined. */
  segments: string[];
  /** Passages that were inside quote marks. */
  quoted: string[];
  count: number;
}

function words(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function wording(text: string): Wording {
  const noInsertions = text.replace(/\[[^\]]*\]/g, ' ');
  const segments = noInsertions.split(/…|\.\.\.+/).map(words).filter((s) => s.length > 0);
  const quoted: string[] = [];
  for (const m of noInsertions.matchAll(/["“„]([^"“”„]+)["”]/g)) {
    const w = words(m[1] ?? '');
    if (w.length > 0) quoted.push(w);
  }
  const all = segments.join(' ');
  return { words: all, segments, quoted, count: all.length === 0 ? 0 : all.split(' ').length };
}

export function statementId(speakerId: string, text: string): string {
  return `stmt:${hash16(speakerId, wording(text).words)}`;
}

const contains = (hay: string, needle: string) => ` ${hay} `.includes(` ${needle} `);
const countOf = (s: string) => (s.length === 0 ? 0 : s.split(' ').length);

/** Every segment of `a`, in order, inside `b`. */
function segmentsInside(a: Wording, b: Wording): boolean {
  let from = 0;
  const hay = ` ${b.words} `;
  for (const seg of a.segments) {
    const at = hay.indexOf(` ${seg} `, from);
    if (at < 0) return false;
    from = at + seg.length + 1;
  }
  return true;
}

function overlap(a: Wording, b: Wording): number {
  const bag = new Map<string, number>();
  for (const w of b.words.split(' ')) bag.set(w, (bag.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of a.words.split(' ')) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      shared++;
      bag.set(w, n - 1);
    }
  }
  return shared / Math.min(a.count, b.count);
}

/** How strongly two wordings are one utterance (0: not at all); higher is better. */
export function sameUtterance(a: Wording, b: Wording): number {
  if (a.count === 0 || b.count === 0) return 0;
  if (a.words === b.words) return 4;
  const [short, long] = a.count <= b.count ? [a, b] : [b, a];
  if (segmentsInside(short, long)) {
    if (short.count >= MIN_CONTAINED_WORDS) return 3;
    // A word or two ("miles") only counts when the other wording quoted it.
    if (long.quoted.some((q) => segmentsInside(short, { ...long, words: q }))) return 2;
  }
  const quotedIn = (x: Wording, y: Wording) => x.quoted.some((q) => countOf(q) >= MIN_QUOTED_WORDS && contains(y.words, q));
  if (quotedIn(a, b) || quotedIn(b, a)) return 2;
  if (short.count >= MIN_OVERLAP_WORDS && overlap(short, long) >= OVERLAP) return 1;
  return 0;
}

function datesAgree(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * Ids for the article's statements. `speakerIds` maps actor keys to global ids. A stored statement is
 * reused by at most one statement of the article (one article reports an utterance once). The statement's id is
 * the content id of its report in the smallest article id: a stored statement whose reports are all in larger
 * article ids is listed as `mergeStatement:<storedId>` → this report's id (the loader re-keys it).
 */
export function resolveStatements(
  extracted: ExtractedArticle,
  known: KnownGraph,
  speakerIds: Record<string, string>,
): Record<string, string> {
  const ids: Record<string, string> = {};
  const bySpeaker = new Map<string, KnownStatement[]>();
  const knownIds = new Set<string>();
  for (const k of known.statements) {
    knownIds.add(k.id);
    const list = bySpeaker.get(k.speakerId) ?? [];
    list.push(k);
    bySpeaker.set(k.speakerId, list);
  }
  const claimed = new Set<string>();
  const pending: Array<{ s: ExtractedStatement; speakerId: string; own: string; w: Wording }> = [];
  // The content id hashes the speaker's own content id, not the stored actor the speaker joined: which stored actor
  // that is (and its id) can depend on which articles came first, the content id of a report must not.
  const ownSpeakers = ownActorIds(extracted);
  for (const s of extracted.statements) {
    const speakerId = speakerIds[s.speakerKey] ?? s.speakerKey;
    const own = statementId(ownSpeakers[s.speakerKey] ?? speakerId, s.text);
    // The statement's own content id, when stored (a re-run), always wins: resolution stays idempotent.
    if (knownIds.has(own) && !claimed.has(own)) {
      ids[s.key] = own;
      claimed.add(own);
    } else pending.push({ s, speakerId, own, w: wording(s.text) });
  }
  for (const { s, speakerId, own, w } of pending) {
    let best: { id: string; score: number } | undefined;
    for (const k of bySpeaker.get(speakerId) ?? []) {
      if (claimed.has(k.id) || !datesAgree(s.saidOn?.start ?? null, k.saidOnStart)) continue;
      const score = sameUtterance(w, wording(k.text));
      if (score > 0 && (!best || score > best.score || (score === best.score && k.id < best.id))) best = { id: k.id, score };
    }
    // Canonical: the content id of the report in the smallest article id, so the id an utterance ends up with
    // does not depend on which report arrived first; a stored statement first reported in a larger id is re-keyed.
    const stored = best ? bySpeaker.get(speakerId)!.find((k) => k.id === best!.id)! : undefined;
    const id = stored && !(stored.firstArticleId !== undefined && extracted.article.id < stored.firstArticleId) ? stored.id : own;
    ids[s.key] = id;
    if (best && best.id !== id) ids[`mergeStatement:${best.id}`] = id;
    claimed.add(best?.id ?? id);
  }
  return ids;
}
