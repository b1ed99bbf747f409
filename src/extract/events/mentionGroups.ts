/**
 * One article's event mentions from the parse, grouped into events: one event per trigger + name + date, places'
 * contests joined to their votes, dated verbs to the one event of their kind and day, undated definite mentions to
 * the event of their word; then synonyms of one day merged. The mentions come from parsed.ts.
 */
import type { FuzzyDate, Span } from '../../domain/types.js';

export type LexKind = 'MEETING' | 'INCIDENT' | 'AGREEMENT' | 'CAMPAIGN' | 'VOTE';

export interface Mention {
  kind: LexKind;
  /** Lemma of the event word ("primary", "attack"): mentions of one event share it. */
  trigger: string;
  name: string;
  span: Span;
  token: number;
  date?: FuzzyDate;
  ordinal?: number;
  definite: boolean;
  verb: boolean;
  /** A place standing for the vote held there ("won Missouri"). */
  place?: string;
  /** A place among a vote noun's own words ("the New Hampshire GOP primary" → "New Hampshire"). */
  namedPlace?: string;
  /** The place's contest is told in the past ("won Missouri"): it can take the article's voting day. */
  past?: boolean;
  /** The noun has its own complement ("the vote on the trade bill"): it names its own matter, not the article's vote. */
  complemented?: boolean;
  /** The news peg (publication day or the one before) of an undated mention the lede reports as done: its date
   *  only when it joins no event of the article. */
  peg?: FuzzyDate;
  participantKeys: string[];
}

export interface Grouped {
  kind: LexKind;
  trigger: string;
  name: string;
  date: FuzzyDate | null;
  ordinal?: number;
  mentions: Mention[];
}

export const overlaps = (a: FuzzyDate, b: FuzzyDate) => a.start <= b.end && b.start <= a.end;
export const wordsOf = (name: string) => name.toLowerCase().split(' ');
/** "primary" ⊆ "Delaware Democratic presidential primary": the shorter name says less, not something else. */
const nameWithin = (short: string, long: string) => {
  const words = new Set(wordsOf(long));
  return wordsOf(short).every((w) => words.has(w));
};
export const compatibleNames = (a: string, b: string) => nameWithin(a, b) || nameWithin(b, a);
export const width = (d: FuzzyDate) => Date.parse(d.end) - Date.parse(d.start);

/**
 * The article's one voting day: the day of every day-dated vote event found so far, when they all agree. A place
 * won or lost with no date of its own in a results story ("Sanders lost Ohio, Florida and North Carolina") was won
 * that day; with two voting days in the article nothing says which.
 */
function electionDay(events: Grouped[], publishedAt: string): FuzzyDate | undefined {
  const days = new Map<string, FuzzyDate>();
  // Only a day already past: "He now looks to the Arizona primary on March 22" is no day anything was won.
  for (const e of events) if (e.kind === 'VOTE' && e.date?.precision === 'DAY' && e.date.start <= publishedAt) days.set(e.date.start, e.date);
  const day = days.size === 1 ? [...days.values()][0]! : undefined;
  return day && { ...day, source: 'INFERRED' };
}

/** One event per trigger + name + date within the article; undated definite mentions join the one event of their trigger. */
export function group(mentions: Mention[], publishedAt: string): Grouped[] {
  const events: Grouped[] = [];
  const dated = mentions.filter((m) => (m.date || m.ordinal !== undefined) && m.place === undefined);
  for (const m of dated.filter((x) => !x.verb)) {
    const same = events.find(
      (e) =>
        e.trigger === m.trigger &&
        compatibleNames(e.name, m.name) &&
        (m.ordinal === undefined || e.ordinal === undefined || e.ordinal === m.ordinal) &&
        (!m.date || !e.date || overlaps(m.date, e.date)),
    );
    if (same) {
      same.mentions.push(m);
      if (m.name.length > same.name.length) same.name = m.name;
      if (m.date && (!same.date || width(m.date) < width(same.date))) same.date = m.date;
      same.ordinal ??= m.ordinal;
    } else events.push({ kind: m.kind, trigger: m.trigger, name: m.name, date: m.date ?? null, ordinal: m.ordinal, mentions: [m] });
  }
  // A place's contest joins the article's vote event of that place ("the Missouri primary"), else stands alone when
  // dated. Dated ones first, so that an undated "won Ohio" finds the Ohio contest another sentence dates.
  const contests = mentions.filter((x) => x.place !== undefined);
  for (const m of [...contests.filter((x) => x.date), ...contests.filter((x) => !x.date)]) {
    const words = wordsOf(m.place!);
    const same = events.filter((e) => e.kind === 'VOTE' && e.mentions.some((x) => x.place === undefined) && words.every((w) => wordsOf(e.name).includes(w)) && (!m.date || !e.date || overlaps(m.date, e.date)));
    if (same.length === 1) {
      same[0]!.mentions.push(m);
      continue;
    }
    if (same.length > 0 || !events.some((e) => e.kind === 'VOTE')) continue;
    // "winner of the Iowa caucuses … his finish in Iowa": the article names that place's own vote and gives it no day,
    // so a finish there is that vote's, not the article's voting day elsewhere.
    const namedUndated = !m.date && mentions.some((x) => x.kind === 'VOTE' && !x.verb && x.place === undefined && !x.date && words.every((w) => wordsOf(x.name).includes(w)));
    if (namedUndated) continue;
    const date = m.date ?? (m.past ? electionDay(events, publishedAt) : undefined) ?? m.peg;
    if (!date) continue;
    const prior = events.find((e) => e.trigger === 'contest' && e.name === m.name && e.date && overlaps(e.date, date));
    if (prior) prior.mentions.push(m);
    else events.push({ kind: 'VOTE', trigger: 'contest', name: m.name, date, mentions: [m] });
  }
  // A dated verb ("voters caucused Monday") is the article's one event of its kind on that date, else its own —
  // an event a noun names ("A bombing killed four"), or one told by the same verb: "Police shot a man who had
  // stabbed two people" tells two.
  for (const m of dated.filter((x) => x.verb)) {
    const same = events.filter(
      (e) => e.kind === m.kind && e.date && m.date && overlaps(e.date, m.date) && (e.trigger === m.trigger || e.mentions.some((x) => !x.verb)),
    );
    if (same.length === 1) same[0]!.mentions.push(m);
    else if (same.length === 0) events.push({ kind: m.kind, trigger: m.trigger, name: m.name, date: m.date ?? null, mentions: [m] });
  }
  joinNamedPlace(events, mentions);
  // Several candidates: the one mentioned last before it ("Delaware's primary … the primary").
  for (const m of mentions.filter((x) => !x.date && x.ordinal === undefined && x.definite && !x.verb && x.place === undefined)) {
    const same = events.filter((e) => e.trigger === m.trigger && nameWithin(m.name, e.name));
    // Mentioned by its word: a verb that joined an event ("militants killed 130 in Paris") does not make it the
    // one "the attack" refers back to.
    const before = (e: Grouped) => Math.max(-1, ...e.mentions.filter((x) => !x.verb && x.span.start < m.span.start).map((x) => x.span.start));
    let target = same.length === 1 ? same[0] : same.filter((e) => before(e) >= 0).sort((a, b) => before(b) - before(a))[0];
    // A vote named by a common word only ("the contest", "the vote") in an article with one vote is that vote.
    if (!target && same.length === 0 && m.kind === 'VOTE' && !m.complemented && m.name === m.name.toLowerCase()) {
      const votes = events.filter((e) => e.kind === 'VOTE');
      if (votes.length === 1) target = votes[0];
    }
    target?.mentions.push(m);
  }
  return events;
}

