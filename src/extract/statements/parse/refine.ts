/**
 * The sieve reads a statement's edges from the surface; the parse shows where the attribution really ends.
 * Two misreadings are corrected here, on the sieve's statements:
 *   - content that starts with the cue's own modifiers before its complement clause ("told the RIA Novosti
 *     news agency on Wednesday that …", "told reporters in Lima that …"): the content starts after "that";
 *     a date in the cut words is when it was said, an outlet named there is the statement's channel (via);
 *   - content before the speaker that ends in the speaker's own words ("…, held in Geneva, Norwegian State
 *     Secretary Lars Eidsvik said"): the content ends where the subject's phrase begins.
 */
import type { ActorIndex } from '../../actorIndex.js';
import { datesOf } from '../../dates.js';
import type { Doc } from '../../doc.js';
import { findQuotes, type Quote } from '../../quotes.js';
import type { Syntax } from '../../syntax.js';
import { spanOf, trimSpan } from '../../text.js';
import type { ExtractedStatement } from '../../../domain/types.js';
import { findCues, type Cue } from './cues.js';
import { SETTING_DEPS } from './settings.js';

interface Range {
  start: number;
  end: number;
}

/** At most this many words of the speaker's phrase are cut off the content's end ("the country's"). */
const MAX_SUBJECT_WORDS = 6;
const QUOTE_MARK = /["“”‘’'`]/;

export function refineSieveStatements(doc: Doc, actors: ActorIndex, syn: Syntax, statements: readonly ExtractedStatement[]): ExtractedStatement[] {
  const quotes = findQuotes(doc.text);
  const cues: Cue[] = [];
  for (const sentence of syn.parse.sentences) for (const cue of findCues(syn, sentence)) if (cue.kind === 'verb') cues.push(cue);
  return statements.map((s) => {
    const own = cues.filter((c) => s.span.start <= c.token.start && c.token.end <= s.span.end && !s.quoteSpans.some((f) => f.start <= c.token.start && c.token.start < f.end));
    return trailingSubject(doc, syn, quotes, own, leadingSettings(doc, actors, syn, own, s));
  });
}

function leadingSettings(doc: Doc, actors: ActorIndex, syn: Syntax, cues: readonly Cue[], s: ExtractedStatement): ExtractedStatement {
  const first = s.quoteSpans[0];
  if (!first) return s;
  for (const cue of cues) {
    if (cue.token.end > first.start) continue;
    const clause = syn.kid(cue.token.i, 'ccomp');
    if (!clause) continue;
    const r = syn.subtree(clause.i);
    // Only "that" goes with the attribution: "if", "whether", "because" are part of what was said.
    let k = r.first;
    let that = false;
    while (k < r.last && ((syn.tok(k).dep === 'mark' && syn.tok(k).text.toLowerCase() === 'that') || (syn.tok(k).pos === 'PUNCT' && !QUOTE_MARK.test(syn.tok(k).text)))) {
      if (syn.tok(k).dep === 'mark') that = true;
      k++;
    }
    const contentStart = syn.tok(k).start;
    if (!(first.start < contentStart && contentStart < first.end)) continue;
    // Every word cut must be the cue's modifier (to whom, where, when) or the clause's "that"; a setting
    // is a phrase, never a clause ("told a woman who suggested that …" is no setting).
    const settings = syn.kids(cue.token.i, SETTING_DEPS).map((kid) => ({ dep: kid.dep, ...syn.chars(syn.subtree(kid.i)) }));
    const cut: Range = { start: first.start, end: contentStart };
    let words = 0;
    let ok = true;
    const objects = new Set<string>();
    for (let i = syn.tokenAt(cut.start); i < syn.tokens.length && syn.tok(i).start < cut.end; i++) {
      const t = syn.tok(i);
      if (t.pos === 'PUNCT' || (i >= r.first && i < k)) continue;
      words++;
      const setting = settings.find((x) => x.start <= t.start && t.end <= x.end);
      // An object right before the clause is its subject misread ("explained the firings amounted to …")
      // unless "that" follows it or the verb takes its hearer as object ("told police officials …").
      // A second object is the clause's subject misread too ("told me photo circulating of … violates").
      const object = setting?.dep === 'dobj' && !that && cue.lemma !== 'tell';
      if (setting && (setting.dep === 'dobj' || setting.dep === 'dative')) objects.add(`${setting.start}`);
      if (setting && !object && (that || objects.size <= 1) && t.pos !== 'VERB' && t.pos !== 'AUX') continue;
      ok = false;
      break;
    }
    if (!ok || words === 0) continue;
    const quoteSpans = [trimSpan(doc.text, contentStart, first.end), ...s.quoteSpans.slice(1)];
    const saidOn = s.saidOn ?? datesOf(doc).inRange(cut)[0]?.date ?? null;
    const outlets = actors.actorsIn(cut.start, cut.end).filter((a) => a.kind === 'MEDIA_OUTLET' && a.key !== s.speakerKey).map((a) => a.key);
    const viaKeys = [...outlets, ...s.viaKeys].filter((key, n, all) => all.indexOf(key) === n);
    return { ...s, quoteSpans, text: quoteSpans.map((q) => q.exact).join(' … '), saidOn, viaKeys };
  }
  return s;
}

function trailingSubject(doc: Doc, syn: Syntax, quotes: readonly Quote[], cues: readonly Cue[], s: ExtractedStatement): ExtractedStatement {
  const last = s.quoteSpans[s.quoteSpans.length - 1];
  if (!last) return s;
  for (const cue of cues) {
    if (cue.token.start < last.end) continue;
    const subject = syn.kid(cue.token.i, 'nsubj');
    if (!subject || subject.i > cue.token.i) continue;
    const from = syn.chars(syn.subtree(subject.i)).start;
    if (!(last.start < from && from < last.end)) continue;
    if (quotes.some((q) => q.open <= from && from < q.close)) continue; // a quotation keeps its own words
    const cut = doc.text.slice(from, last.end);
    if (/[,;:"“”()]/.test(cut) || cut.trim().split(/\s+/).length > MAX_SUBJECT_WORDS) continue;
    let end = from;
    while (end > last.start && /[\s.,;:—–-]/.test(doc.text[end - 1] ?? '')) end--;
    if (end <= last.start) continue;
    const quoteSpans = [...s.quoteSpans.slice(0, -1), spanOf(doc.text, last.start, end)];
    return { ...s, quoteSpans, text: quoteSpans.map((q) => q.exact).join(' … ') };
  }
  return s;
}
