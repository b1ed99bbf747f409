/**
 * Pass 1, reporting verbs: a speech verb outside quotes with a speaker before it ("X said …", "X told Y
 * that …", "…, X said") or after it (`…," said X`). The content is what follows the verb — up to where the
 * next attribution in the unit begins — or, when nothing follows, the words before the speaker. A
 * participle (", saying …") or a coordinated verb ("… and warned that …") continues the statement built
 * just before it, so its subject is looked up only once the earlier cues have been built.
 */
import { ADJUNCT_SUBORDINATORS, SPEECH_VERBS, type SpeechVerb } from '../lexicon.js';
import type { Unit } from '../quotes.js';
import { readAfterVerb, readSetting } from './afterVerb.js';
import { clauseCut, contentEnd, reverseContentEnd, reverseContentStart } from './content.js';
import type { Draft, PendingDraft, SieveContext } from './context.js';
import { isCoordinated, isParticiple, resolveSubject, subjectOf, type Subject } from './subjects.js';

/** A subordinator right before a subject: its clause is an adjunct ("after X concluded …"), not an attribution. */
const SUBORDINATE_BEFORE = new RegExp(`\\b(?:${ADJUNCT_SUBORDINATORS.join('|')})\\s+$`, 'i');

/** A comma, then a preposition or subordinator opening an adjunct: what follows the verb is not what was said. */
const ADJUNCT_AFTER_VERB = /^\s*,\s*(?:before|after|while|when|as|since|because|despite|amid|during|until)\b/i;

export function verbCues(ctx: SieveContext, unit: Unit): void {
  const t0 = ctx.tokenIndexAt(unit.start);
  const t1 = ctx.tokenIndexAt(unit.end);
  type Cue = { p: number; verb: SpeechVerb; subject?: Subject; participle: boolean };
  const cues: Cue[] = [];
  for (let p = t0; p < t1; p++) {
    const t = ctx.tok(p)!;
    const verb = SPEECH_VERBS.get(t.lower);
    if (!verb || ctx.inQuote(t.start, unit)) continue;
    const next = ctx.tok(p + 1);
    if (next && verb.excludeParticles.has(next.lower)) continue;
    if (isViaCue(ctx, p)) continue;
    // A participle's or a coordinated verb's speaker is the statement built just before it: found later.
    const deferred = isParticiple(ctx, p) || isCoordinated(ctx, p);
    cues.push({ p, verb, subject: deferred ? undefined : subjectOf(ctx, unit, p), participle: deferred });
  }
  for (let c = 0; c < cues.length; c++) {
    const cue = cues[c]!;
    if (cue.participle) cue.subject = subjectOf(ctx, unit, cue.p);
    if (!cue.subject) continue;
    // Content stops where the next attribution begins: its own subject ("…, while Y said …") or the
    // conjunction of a coordinated verb ("…, but warned that …").
    const verbEnd = ctx.tok(cue.p)?.end ?? 0;
    const next = cues.slice(c + 1).find((x) => (x.subject && x.subject.range.start > verbEnd && !x.subject.continues) || isCoordinated(ctx, x.p));
    const nextStart = next ? (isCoordinated(ctx, next.p) ? ctx.tok(ctx.skipBack(next.p - 1))!.start : next.subject!.range.start) : undefined;
    const limit = nextStart !== undefined ? clauseCut(ctx, nextStart, unit) : unit.end;
    const inside = ctx.drafts.find((d) => d.unit === unit && d.fragments.some((f) => f.start <= ctx.tok(cue.p)!.start && ctx.tok(cue.p)!.start < f.end));
    if (inside && !cue.subject.continues) continue; // a verb inside reported content ("evidence … reports that …")
    buildFromVerb(ctx, unit, cue.p, cue.verb, cue.subject, limit);
  }
}

function isViaCue(ctx: SieveContext, p: number): boolean {
  const t = ctx.tok(p)!;
  if (t.lower !== 'reports' && t.lower !== 'reported') return false;
  // "…, reports Kyodo": an inverted report naming an intermediary.
  const m = ctx.mentionStartingAt(p + 1);
  return m !== undefined && /,\s*$/.test(ctx.text.slice(Math.max(0, t.start - 3), t.start));
}

