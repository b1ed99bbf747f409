/**
 * Intermediaries: "according to X", "as quoted by X", "per X", "…, reports X". Every pass reads them —
 * after a reporting verb, after a verbless quote's speaker, and as the cue of pass 3 — so a statement
 * carries the outlets and sources it came through (`via`), ranked by the cue that named them.
 */
import { REPORT_NOUNS, UNNAMED_HEADS, UNNAMED_OUTLETS, VIA_CUES, isTitleWord } from '../lexicon.js';
import type { ExtractedActor } from '../../domain/types.js';
import { DETERMINERS, type PendingDraft, type SieveContext } from './context.js';

/** A via cue at token k; a bare "reports X" counts only after a comma ("…, reports Kyodo"). */
export function viaCueAt(ctx: SieveContext, k: number): { length: number; value: number } | undefined {
  const cue = VIA_CUES.matchAt((x) => ctx.tok(x)?.lower, k);
  if (!cue) return undefined;
  const t = ctx.tok(k)!;
  if (cue.length === 1 && /^report/.test(t.lower)) {
    const prev = ctx.tok(k - 1);
    if (prev && !/,\s*["”]?\s*$/.test(ctx.text.slice(prev.end, t.start))) return undefined;
  }
  return cue;
}

/** The actor a via cue names, skipping "a report from", "the"; or an outlet without a name ("state media"). */
export function viaTarget(ctx: SieveContext, k: number, end: number): { actor: ExtractedActor; start: number; end: number } | undefined {
  return namedTarget(ctx, k, end) ?? unnamedOutlet(ctx, k, end);
}

/**
 * "state media", "Russian state television", "local media reports": one or two modifiers (a nationality
 * counts), a head, an optional "reports", then the phrase ends. Made an unnamed source of this article.
 */
function unnamedOutlet(ctx: SieveContext, k: number, end: number): { actor: ExtractedActor; start: number; end: number } | undefined {
  const lower = (x: number) => (x < end ? ctx.tok(x)?.lower : undefined);
  let x = k;
  if (DETERMINERS.has(lower(x) ?? '')) x++;
  const first = x;
  while (x - first < 2 && (UNNAMED_OUTLETS.modifiers.has(lower(x) ?? '') || (ctx.tok(x)?.cap && !UNNAMED_OUTLETS.heads.matchAt(lower, x)))) x++;
  if (x === first) return undefined;
  const head = UNNAMED_OUTLETS.heads.matchAt(lower, x);
  if (!head) return undefined;
  const nameEnd = ctx.tok(x + head.length - 1)!.end;
  x += head.length;
  if (UNNAMED_OUTLETS.trailing.has(lower(x) ?? '')) x++;
  const next = ctx.tok(x);
  if (x < end && next && !/[,;:.)]/.test(ctx.text.slice(ctx.tok(x - 1)!.end, next.start))) return undefined; // the phrase runs on
  const start = ctx.tok(first)!.start;
  const actor = ctx.ensure({ start, end: nameEnd }, 'ANONYMOUS_SOURCE', ctx.text.slice(start, nameEnd));
  return { actor, start, end: ctx.tok(x - 1)!.end };
}

function namedTarget(ctx: SieveContext, k: number, end: number): { actor: ExtractedActor; start: number; end: number } | undefined {
  let sawReport = false;
  let adjectives = 0;
  for (let x = k; x < Math.min(end, k + 7); x++) {
    const m = ctx.mentionStartingAt(x);
    if (m) return adjectives === 0 || sawReport ? (ownedInstitution(ctx, m, end) ?? m) : undefined;
    const t = ctx.tok(x)!;
    if (x > k && /[,;:.]/.test(ctx.text.slice(ctx.tok(x - 1)!.end, t.start))) return undefined;
    if (REPORT_NOUNS.has(t.lower)) sawReport = true;
    else if (isTitleWord(t.lower)) continue; // "according to Mayor X"
    else if (t.cap && !DETERMINERS.has(t.lower)) return undefined;
    else if (!(DETERMINERS.has(t.lower) || /^(from|by|in|on|of|some|news)$/.test(t.lower))) adjectives++;
    if (adjectives > 2) return undefined;
  }
  return undefined;
}

/**
 * "according to Turkey's disaster management agency, AFAD, …": the institution a country's (or any actor's)
 * possessive introduces speaks, not the owner — by the name an appositive gives it ("AFAD"), else as the description.
 */
function ownedInstitution(ctx: SieveContext, owner: { start: number; end: number }, end: number): { actor: ExtractedActor; start: number; end: number } | undefined {
  const rest = ctx.text.slice(owner.end, ctx.tok(end - 1)?.end ?? ctx.text.length);
  // The possessive, then up to five lower-case words whose last is an institution's head ("disaster management agency").
  const phrase = /^['’]s((?:\s+[\p{Ll}-]+){1,5})/u.exec(rest);
  if (!phrase) return undefined;
  const words = [...phrase[1]!.matchAll(/\s+([\p{Ll}-]+)/gu)];
  const head = words.map((w) => w[1]!).findIndex((w, k, all) => UNNAMED_HEADS.has(w) && !UNNAMED_HEADS.has(all[k + 1] ?? ''));
  if (head < 0) return undefined;
  const descriptionEnd = owner.end + 2 + words[head]!.index! + words[head]![0].length;
  // An appositive name right after it (", AFAD,") names the institution.
  const named = /^,\s+(\p{Lu}[\p{Lu}\p{N}&.-]+),/u.exec(ctx.text.slice(descriptionEnd));
  if (named) {
    const at = descriptionEnd + named[0].length - 1 - named[1]!.length;
    return { actor: ctx.ensure({ start: at, end: at + named[1]!.length }, 'ORGANIZATION', named[1]!), start: owner.start, end: descriptionEnd + named[0].length };
  }
  const actor = ctx.ensure({ start: owner.start, end: descriptionEnd }, 'ANONYMOUS_SOURCE', ctx.text.slice(owner.start, descriptionEnd));
  return { actor, start: owner.start, end: descriptionEnd };
}

/** "as quoted by X", "according to X", "reports X", "per X" at token q → index after it (q when none). */
export function readVia(ctx: SieveContext, q: number, draft: PendingDraft, end: number): number {
  const cue = viaCueAt(ctx, q) ?? passiveQuoteBy(ctx, q);
  if (!cue) return q;
  const found = viaTarget(ctx, q + cue.length, end);
  if (!found) return q;
  draft.via.push({ actor: found.actor, rank: cue.value, pos: found.start });
  return ctx.tokenIndexAt(found.end);
}

/** "was quoted as saying by X", "was cited as telling reporters by X": "by" at q names who quoted it. */
function passiveQuoteBy(ctx: SieveContext, q: number): { length: number; value: number } | undefined {
  if (ctx.tok(q)?.lower !== 'by') return undefined;
  for (let k = q - 1; k >= Math.max(1, q - 4); k--) {
    if (ctx.tok(k)?.lower === 'as' && /^(quoted|cited)$/.test(ctx.tok(k - 1)?.lower ?? '')) return { length: 1, value: 1 };
  }
  return undefined;
}
