/**
 * The parse-driven attribution pass: for every speech cue the NLP engine's parse shows (outside someone
 * else's quotation), the speaker is the cue's subject and the content its complement clause or quotation.
 * A cue whose content overlaps a statement already found (`existing`) is that statement, not a new one.
 */
import type { ParsedToken } from '../../../nlp/types.js';
import type { ActorIndex } from '../../actorIndex.js';
import { datesOf } from '../../dates.js';
import type { Doc } from '../../doc.js';
import { findQuotes } from '../../quotes.js';
import type { Syntax } from '../../syntax.js';
import { datelineLength, trimSpan } from '../../text.js';
import type { ExtractedActor, ExtractedStatement, FuzzyDate } from '../../../domain/types.js';
import { DOCUMENT_HEADS, findCues, type Cue } from './cues.js';
import { ORGANIZATION_HEADS } from '../../lexicon.js';
import { contentOf, type Content } from './content.js';
import { SETTING_DEPS } from './settings.js';
import { speakerFor, subjectOf, type Speaker } from './speakers.js';

interface Range {
  start: number;
  end: number;
}

/** Statements the parse shows, keyed `p<n>` (combine.ts renumbers them with the sieve's). */
export function parseStatements(doc: Doc, actors: ActorIndex, syn: Syntax, existing: readonly ExtractedStatement[] = []): ExtractedStatement[] {
  const parse = syn.parse;
  const quotes = findQuotes(doc.text);
  const taken: Array<{ content: Range[]; span: Range }> = existing.map((s) => ({ content: s.quoteSpans, span: s.span }));
  // Who spoke where: pronoun back-off looks at the speakers before a cue, nearest last.
  const spoke: Array<{ at: number; actor: ExtractedActor }> = existing.flatMap((s) => {
    const actor = actors.byKey(s.speakerKey);
    return actor ? [{ at: s.span.start, actor }] : [];
  });
  const speakersBefore = (offset: number) => spoke.filter((x) => x.at < offset).sort((a, b) => a.at - b.at).map((x) => x.actor);
  const out: ExtractedStatement[] = [];
  const ctx = { syn, text: doc.text, actors, mayCreate: true, speakersBefore };

  for (const sentence of parse.sentences) {
    for (const cue of findCues(syn, sentence)) {
      if (quotes.some((q) => q.open < cue.token.start && cue.token.end <= q.close - 1)) continue; // inside a quotation
      const read = contentOf(syn, cue, quotes, sentence);
      const content = read && withinParagraph(doc.text, quotes, read, cue);
      if (!content || !substantial(doc.text, content)) continue;
      // A statement found already still lends its speaker the words this cue's subject uses for them,
      // but no actor is made for a statement that is not kept.
      const found = taken.some((t) => sameStatement(cue, content, t));
      const speaker = speakerOf({ ...ctx, mayCreate: !found }, cue);
      if (found || !speaker) continue;
      const statement = build(doc, syn, actors, cue, speaker, content, `p${out.length + 1}`);
      out.push(statement);
      taken.push({ content: content.fragments, span: syn.chars({ first: cue.token.i, last: cue.token.i }) });
      spoke.push({ at: statement.span.start, actor: speaker.actor });
    }
  }
  return out;
}

function speakerOf(ctx: Parameters<typeof speakerFor>[0], cue: Cue): Speaker | undefined {
  const { syn } = ctx;
  if (cue.kind === 'preposition') {
    const obj = syn.kid(cue.token.i, 'pobj') ?? (cue.tokens[1] ? syn.kid(cue.tokens[1].i, 'pobj') : undefined);
    if (!obj) return undefined;
    const issuer = issuerOf(syn, ctx.actors, obj);
    return (issuer && speakerFor(ctx, issuer, cue.token.start)) ?? speakerFor(ctx, obj, cue.token.start);
  }
  const subject = subjectOf(syn, cue.token);
  return subject ? speakerFor(ctx, subject, cue.token.start) : undefined;
}

/**
 * Reported words never run from a headline across a blank line. The local engine starts a sentence after every
 * line break (nlp/worker.py), so its parses never need this; it guards parses from an engine run elsewhere
 * (NLP_URL) without that component, which read a headline and the lede as one sentence ("Talks make
 * progress\n\nThe sides narrowed …, officials said"). A paragraph that
 * ends without a sentence's closing mark is a headline (or a subhead, a dateline); content is cut at the
 * blank line after it and keeps the side the cue is on. Other paragraph breaks are left alone: there the
 * engine's sentence is usually a quotation's lead-in, which the measure on PolNeAR showed is better kept.
 */
