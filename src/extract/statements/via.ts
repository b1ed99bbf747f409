/**
 * Intermediaries: "according to X", "as quoted by X", "per X", "…, reports X". Every pass reads them —
 * after a reporting verb, after a verbless quote's speaker, and as the cue of pass 3 — so a statement
 * carries the outlets and sources it came through (`via`), ranked by the cue that named them.
 */
import { REPORT_NOUNS, UNNAMED_OUTLETS, VIA_CUES, isTitleWord } from '../lexicon.js';
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
    if (m) return adjectives === 0 || sawReport ? m : undefined;
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
