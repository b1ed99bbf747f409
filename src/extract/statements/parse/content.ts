/**
 * What a cue reports, from the parse: the complement clause ("said that …", "said the talks failed"), an
 * open complement with its object ("urged Congress to act"), the host clause of a parenthetical cue
 * ("The talks, he said, failed"; "…, according to X"), or a quotation next to the cue. A quotation the
 * content falls in is taken whole, also when it runs over several sentences or paragraphs.
 */
import type { Quote } from '../../quotes.js';
import type { Syntax, TokenRange } from '../../syntax.js';
import { NEEDS_CONTENT, type Cue } from './cues.js';
import { ADJUNCT_SUBORDINATORS } from '../../lexicon.js';

/** Subordinators whose clause is never a parenthetical attribution: an adjunct's, or an indirect question's ("whether"). */
const SUBORDINATORS = new Set([...ADJUNCT_SUBORDINATORS, 'whether']);

export interface Content {
  /** Character ranges of the reported words (several for a quote split by its attribution). */
  fragments: Array<{ start: number; end: number }>;
  /** The content is (mostly) a quotation. */
  quoted: boolean;
}

const CLAUSE = new Set(['ccomp']);
const OPEN_CLAUSE = new Set(['xcomp']);
/** "accused X of …", "criticized X for …", "described X as …". */
const PREDICATE_PREPS = new Set(['of', 'for', 'as']);

export function contentOf(syn: Syntax, cue: Cue, quotes: readonly Quote[], sentence: { start: number; end: number }): Content | undefined {
  const v = cue.token;
  const quoteAround = (start: number, end: number) => quotes.find((q) => q.open <= start && end <= q.close + 1);
  const wholeQuote = (r: { start: number; end: number }): Content => {
    const q = quoteAround(r.start, r.end);
    if (q) return { fragments: [{ start: q.inner.start, end: q.inner.end }], quoted: true };
    return { fragments: [r], quoted: false };
  };

  if (cue.kind === 'preposition') {
    // "According to X, the talks failed": the clause the phrase hangs on, without the phrase.
    const host = syn.tok(v.head);
    if (host.i === v.i) return undefined;
    const r = syn.subtree(host.i, (c) => c.i === v.i);
    return wholeQuote(trimmed(syn, without(r, syn.subtree(v.i))));
  }

  // "called for a full inquiry": what the cue's preposition governs.
  const particle = cue.tokens[1];
  if (particle && particle.dep === 'prep') {
    const object = syn.kid(particle.i, new Set(['pobj', 'pcomp']));
    if (object) return wholeQuote(trimmed(syn, syn.subtree(object.i)));
  }

  const clause = syn.kid(v.i, CLAUSE);
  if (clause) return wholeQuote(trimmed(syn, stripLeadingThat(syn, syn.subtree(clause.i))));
  // "told a news briefing that the memorandum took effect": the parser hangs the "that" clause on the object as a
  // relative clause, but its "that" is a complementiser (a mark), not a relative pronoun: it is what was told.
  const told = syn.kid(v.i, 'dobj');
  const thatClause = told && syn.kids(told.i).find((k) => k.dep === 'relcl' && k.i > told.i && syn.kids(k.i).some((m) => m.dep === 'mark' && m.text.toLowerCase() === 'that'));
  if (thatClause) return wholeQuote(trimmed(syn, stripLeadingThat(syn, syn.subtree(thatClause.i))));

  // "X urged Congress to act", "called on Y to resign": the object with its open complement.
  const open = syn.kid(v.i, OPEN_CLAUSE);
  if (open && syn.tok(open.i).pos !== 'AUX') {
    const obj = syn.kid(v.i, new Set(['dobj', 'dative']));
    const r = syn.subtree(open.i);
    return { fragments: [trimmed(syn, obj && obj.i < open.i ? { first: syn.subtree(obj.i).first, last: r.last } : r)], quoted: false };
  }

  // A parenthetical cue: "The talks, he said, failed." / "The talks failed, he said."
  // Not an adverbial clause a subordinator of time, cause or condition opens ("… two weeks after negotiators concluded
  // the deal"): it reports nothing of its host ("as he said" does).
  const subordinate = syn.kids(v.i, 'mark').some((m) => SUBORDINATORS.has(m.text.toLowerCase()));
  // Nor a cue with a complement of its own ("Peru lifts curfew as unions agree to talks"): it tells what it reports.
  const ownComplement = syn.kids(v.i).some((k) => (k.dep === 'prep' && k.lemma.toLowerCase() === 'to') || OPEN_CLAUSE.has(k.dep));
  if ((v.dep === 'parataxis' || (v.dep === 'advcl' && !subordinate && !ownComplement && syn.kid(v.i, 'nsubj') && v.i > v.head)) && v.head !== v.i) {
    const host = syn.tok(v.head);
    const r = without(syn.subtree(host.i, (c) => c.i === v.i), syn.subtree(v.i));
    return wholeQuote(trimmed(syn, r));
  }

  // A quotation right before or after the cue's clause: "“…,” he said." / "He said: “…”".
  const clauseRange = syn.chars(syn.subtree(v.i));
  const near = nearestQuote(quotes, clauseRange, sentence);
  if (near) return { fragments: [{ start: near.inner.start, end: near.inner.end }], quoted: true };

  // "called Trump a fascist", "accused X of lying", "criticized Clinton for accepting …": the object and
  // what the cue says of it.
  const obj0 = syn.kid(v.i, 'dobj');
  const predicate = syn.kid(v.i, new Set(['oprd', 'ccomp'])) ?? syn.kids(v.i, 'prep').find((p) => PREDICATE_PREPS.has(p.text.toLowerCase()) && syn.kid(p.i, new Set(['pcomp', 'pobj'])));
  if (obj0 && predicate && predicate.i > obj0.i) {
    return { fragments: [trimmed(syn, { first: syn.subtree(obj0.i).first, last: syn.subtree(predicate.i).last })], quoted: false };
  }

  if (NEEDS_CONTENT.has(cue.lemma)) return undefined;
  // "denied the allegations", "announced his candidacy": the object is what was said.
  const obj = syn.kid(v.i, 'dobj');
  if (obj && obj.pos !== 'PRON' && obj.i > v.i) {
    const r = syn.subtree(obj.i);
    if (r.last - r.first >= 1) return { fragments: [trimmed(syn, r)], quoted: false };
  }
  return undefined;
}