function withinParagraph(text: string, quotes: ReturnType<typeof findQuotes>, content: Content, cue: Cue): Content {
  if (content.quoted) return content;
  const fragments = content.fragments.map((f) => {
    let { start, end } = f;
    for (const m of text.slice(f.start, f.end).matchAll(/\n[^\S\n]*\n\s*/g)) {
      const at = f.start + m.index;
      if (at < start || at >= end || quotes.some((q) => q.open < at && at < q.close)) continue;
      const before = text.slice(start, at).trimEnd();
      if (before === '' || /[.!?…"”’')\]:;]$/.test(before)) continue; // a sentence ends there, not a headline
      if (cue.token.start >= at) start = at + m[0].length;
      else end = at;
    }
    // The lede's dateline is the wire's, not the speaker's words: "NAIROBI, Nov 18 (Reuters) - The death toll …".
    start += datelineLength(text.slice(start, end));
    return start === f.start && end === f.end ? f : trimSpan(text, start, end);
  });
  return { ...content, fragments: fragments.map((f) => ({ start: f.start, end: f.end })) };
}

/** Who issued a written source: "a statement from the ministry", "the ministry's statement", "a letter by X". */
function issuerOf(syn: Syntax, actors: ActorIndex, doc: ParsedToken): ParsedToken | undefined {
  if (!DOCUMENT_HEADS.has(doc.lemma.toLowerCase())) return undefined;
  const prep = syn.kids(doc.i, 'prep').find((p) => /^(from|by)$/i.test(p.text)); // "of" is mostly the topic ("a transcript of the interview")
  const issuer = syn.kid(doc.i, 'poss') ?? (prep ? syn.kid(prep.i, 'pobj') : undefined);
  // A name, an actor the article names, or an unnamed institution ("a statement from the ministry"): "the convention"
  // or "its" is no issuer.
  const institution = (t: ParsedToken) => t.pos === 'NOUN' && ORGANIZATION_HEADS.has(t.lemma.toLowerCase());
  return issuer && (issuer.pos === 'PROPN' || (issuer.pos === 'NOUN' && actors.actorAt(issuer.start, issuer.end)) || institution(issuer)) ? issuer : undefined;
}

function substantial(text: string, content: Content): boolean {
  const words = content.fragments.flatMap((f) => text.slice(f.start, f.end).split(/\s+/).filter((w) => /\p{L}/u.test(w)));
  return words.length >= 2;
}

/**
 * A statement already found is this cue's when its attribution holds the cue and the contents touch, or
 * when it covers half of this content (the same words attributed twice). A short statement inside a long
 * content stays apart ("X said the plan fails, and called him 'the leading proponent'": two statements).
 */
function sameStatement(cue: Cue, content: Content, found: { content: Range[]; span: Range }): boolean {
  const touches = (f: Range) => found.content.some((t) => Math.min(f.end, t.end) > Math.max(f.start, t.start));
  const cueInside = found.span.start <= cue.token.start && cue.token.end <= found.span.end;
  if (cueInside && content.fragments.some(touches)) return true;
  const size = content.fragments.reduce((n, f) => n + f.end - f.start, 0);
  const covered = content.fragments.reduce((n, f) => n + found.content.reduce((m, t) => m + Math.max(0, Math.min(f.end, t.end) - Math.max(f.start, t.start)), 0), 0);
  return covered >= 0.5 * size;
}

function build(doc: Doc, syn: Syntax, actors: ActorIndex, cue: Cue, speaker: Speaker, content: Content, key: string): ExtractedStatement {
  const quoteSpans = content.fragments.map((f) => trimSpan(doc.text, f.start, f.end));
  const cueRange = syn.chars({ first: Math.min(cue.token.i, speaker.range.first), last: Math.max(cue.tokens[cue.tokens.length - 1]!.i, speaker.range.last) });
  const all = [...content.fragments, cueRange];
  const span = trimSpan(doc.text, Math.min(...all.map((r) => r.start)), Math.max(...all.map((r) => r.end)));
  const audience = audienceOf(syn, actors, cue);
  return {
    key,
    speakerKey: speaker.actor.key,
    text: quoteSpans.map((q) => q.exact).join(' … '),
    kind: content.quoted ? 'DIRECT' : 'INDIRECT',
    verb: cue.lemma,
    saidOn: saidOn(doc, syn, cue, content),
    ...(audience ? { audienceKey: audience.key } : {}),
    viaKeys: viaOf(syn, actors, cue, content, speaker.actor),
    span,
    quoteSpans,
    aboutKeys: [],
  };
}

/**
 * Outlets named in the cue's own modifiers are the channel it came through: "told the state news agency
 * TASS", "said in an interview with the BBC", "was quoted by Interfax".
 */
function viaOf(syn: Syntax, actors: ActorIndex, cue: Cue, content: Content, speaker: ExtractedActor): string[] {
  if (cue.kind !== 'verb') return [];
  const keys: string[] = [];
  for (const kid of syn.kids(cue.token.i, SETTING_DEPS)) {
    const r = syn.chars(syn.subtree(kid.i));
    if (content.fragments.some((f) => f.start < r.end && r.start < f.end)) continue;
    for (const a of actors.actorsIn(r.start, r.end)) if (a.kind === 'MEDIA_OUTLET' && a.key !== speaker.key && !keys.includes(a.key)) keys.push(a.key);
  }
  return keys;
}

/** Whom it was said to, when an actor: "told reporters", "said to the committee"; an outlet is a channel instead. */
function audienceOf(syn: Syntax, actors: ActorIndex, cue: Cue): ExtractedActor | undefined {
  if (cue.kind === 'preposition') return undefined; // "according to X": X is the source, not an audience
  const to = syn.kids(cue.token.i, 'prep').find((p) => p.text.toLowerCase() === 'to');
  const target = cue.lemma === 'tell' ? syn.kid(cue.token.i, new Set(['dative', 'dobj'])) : to ? syn.kid(to.i, 'pobj') : undefined;
  const actor = target && target.pos !== 'PRON' ? actors.actorAt(target.start, target.end) : undefined;
  return actor?.kind === 'MEDIA_OUTLET' ? undefined : actor;
}

/** A date in the cue's own clause, outside the content ("said on Tuesday"): when it was said. */
function saidOn(doc: Doc, syn: Syntax, cue: Cue, content: Content): FuzzyDate | null {
  const clause = syn.chars(syn.subtree(cue.token.i));
  for (const m of datesOf(doc).inRange(clause)) {
    const inside = content.fragments.some((f) => m.span.start < f.end && f.start < m.span.end);
    if (!inside) return m.date;
  }
  return null;
}