function buildFromVerb(ctx: SieveContext, unit: Unit, p: number, verb: SpeechVerb, subject: Subject, limit: number): void {
  const verbTok = ctx.tok(p)!;
  const draft: PendingDraft = {
    unit,
    verb: verb.lemma,
    fragments: [],
    attribution: [],
    via: [],
    written: false,
    parent: subject.parent,
  };
  const clauseStart = subject.inverted || subject.continues ? verbTok.start : ctx.clauseStart(unit, p);
  let q = p + 1;
  if (subject.inverted) q = ctx.tokenIndexAt(subject.range.end);

  if (!subject.inverted && !subject.continues) {
    // A fronted setting: "In a briefing with reporters Tuesday, X said …".
    const to = ctx.tokenIndexAt(subject.range.start);
    for (let k = ctx.tokenIndexAt(clauseStart); k < to; k++) {
      const next = readSetting(ctx, k, draft, to);
      if (next > k) k = next - 1;
    }
  }

  if (verb.quoteOnly) {
    // "X described it as 'Q'", "X called it 'Q'": only the quotation is the statement.
    const quote = unit.quotes.find((x) => x.open > verbTok.end && x.open < limit && ctx.text.slice(verbTok.end, x.open).split(/\s+/).length <= 30);
    if (!quote) return;
    draft.fragments.push({ start: quote.open, end: quote.close });
    draft.attribution.push({ start: clauseStart, end: quote.open });
    commit(ctx, draft, subject);
    return;
  }

  // `"…," X said …` / `"…," said X …`: the quote is the content, whatever follows the verb is attribution.
  const quoteFirst = subject.inverted === true || (!subject.continues && !subject.backoff && followsQuote(ctx, unit, subject.range.start));
  const after = readAfterVerb(ctx, unit, q, verb, draft, limit);
  let contentStart = after.contentStart;
  if (verb.object && !after.sawThat) {
    // "accused Norway of targeting …": the object and its clause are the content.
    contentStart = ctx.tok(q)?.start ?? limit;
  }
  const forwardEnd = contentEnd(ctx, unit, contentStart, limit, draft);
  // "…, officials said, before being shot by police": an adjunct set off by a comma is no content; the words
  // before the speaker are.
  const afterVerb = ctx.text.slice(verbTok.end, forwardEnd);
  const adjunctAfter = ADJUNCT_AFTER_VERB.test(afterVerb) && !/\bthat\b|["“”]/.test(afterVerb);
  const hasForward = !adjunctAfter && contentStart < forwardEnd && /[\p{L}\p{N}]/u.test(ctx.text.slice(contentStart, forwardEnd));
  if (!quoteFirst && hasForward && (verb.bare || after.sawThat || after.quoteNext || verb.object || subject.continues)) {
    draft.fragments.push({ start: contentStart, end: forwardEnd });
    draft.attribution.push({ start: clauseStart, end: contentStart });
    if (forwardEnd < unit.end) draft.attribution.push({ start: forwardEnd, end: unit.end });
    commit(ctx, draft, subject);
    return;
  }
  if (!quoteFirst && (hasForward || subject.continues)) return; // e.g. "denied to comment", "speculates more problems"
  // Nothing after the verb: the content is what precedes the speaker ("…, the official said").
  const speakerStart = subject.inverted ? verbTok.start : subject.range.start;
  // "… two weeks after negotiators concluded the deal": a clause a subordinator opens reports nothing of the words
  // before it.
  if (!subject.inverted && SUBORDINATE_BEFORE.test(ctx.text.slice(Math.max(unit.start, speakerStart - 12), speakerStart))) return;
  const start = reverseContentStart(ctx, unit, speakerStart);
  const end = reverseContentEnd(ctx, unit, start, speakerStart);
  if (end <= start) return;
  draft.fragments.push({ start, end });
  splitQuoteTail(ctx, unit, draft, after.attributionEnd);
  const tail = draft.fragments.length > 1 ? draft.fragments[draft.fragments.length - 1]!.start : unit.end;
  draft.attribution.push({ start: speakerStart, end: quoteFirst ? tail : after.attributionEnd });
  commit(ctx, draft, subject);
}

/** A quote ends right before the speaker (only titles between): `"…," ministry spokesman X said`. */
function followsQuote(ctx: SieveContext, unit: Unit, at: number): boolean {
  const q = [...unit.quotes].reverse().find((x) => x.close <= at);
  if (!q) return false;
  const gap = ctx.text.slice(q.close, at);
  const closing = ctx.text.slice(q.open, q.close).replace(/["”\s]+$/, '');
  if (!/[,?!]$/.test(closing) && !/^\s*,/.test(gap)) return false;
  const words = gap.trim().split(/\s+/).filter(Boolean);
  return !/[,;:!?"“”]/.test(gap.replace(/^\s*,/, '')) && words.length <= 6 && !words.some((w) => SPEECH_VERBS.has(w.toLowerCase()));
}

/** `"Q1," the official said, "Q2."`: a quote right after the attribution continues the statement. */
function splitQuoteTail(ctx: SieveContext, unit: Unit, draft: PendingDraft, from: number): void {
  const next = unit.quotes.find((x) => x.open >= from && /^[\s,:]*$/.test(ctx.text.slice(from, x.open)));
  if (next && !draft.fragments.some((f) => f.start <= next.open && next.open < f.end)) draft.fragments.push({ start: next.open, end: next.close });
}

function commit(ctx: SieveContext, draft: PendingDraft, subject: Subject): void {
  draft.speaker = resolveSubject(ctx, subject);
  if (subject.parent) draft.parent = subject.parent;
  if (draft.attribution.some((r) => /\bstatement\b/i.test(ctx.text.slice(r.start, r.end)))) draft.written = true;
  ctx.drafts.push(draft as Draft);
}
