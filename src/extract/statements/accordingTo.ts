/**
 * Pass 3, "according to X" / "per X" / "reports X": when the cue sits next to a statement the unit
 * already has, X is an intermediary of that statement; otherwise X is the speaker of the clause — the
 * words after a leading cue ("According to X, …") or before a trailing one ("…, according to X").
 * "according to the statement" names the author of the last written statement.
 */
import type { Unit } from '../quotes.js';
import type { ExtractedActor } from '../../domain/types.js';
import { contentEnd, reverseContentStart } from './content.js';
import type { Draft, SieveContext } from './context.js';
import { viaCueAt, viaTarget } from './via.js';

export function accordingTo(ctx: SieveContext, unit: Unit): void {
  const t0 = ctx.tokenIndexAt(unit.start);
  const t1 = ctx.tokenIndexAt(unit.end);
  for (let k = t0; k < t1; k++) {
    const t = ctx.tok(k)!;
    if (ctx.inQuote(t.start, unit)) continue;
    const cue = viaCueAt(ctx, k);
    if (!cue) continue;
    if (ctx.drafts.some((d) => d.via.some((v) => v.pos > t.start && v.pos < t.start + 60))) continue; // already read
    const target = viaTarget(ctx, k + cue.length, t1) ?? statementTarget(ctx, k + cue.length);
    if (!target) continue;
    const owner = ctx.drafts.find((d) => d.unit === unit && adjacent(ctx, d, t.start));
    if (owner && !('backoff' in target)) {
      owner.via.push({ actor: target.actor, rank: cue.value, pos: target.start });
      k = ctx.tokenIndexAt(target.end) - 1;
      continue;
    }
    if (ctx.claimed(t.start)) continue;
    const draft: Draft = { unit, speaker: target.actor, verb: 'say', fragments: [], attribution: [{ start: t.start, end: target.end }], via: [], written: false };
    const leading = !/[\p{L}\p{N}]/u.test(ctx.text.slice(reverseContentStart(ctx, unit, t.start), t.start));
    if (leading) {
      let s = target.end;
      while (s < unit.end && /[\s,]/.test(ctx.text[s] ?? '')) s++;
      const e = contentEnd(ctx, unit, s, unit.end, draft);
      if (e > s) draft.fragments.push({ start: s, end: e });
    } else {
      const s = reverseContentStart(ctx, unit, t.start);
      let e = t.start;
      while (e > s && /[\s,]/.test(ctx.text[e - 1] ?? '')) e--;
      if (e > s) draft.fragments.push({ start: s, end: e });
    }
    if (draft.fragments.length > 0) ctx.drafts.push(draft);
    k = ctx.tokenIndexAt(target.end) - 1;
  }
}

/** "according to the statement": the author of the last written statement. */
function statementTarget(ctx: SieveContext, k: number): { actor: ExtractedActor; start: number; end: number; backoff: true } | undefined {
  const a = ctx.tok(k);
  const b = ctx.tok(k + 1);
  if (!a || !b || !/^(the|that|this)$/.test(a.lower) || b.base !== 'statement') return undefined;
  const d = ctx.lastWrittenDraft();
  return d ? { actor: d.speaker, start: a.start, end: b.end, backoff: true } : undefined;
}

/** A cue at `offset` belongs to a statement's attribution: right before its content or right after it. */
function adjacent(ctx: SieveContext, d: Draft, offset: number): boolean {
  const first = d.fragments[0];
  const last = d.fragments[d.fragments.length - 1];
  if (!first || !last) return false;
  if (offset >= last.end && !/[.!?]\s/.test(ctx.text.slice(last.end, offset))) return true;
  return d.attribution.some((r) => r.start <= offset && offset <= r.end);
}
