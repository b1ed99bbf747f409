/**
 * Intermediaries: "according to X", "as quoted by X", "per X", "…, reports X". Every pass reads them —
 * after a reporting verb, after a verbless quote's speaker, and as the cue of pass 3 — so a statement
 * carries the outlets and sources it came through (`via`), ranked by the cue that named them.
 */
import { REPORT_NOUNS, VIA_CUES, isTitleWord } from '../lexicon.js';
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

/** The actor a via cue names, skipping "a report from", "the". */
export function viaTarget(ctx: SieveContext, k: number, end: number): { actor: ExtractedActor; start: number; end: number } | undefined {
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
  const cue = viaCueAt(ctx, q);
  if (!cue) return q;
  const found = viaTarget(ctx, q + cue.length, end);
  if (!found) return q;
  draft.via.push({ actor: found.actor, rank: cue.value, pos: found.start });
  return ctx.tokenIndexAt(found.end);
}