/** Kinds whose common words name one thing on one day in one article ("the agreement" and "the deal" of May 27). */
const SYNONYM_KINDS = new Set<LexKind>(['AGREEMENT', 'INCIDENT']);

/**
 * One article's agreements (or incidents) named by common words only, on one day, are one event told two ways
 * ("reached an agreement Friday … the deal, struck Friday"); proper words ("the Paris attack") keep events apart.
 */
export function mergeSynonyms(groups: Grouped[]): Grouped[] {
  const generic = (g: Grouped) => g.name === g.name.toLowerCase();
  const out: Grouped[] = [];
  for (const g of groups) {
    const same =
      SYNONYM_KINDS.has(g.kind) && generic(g) && g.date?.precision === 'DAY' && g.ordinal === undefined
        ? out.find((o) => o.kind === g.kind && generic(o) && o.ordinal === undefined && o.date?.precision === 'DAY' && o.date.start === g.date!.start)
        : undefined;
    if (same) same.mentions.push(...g.mentions);
    else out.push(g);
  }
  return out;
}

/**
 * "Tuesday's primary election … the New Hampshire primary": the article's (first) vote dated by day and named by common
 * words only is the vote of the one place its undated vote nouns name, so that it is that place's vote as other
 * articles name it. A place whose vote the article dates on another day ("finishing second in Iowa a week ago … the
 * Iowa caucuses") is that other vote's; two places left say nothing.
 */
function joinNamedPlace(events: Grouped[], mentions: Mention[]): void {
  const dayVotes = events.filter((e) => e.kind === 'VOTE' && e.date?.precision === 'DAY' && e.name === e.name.toLowerCase() && !e.mentions.some((m) => m.place));
  // Several: the one the article names first is its news ("Tuesday's primary election" in the lede, not a quote's
  // "vote tomorrow" further down).
  const first = (e: Grouped) => Math.min(...e.mentions.map((m) => m.span.start));
  const day = dayVotes.sort((x, y) => first(x) - first(y))[0];
  if (!day) return;
  const datedElsewhere = (place: string) =>
    events.some((e) => e !== day && e.date && !overlaps(e.date, day.date!) && e.mentions.some((m) => m.place === place || m.namedPlace === place));
  const named = mentions.filter((m) => m.kind === 'VOTE' && !m.verb && !m.date && m.ordinal === undefined && m.namedPlace !== undefined && !datedElsewhere(m.namedPlace));
  const places = [...new Set(named.map((m) => m.namedPlace!))];
  if (places.length === 0 || !places.every((p) => samePlace(p, places[0]!))) return;
  day.mentions.push(...named);
}

/**
 * Two spellings of one place: the same words, or an abbreviation of the other ("N.H." for "New Hampshire" by its
 * initials, "Calif." for "California" by its start).
 */
export function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!short.includes('.')) return false;
  const letters = short.replace(/[.\s]/g, '').toLowerCase();
  const initials = long.split(/\s+/).map((w) => w[0]!.toLowerCase()).join('');
  return letters === initials || (long.split(/\s+/).length === 1 && long.toLowerCase().startsWith(letters));
}