/** The quotation adjacent to the cue's clause in the same sentence or ending right before it. */
function nearestQuote(quotes: readonly Quote[], clause: { start: number; end: number }, sentence: { start: number; end: number }): Quote | undefined {
  let best: Quote | undefined;
  for (const q of quotes) {
    const before = q.close <= clause.start && q.close >= sentence.start - 1;
    const after = q.open >= clause.end - 1 && q.open <= sentence.end;
    const around = q.open <= clause.start && clause.end <= q.close;
    if (around) return undefined; // the cue is inside someone's quotation
    if (before || after) {
      if (!best || Math.abs(q.open - clause.start) < Math.abs(best.open - clause.start)) best = q;
    }
  }
  return best;
}

function stripLeadingThat(syn: Syntax, r: TokenRange): TokenRange {
  let first = r.first;
  // Only "that" belongs to the attribution; "if", "whether", "because" are part of what was said.
  while (first < r.last && ((syn.tok(first).dep === 'mark' && syn.tok(first).text.toLowerCase() === 'that') || syn.tok(first).dep === 'punct')) first++;
  return { first, last: r.last };
}

/** `outer` minus the part `inner` takes from one of its ends (a cue in the middle keeps the larger side). */
function without(outer: TokenRange, inner: TokenRange): TokenRange {
  if (inner.first > outer.last || inner.last < outer.first) return outer;
  const left = { first: outer.first, last: inner.first - 1 };
  const right = { first: inner.last + 1, last: outer.last };
  const size = (r: TokenRange) => r.last - r.first + 1;
  return size(left) >= size(right) ? left : right;
}

/** Character range of a token range without edge punctuation. */
function trimmed(syn: Syntax, r: TokenRange): { start: number; end: number } {
  let { first, last } = r;
  while (first < last && syn.tok(first).pos === 'PUNCT' && !/["“‘']/.test(syn.tok(first).text)) first++;
  while (last > first && syn.tok(last).pos === 'PUNCT' && !/["”’']/.test(syn.tok(last).text)) last--;
  return syn.chars({ first, last });
}
