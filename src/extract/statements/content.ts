/**
 * Where a statement's content starts and ends. Forward content (after the verb) runs to the next
 * attribution in the unit or to a trailing ", according to X" / ", reports X" / ", saying …"; reversed
 * content (before the speaker: "…, the official said") starts after the previous statement in the unit or
 * a leading "Meanwhile,", and ends at its last quote when only the speaker's titles follow it. Shared by
 * the reporting-verb pass and the according-to pass.
 */
import { PARTICIPLES, SPEECH_VERBS } from '../lexicon.js';
import type { Unit } from '../quotes.js';
import { BOUNDARY_CONJUNCTIONS, DETERMINERS, QUOTE_MARKS, type PendingDraft, type SieveContext } from './context.js';
import { viaCueAt, viaTarget } from './via.js';

/** Where the content before a later subject ends: at the comma before it ("…, while the activists said"). */
export function clauseCut(ctx: SieveContext, offset: number, unit: Unit): number {
  let i = ctx.tokenIndexAt(offset) - 1;
  while (i >= 0 && (DETERMINERS.has(ctx.tok(i)!.lower) || BOUNDARY_CONJUNCTIONS.has(ctx.tok(i)!.lower))) i--;
  const prevEnd = i >= 0 ? ctx.tok(i)!.end : unit.start;
  const comma = ctx.text.slice(prevEnd, offset).indexOf(',');
  if (comma >= 0) return Math.max(unit.start, prevEnd + comma);
  return Math.max(unit.start, i >= 0 ? ctx.tok(i + 1)!.start : unit.start);
}

/** End of forward content: the limit, or a trailing ", according to X" / ", reports X" / ", saying …". */
export function contentEnd(ctx: SieveContext, unit: Unit, start: number, limit: number, draft: PendingDraft): number {
  const from = ctx.tokenIndexAt(start);
  const to = ctx.tokenIndexAt(limit);
  for (let k = from; k < to; k++) {
    const t = ctx.tok(k)!;
    if (ctx.inQuote(t.start, unit)) continue;
    const prev = ctx.tok(k - 1);
    const gap = prev ? ctx.text.slice(prev.end, t.start) : '';
    if (!/,\s*["”]?\s*$/.test(gap)) continue;
    if (PARTICIPLES.has(t.lower) && SPEECH_VERBS.has(t.lower)) return endBefore(ctx, prev!.end, t.start);
    const cue = viaCueAt(ctx, k);
    if (cue) {
      const target = viaTarget(ctx, k + cue.length, to);
      if (target) draft.via.push({ actor: target.actor, rank: cue.value, pos: target.start });
      if (target || t.lower === 'according') return endBefore(ctx, prev!.end, t.start);
    }
  }
  let e = limit;
  while (e > start && /[\s.,;:]/.test(ctx.text[e - 1] ?? '')) e--;
  return e;
}

/** Content end before a trailing cue: keeps a closing quote mark that sits in the gap (`…object," according`). */
function endBefore(ctx: SieveContext, prevEnd: number, next: number): number {
  const gap = ctx.text.slice(prevEnd, next);
  const mark = gap.search(/["”]/);
  return mark >= 0 ? prevEnd + mark + 1 : prevEnd;
}

/** Where reversed content starts: after the previous statement in the unit, or a leading "Meanwhile,". */
export function reverseContentStart(ctx: SieveContext, unit: Unit, before: number): number {
  let start = unit.start;
  for (const d of ctx.drafts) {
    if (d.unit !== unit) continue;
    for (const r of [...d.fragments, ...d.attribution]) if (r.end <= before) start = Math.max(start, r.end);
  }
  const slice = ctx.text.slice(start, before);
  const lead = /^[\s,.;]*(?:[A-Z][a-z]+ly|Meanwhile|However|Still|Yet|Also|Separately|Earlier|Later|Instead|Moreover|Besides|Indeed),\s*/.exec(slice);
  if (lead && !QUOTE_MARKS.test(lead[0])) start += lead[0].length;
  while (start < before && /[\s,.;]/.test(ctx.text[start] ?? '')) start++;
  return start;
}

/** End of reversed content: right after its last quote when only the speaker's titles follow it. */
export function reverseContentEnd(ctx: SieveContext, unit: Unit, start: number, speakerStart: number): number {
  const q = [...unit.quotes].reverse().find((x) => x.close <= speakerStart && x.open >= start);
  if (q && !/[,;:!?()"“”]/.test(ctx.text.slice(q.close, speakerStart))) return q.close;
  let i = ctx.tokenIndexAt(speakerStart) - 1;
  let end = speakerStart;
  while (i >= 0 && ctx.tok(i)!.start >= start && DETERMINERS.has(ctx.tok(i)!.lower)) end = ctx.tok(i--)!.start;
  while (end > start && /[\s,]/.test(ctx.text[end - 1] ?? '')) end--;
  return end;
}
