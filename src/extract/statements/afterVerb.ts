/**
 * The attribution that follows a reporting verb, read token by token up to where its content starts: in
 * "told reporters in a statement on Tuesday that …" the audience, the setting and the date are
 * attribution, not content. A setting ("in a statement", "in a letter") also marks the draft as written,
 * so "the statement" can refer back to its speaker; a fronted setting ("In a briefing with reporters,
 * X said") is read with the same function.
 */
import { AUDIENCE_NOUNS, SETTING_NOUNS, SKIPPABLE, type SpeechVerb } from '../lexicon.js';
import type { Unit } from '../quotes.js';
import { CALENDAR_WORD, DETERMINERS, QUOTE_MARKS, type PendingDraft, type SieveContext } from './context.js';
import { readVia } from './via.js';

/** A month word: a number beside it is a date's day. */
const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?$/;

/**
 * Reads what follows a verb: audience ("told reporters"), intermediaries ("told Kyodo", "according to X",
 * "as quoted by X"), a date, a setting ("in a statement to …"), adverbs, a colon or "that". Returns where
 * the content starts, or the unit's end when nothing but attribution follows.
 */
export function readAfterVerb(ctx: SieveContext, unit: Unit, q: number, verb: SpeechVerb, draft: PendingDraft, limit: number) {
  let sawThat = false;
  let quoteNext = false;
  const end = ctx.tokenIndexAt(limit);
  const lower = (k: number) => ctx.tok(k)?.lower;
  let audienceDone = !verb.audience;
  while (q < end) {
    const t = ctx.tok(q)!;
    const gap = ctx.text.slice(ctx.tok(q - 1)?.end ?? unit.start, t.start);
    if (QUOTE_MARKS.test(gap)) {
      quoteNext = true;
      break;
    }
    if (!audienceDone) {
      audienceDone = true;
      const next = readAudience(ctx, q, draft, end, true);
      if (next !== undefined) {
        q = next;
        continue;
      }
    }
    const via = readVia(ctx, q, draft, end);
    if (via > q) {
      q = via;
      continue;
    }
    const setting = readSetting(ctx, q, draft, end);
    if (setting > q) {
      q = setting;
      // "said in a statement that was published …": a relative clause, not content.
      if (lower(q) === 'that' || lower(q) === 'which') {
        const after = lower(q + 1) ?? '';
        if (/^(was|is|were|are|had|has|have|will|would|appeared|ran)$/.test(after)) return { contentStart: limit, sawThat, quoteNext, attributionEnd: limit };
      }
      continue;
    }
    // A number is a date's only beside its month ("said Jan. 5", "said 5 January"): "said 260 people were detained"
    // reports the 260.
    const dateNumber = !/^\d/.test(t.lower) || MONTH_WORD.test(lower(q - 1) ?? '') || MONTH_WORD.test(lower(q + 1) ?? '');
    if (SKIPPABLE.has(t.lower) || (CALENDAR_WORD.test(t.lower) && dateNumber)) {
      q++;
      continue;
    }
    if (t.lower === 'that') {
      sawThat = true;
      q++;
      if (QUOTE_MARKS.test(ctx.text.slice(t.end, ctx.tok(q)?.start ?? t.end))) quoteNext = true;
      break;
    }
    break;
  }
  if (q >= end) return { contentStart: limit, sawThat, quoteNext, attributionEnd: limit };
  const t = ctx.tok(q)!;
  let contentStart = t.start;
  const gap = ctx.text.slice(ctx.tok(q - 1)?.end ?? unit.start, t.start);
  const mark = gap.search(QUOTE_MARKS);
  if (mark >= 0) contentStart = (ctx.tok(q - 1)?.end ?? unit.start) + mark;
  return { contentStart, sawThat, quoteNext, attributionEnd: contentStart };
}

/** "in a (written) statement (to X)", "in an interview with X", "during a briefing". */
export function readSetting(ctx: SieveContext, q: number, draft: PendingDraft, end: number): number {
  const lower = (k: number) => ctx.tok(k)?.lower;
  if (!/^(in|during|at|on)$/.test(lower(q) ?? '')) return q;
  let k = q + 1;
  if (DETERMINERS.has(lower(k) ?? '')) k++;
  let s = SETTING_NOUNS.matchAt(lower, k);
  // "in a brief statement", "in a rare televised address": up to two words before the setting noun.
  for (let adj = 1; !s && adj <= 2; adj++) {
    s = SETTING_NOUNS.matchAt(lower, k + adj);
    if (s) k += adj;
  }
  if (!s) return q;
  if (/statement|release|post|tweet|letter|email/.test(lower(k + s.length - 1) ?? '')) draft.written = true;
  k += s.length;
  if (/^(to|with|before)$/.test(lower(k) ?? '') && k + 1 < end) {
    const next = readAudience(ctx, k + 1, draft, end, false);
    if (next !== undefined) return next;
  }
  return k;
}

/**
 * An audience at token `a`: an actor mention ("the committee"; an outlet is an intermediary instead:
 * "told Kyodo") or an audience noun ("reporters"), created as a group; with `ofPhrase`, a noun runs on
 * through "of …" ("members of the committee") to the next punctuation, "that" or date word. Returns the
 * index after it, undefined when there is none.
 */
function readAudience(ctx: SieveContext, a: number, draft: PendingDraft, end: number, ofPhrase: boolean): number | undefined {
  const lower = (k: number) => ctx.tok(k)?.lower;
  const m = ctx.mentionStartingAt(a) ?? (lower(a) === 'the' ? ctx.mentionStartingAt(a + 1) : undefined);
  if (m) {
    if (m.actor.kind === 'MEDIA_OUTLET') draft.via.push({ actor: m.actor, rank: 0, pos: m.start });
    else draft.audience = m.actor;
    return ctx.tokenIndexAt(m.end);
  }
  const aud = AUDIENCE_NOUNS.matchAt(lower, a);
  if (!aud) return undefined;
  let e = a + aud.length;
  if (ofPhrase && lower(e) === 'of') while (e < end && !/[,;:"“”]/.test(ctx.text.slice(ctx.tok(e - 1)!.end, ctx.tok(e)!.start)) && lower(e) !== 'that' && !CALENDAR_WORD.test(lower(e) ?? '')) e++;
  const start = ctx.tok(a)!.start;
  const range = { start, end: ctx.tok(e - 1)!.end };
  draft.audience = ctx.ensure(range, 'GROUP', ctx.text.slice(start, range.end).replace(/^(the|a|an)\s+/i, ''));
  return e;
}
