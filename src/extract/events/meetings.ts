/**
 * Meetings in series: "their third video conference", "their first meet on the matter on Oct. 1",
 * "after their third talk", "Thursday's video conference". A series is named by its canonical noun and
 * its parties (countries from the gazetteer), so every article names the same series the same way.
 * Nouns with `partiesInName: false` ("the second presidential debate") name their series by the noun alone;
 * a generic noun of a family ("the first debate", "Monday night's debate") joins the one series of its family
 * the article names. A topical noun ("the debate over the budget", "the national debate") is a discussion, not
 * a meeting; a generic noun needs an ordinal, a date or a named series of the article to become one.
 * A missing ordinal between two dated ones is an implied meeting with an interval date.
 */
import meetingData from '../../../data/lexicon/meetings.json' with { type: 'json' };
import ordinalData from '../../../data/lexicon/ordinals.json' with { type: 'json' };
import { addDays, type DateMention } from '../time.js';
import type { ExtractedEvent, FuzzyDate, Span } from '../../domain/types.js';
import { spanOf } from '../text.js';
import { normalizeDate } from '../../domain/dates.js';
import type { EventContext } from './context.js';
import { hasPhrase, hitsIn, phraseRegex, phraseSource, entryFor } from './lexicon.js';
import { countriesOf, type PartyMention } from './parties.js';

interface NounEntry {
  forms: string[];
  canonical: string;
  generic?: boolean;
  /** Nouns of one family ("debate"): a generic one joins only a series of its own family. */
  family?: string;
  /** false: the series is named by the noun alone ("presidential debate"), never by its participants. */
  partiesInName?: boolean;
  /** Also the word for a discussion ("the debate over the budget"): see topicalAfter / topicalBefore. */
  topical?: boolean;
}

const NOUNS: NounEntry[] = meetingData.nouns;
const NOUN_RE = phraseRegex(NOUNS.flatMap((n) => n.forms));
const PLURAL = new Set(meetingData.plural.map((p) => p.toLowerCase()));
const NEED_DETERMINER = new Set(meetingData.needDeterminer.map((p) => p.toLowerCase()));
const DETERMINERS = new Set(meetingData.determiners.map((d) => d.toLowerCase()));
const ANAPHORIC_RE = phraseRegex(meetingData.anaphoricParties);
const SAME_DAY_RE = phraseRegex(meetingData.sameDayAnaphora);
/** How far after a meeting's words its coordinated parties may start ("talks in Geneva with Russia and Ukraine"). */
const PARTIES_AFTER_CHARS = 40;
/** Containers that count the meetings of a series ("the second round of … talks"; "three rounds of talks" are several). */
export const ROUND_OF = new Set(['round', 'session']);
/** Between a date and a meeting it dates as the setting of what was said then ("said Monday during the debate"). */
const SETTING_AFTER_DATE = /^\s*,?\s*(?:at|during|in)\s*$/i;
const ORDINALS = new Map(Object.entries(ordinalData.words));
const ORDINAL_WORD = new Map([...ORDINALS.entries()].map(([w, n]) => [n, w]));
const NUMERIC_ORDINAL = new RegExp(`^(\\d+)(?:${ordinalData.numericSuffixes.join('|')})$`, 'i');
/** "the first video conference since the signing": an ordinal counted from another event, not a series position. */
const NOT_SERIES_AFTER = new RegExp(`^\\s+(?:[\\p{L}’'-]+\\s+){0,2}?${phraseSource(ordinalData.notSeriesAfterNoun)}`, 'iu');
const BETWEEN = /^\s+between\s+/i;
/** "the debate over the budget", "the national debate": a discussion, not a meeting. */
const TOPICAL_AFTER = new RegExp(`^\\s+${phraseSource(meetingData.topicalAfter)}`, 'iu');
const TOPICAL_BEFORE = new Set(meetingData.topicalBefore.map((w) => w.toLowerCase()));
/** "her debate prep team": the noun modifies another one. */
const MODIFIER_BEFORE = new RegExp(`^\\s+${phraseSource(meetingData.modifierBefore)}`, 'iu');
/** "a mock debate", "the next debate": with neither ordinal nor date, another meeting than the ones named. */
const NOT_ANAPHORIC = new Set(meetingData.notAnaphoric.map((w) => w.toLowerCase()));
/** Canonical nouns whose series are named without their participants. */
const NO_PARTIES_IN_NAME = new Set(NOUNS.filter((n) => n.partiesInName === false).map((n) => n.canonical));

interface Mention {
  span: Span;
  sentence: number;
  noun: NounEntry;
  ordinal?: number;
  hasDeterminer: boolean;
  date?: FuzzyDate;
  /** Countries named as its parties (coordination, "between …", or "their" → the article's principal parties). */
  parties: PartyMention[];
  /** Actors named as participants that are not countries ("between the ministry and the department"). */
  otherParticipantKeys: string[];
  canonical: string;
  countries: string[];
}

interface Meeting {
  seriesKey: string;
  canonical: string;
  countries: string[];
  ordinal?: number;
  mentions: Mention[];
  date: FuzzyDate | null;
  implied?: boolean;
}

function ordinalOf(token: string): number | undefined {
  const t = token.toLowerCase();
  const n = ORDINALS.get(t);
  if (n !== undefined) return n;
  const m = NUMERIC_ORDINAL.exec(t);
  return m ? Number(m[1]) : undefined;
}

export function ordinalWord(n: number): string {
  return ORDINAL_WORD.get(n) ?? `${n}th`;
}

/**
 * Walks back from the noun over at most two adjectives, an ordinal and a determiner or possessive
 * ("their third video conference", "Thursday's video conference"), stopping at punctuation.
 */
function prenominal(ctx: EventContext, sentenceStart: number, nounStart: number) {
  const before = ctx.text.slice(Math.max(sentenceStart, nounStart - 80), nounStart);
  const base = nounStart - before.length;
  const tokens = [...before.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: base + (m.index ?? 0) }));
  let start = nounStart;
  let ordinal: number | undefined;
  let hasDeterminer = false;
  let determiner: string | undefined;
  let adjectives = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (/[,;:“”"()]$/.test(t.text)) break;
    // "a first round of ceasefire talks": the counted container before its modified noun ("round of talks" is a
    // form of its own only without the modifier).
    if (t.text.toLowerCase() === 'of' && i > 0 && ordinal === undefined && ROUND_OF.has(tokens[i - 1]!.text.toLowerCase())) {
      i--;
      start = tokens[i]!.start;
      continue;
    }
    const ord = ordinal === undefined ? ordinalOf(t.text) : undefined;
    if (ord !== undefined) {
      ordinal = ord;
      start = t.start;
      continue;
    }
    if (DETERMINERS.has(t.text.toLowerCase()) || /\p{L}['’]s$/u.test(t.text)) {
      hasDeterminer = true;
      determiner = t.text.toLowerCase();
      start = t.start;
      break;
    }
    if (ordinal === undefined && adjectives < 2 && /^\p{Ll}[\p{Ll}-]*$/u.test(t.text)) {
      adjectives++;
      continue;
    }
    break;
  }
  return { start: hasDeterminer || ordinal !== undefined ? start : nounStart, ordinal, hasDeterminer, determiner };
}

/** The date a mention's own clause gives: adjacent ("talks Thursday", "Thursday's"), else the nearest in the clause. */
function mentionDate(ctx: EventContext, sentence: number, span: Span): FuzzyDate | undefined {
  const s = ctx.sentences[sentence]!;
  const clause = ctx.clauseAround(span.start);
  let best: DateMention | undefined;
  let bestDist = Infinity;
  for (const d of ctx.dates(sentence)) {
    // "said Monday during the debate": the day of saying is the day of the meeting it was said at.
    const setting = SETTING_AFTER_DATE.test(ctx.text.slice(d.span.end, span.start));
    if ((ctx.isSpeechDate(d, s.start) && !setting) || ctx.isAnchoredElsewhere(d, s.start)) continue;
    const adjacent = d.span.start >= span.start && d.span.end <= span.end; // possessive: inside the mention
    const inClause = d.span.start >= clause.start && d.span.end <= clause.end;
    if (!adjacent && !inClause) continue;
    const dist = adjacent ? -1 : d.span.start >= span.end ? d.span.start - span.end : span.start - d.span.end;
    if (dist < bestDist) {
      bestDist = dist;
      best = d;
    }
  }
  if (best) return best.date;
  // "That development came the same day that … held their third video conference": the day of the last report.
  const anaphor = hitsIn(SAME_DAY_RE, ctx.text, s.start, span.start)[0];
  if (anaphor) {
    const day = ctx.dayOfLastReportBefore(s.start);
    if (day) return { start: day.start, end: day.end, precision: day.precision, source: 'INFERRED', span: spanOf(ctx.text, anaphor.start, anaphor.end) };
  }
  return undefined;
}

/** Parties and other participants of a mention: "between X and Y", a coordinated pair nearby, or "their". */
function participantsOf(ctx: EventContext, sentence: number, span: Span, anaphoric: boolean) {
  const s = ctx.sentences[sentence]!;
  const parties: PartyMention[] = [];
  const otherParticipantKeys: string[] = [];
  const after = ctx.text.slice(span.end, s.end);
  const between = BETWEEN.exec(after);
  if (between) {
    const clause = ctx.clauseAround(span.end + between[0].length);
    const from = span.end + between[0].length;
    parties.push(...ctx.parties.in(from, clause.end));
    for (const a of ctx.actors.actorsIn(from, clause.end)) {
      const c = ctx.parties.countryOfActor(a);
      if (c) parties.push({ span: a.mentions[0]!, country: c });
      if (a.kind !== 'COUNTRY') otherParticipantKeys.push(a.key);
    }
  }
  if (parties.length === 0) {
    const g = ctx.parties.groupNear(s.start, s.end, span.start, span.end - span.start + PARTIES_AFTER_CHARS);
    if (g) parties.push(...g);
    else if (anaphoric) parties.push(...ctx.parties.principal);
  }
  return { parties, otherParticipantKeys };
}

function findMentions(ctx: EventContext): Mention[] {
  const out: Mention[] = [];
  ctx.sentences.forEach((s, i) => {
    for (const hit of hitsIn(NOUN_RE, ctx.text, s.start, s.end)) {
      const form = hit.text.toLowerCase().replace(/\s+/g, ' ');
      if (PLURAL.has(form)) continue; // "the latest rounds of talks": several meetings, none in particular
      const noun = entryFor(NOUNS, (n) => n.forms, hit.text);
      if (!noun) continue;
      const pre = prenominal(ctx, s.start, hit.start);
      if (noun.topical) {
        if (TOPICAL_AFTER.test(ctx.text.slice(hit.end, s.end))) continue;
        const words = ctx.text.slice(pre.start, hit.start).toLowerCase().split(/\s+/);
        if (words.some((w) => TOPICAL_BEFORE.has(w))) continue;
      }
      const span = spanOf(ctx.text, pre.start, hit.end);
      let ordinal = pre.ordinal;
      if (ordinal !== undefined && NOT_SERIES_AFTER.test(ctx.text.slice(hit.end, s.end))) ordinal = undefined;
      const date = mentionDate(ctx, i, span);
      const needsDeterminer = NEED_DETERMINER.has(form);
      if (noun.topical && ordinal === undefined && !date && MODIFIER_BEFORE.test(ctx.text.slice(hit.end, s.end))) continue;
      if (noun.family !== undefined && ordinal === undefined && !date && pre.determiner !== undefined && NOT_ANAPHORIC.has(pre.determiner)) continue;
      if (noun.generic && !pre.hasDeterminer && ordinal === undefined && (needsDeterminer || !date)) continue;
      if (!noun.generic && !pre.hasDeterminer && ordinal === undefined && !date) continue;
      // "their talks", "the two sides' talks" — and "the talks", "the third session" (made definite by the story,
      // meetings.json `definiteParties`): the article's principal parties when none are named nearby. Not "the fourth
      // round of talks": a numbered round an article names without parties stays in its own article's count, which
      // ordinals join across articles whatever the order (giving it parties split round three in probe 3's reverse order).
      const definite = pre.determiner?.toLowerCase() === 'the' && 'definiteParties' in noun &&
        (noun.definiteParties === 'unnumbered' ? ordinal === undefined : ordinal !== undefined);
      const anaphoric = hasPhrase(ANAPHORIC_RE, ctx.text.slice(s.start, hit.end)) || definite;
      const { parties, otherParticipantKeys } = participantsOf(ctx, i, span, anaphoric);
      out.push({
        span,
        sentence: i,
        noun,
        ordinal,
        hasDeterminer: pre.hasDeterminer,
        date,
        parties,
        otherParticipantKeys,
        canonical: noun.canonical,
        countries: noun.partiesInName === false ? [] : countriesOf(parties),
      });
    }
  });
  return out;
}

/** "the second round" with no noun of its own ("… and the second round had stalled"). */
const BARE_ROUND = new RegExp(`\\b(?:the|a|an|their|its)\\s+(${[...ORDINALS.keys()].join('|')}|\\d+(?:${ordinalData.numericSuffixes.join('|')}))\\s+round\\b(?!\\s+of\\b)`, 'giu');

/**
 * A bare numbered round in an article whose rounds are of one series of talks ("The first round of talks in January
 * had ended without a deal, and the second round had stalled"): a meeting of that series. Not in an article with no
 * such series — an election's "first round" is a vote.
 */
function bareRounds(ctx: EventContext, found: Mention[]): Mention[] {
  const rounds = found.filter((m) => /\bround\b/i.test(m.span.exact));
  const series = new Set(rounds.map((m) => seriesKeyOf(m)));
  if (series.size !== 1) return [];
  const model = rounds[0]!;
  const out: Mention[] = [];
  ctx.sentences.forEach((s, i) => {
    for (const hit of ctx.text.slice(s.start, s.end).matchAll(BARE_ROUND)) {
      const start = s.start + hit.index!;
      const span = spanOf(ctx.text, start, start + hit[0].length);
      if (found.some((m) => m.span.start < span.end && span.start < m.span.end)) continue;
      if (NOT_SERIES_AFTER.test(ctx.text.slice(span.end, s.end))) continue;
      out.push({ ...model, span, sentence: i, ordinal: ordinalOf(hit[1]!), hasDeterminer: true, date: mentionDate(ctx, i, span) });
    }
  });
  return out;
}

/**
 * Normalises series within the article: a generic noun with an ordinal ("their third talk") joins the
 * one counted specific series of its parties; a mention naming fewer parties than a sibling of the same noun
 * ("between the Foreign Office and France's ministry" beside "the UK and France") takes the fuller set.
 */
function normaliseSeries(mentions: Mention[]): void {
  const sameSet = (a: string[], b: string[]) => a.join('|') === b.join('|');
  for (const m of mentions) {
    if (!m.noun.generic) continue;
    const sameFamily = mentions.filter(
      (o) => !o.noun.generic && o.noun.family === m.noun.family && (sameSet(o.countries, m.countries) || m.countries.length === 0),
    );
    // Only a counted specific series ("their third video conference") can be what "their third talk" counts.
    const counted = new Set(sameFamily.filter((o) => o.ordinal !== undefined).map((o) => o.canonical));
    if (m.ordinal !== undefined && counted.size === 1) {
      m.canonical = [...counted][0]!;
      continue;
    }
    // A family noun ("the first debate", "Monday night's debate", "the debate") joins the one series of its
    // family the article names at all ("the presidential debate"); with several, only a counted one decides.
    if (m.noun.family === undefined) continue;
    const named = new Set(sameFamily.map((o) => o.canonical));
    if (named.size === 1) m.canonical = [...named][0]!;
  }
  const byNoun = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = byNoun.get(m.canonical);
    if (list) list.push(m);
    else byNoun.set(m.canonical, [m]);
  }
  for (const group of byNoun.values()) {
    const sets = group.map((m) => m.countries);
    const maximal = sets.filter((s) => !sets.some((o) => o.length > s.length && s.every((c) => o.includes(c))));
    const distinctMaximal = [...new Map(maximal.map((s) => [s.join('|'), s])).values()];
    group.forEach((m, idx) => {
      const supersets = distinctMaximal.filter((o) => m.countries.every((c) => o.includes(c)));
      if (supersets.length === 1) m.countries = supersets[0]!;
      else if (m.countries.length === 0) {
        // Several candidate series: the nearest earlier mention of the same noun decides.
        for (let j = idx - 1; j >= 0; j--) if (group[j]!.countries.length > 0) {
          m.countries = group[j]!.countries;
          break;
        }
      }
    });
  }
}

const seriesKeyOf = (m: { canonical: string; countries: string[] }) => `${m.canonical}|${m.countries.join(',')}`;

function overlaps(a: FuzzyDate | null | undefined, b: FuzzyDate | null | undefined): boolean {
  return !!a && !!b && a.start <= b.end && b.start <= a.end;
}

/** Text dates beat inferred ones; among equals, the narrowest. */
function bestDate(mentions: Mention[]): FuzzyDate | null {
  const dates = mentions.map((m) => m.date).filter((d): d is FuzzyDate => !!d);
  const rank = (d: FuzzyDate) => (d.source === 'TEXT' ? 0 : 1);
  const width = (d: FuzzyDate) => Date.parse(d.end) - Date.parse(d.start);
  return dates.sort((a, b) => rank(a) - rank(b) || width(a) - width(b))[0] ?? null;
}

function groupMeetings(mentions: Mention[]): Meeting[] {
  const meetings: Meeting[] = [];
  const newMeeting = (m: Mention): Meeting => {
    const meeting: Meeting = { seriesKey: seriesKeyOf(m), canonical: m.canonical, countries: m.countries, ordinal: m.ordinal, mentions: [m], date: null };
    meetings.push(meeting);
    return meeting;
  };
  for (const m of mentions.filter((x) => x.ordinal !== undefined)) {
    const found = meetings.find((x) => x.seriesKey === seriesKeyOf(m) && x.ordinal === m.ordinal);
    if (found) found.mentions.push(m);
    else newMeeting(m);
  }
  for (const m of meetings) m.date = bestDate(m.mentions);
  for (const m of mentions.filter((x) => x.ordinal === undefined && x.date)) {
    let found = meetings.find((x) => x.seriesKey === seriesKeyOf(m) && overlaps(x.date, m.date));
    if (!found && m.noun.family !== undefined) {
      // "tonight's debate" next to "the sixth Democratic debate": the series' one meeting, undated so far, when it has
      // no dated one and is named in the same or an adjacent sentence ("this weekend's debate" far from "our first
      // debate" of a season is another debate).
      const series = meetings.filter((x) => x.seriesKey === seriesKeyOf(m));
      const undated = series.filter(
        (x) => x.ordinal !== undefined && !x.date && x.mentions.some((y) => Math.abs(y.sentence - m.sentence) <= 1),
      );
      if (undated.length === 1 && series.every((x) => !x.date)) found = undated[0];
    }
    if (!found && m.noun.generic && m.date?.precision === 'DAY') {
      // "opened a second round of talks on Thursday … if Thursday's meeting made progress": a generic word for the
      // one meeting of that day whose parties it does not contradict is that meeting.
      const sameDay = meetings.filter(
        (x) => x.date?.precision === 'DAY' && x.date.start === m.date!.start && (m.countries.length === 0 || m.countries.join('|') === x.countries.join('|')),
      );
      if (sameDay.length === 1) found = sameDay[0];
    }
    if (found) {
      found.mentions.push(m);
      found.date ??= m.date ?? null;
    } else newMeeting(m).date = m.date ?? null;
  }
  // An undated mention without ordinal refers back to the nearest meeting of its series (else forward).
  for (const m of mentions.filter((x) => x.ordinal === undefined && !x.date)) {
    let target: Meeting | undefined;
    let bestDist = Infinity;
    for (const x of meetings) {
      if (x.seriesKey !== seriesKeyOf(m)) continue;
      for (const y of x.mentions) {
        // Earlier mentions win: a later one only counts when nothing of the series came before.
        const dist = y.span.start < m.span.start ? m.span.start - y.span.start : 1e9 + y.span.start - m.span.start;
        if (dist < bestDist) [bestDist, target] = [dist, x];
      }
    }
    if (target) target.mentions.push(m);
    else if (!m.noun.generic && m.hasDeterminer) newMeeting(m);
  }
  return meetings;
}

/** The meetings a series must have had between two known ordinals, dated strictly between their neighbours. */
function impliedMeetings(meetings: Meeting[]): Meeting[] {
  const out: Meeting[] = [];
  const bySeries = new Map<string, Meeting[]>();
  for (const m of meetings) {
    if (m.ordinal === undefined) continue;
    const list = bySeries.get(m.seriesKey);
    if (list) list.push(m);
    else bySeries.set(m.seriesKey, [m]);
  }
  for (const list of bySeries.values()) {
    list.sort((a, b) => a.ordinal! - b.ordinal!);
    for (let i = 1; i < list.length; i++) {
      const lo = list[i - 1]!;
      const hi = list[i]!;
      for (let k = lo.ordinal! + 1; k < hi.ordinal!; k++) {
        let date: FuzzyDate | null = null;
        if (lo.date && hi.date) {
          // Each meeting of a series takes at least a day: the k-th lies after lo and the ones between.
          const start = addDays(lo.date.end, k - lo.ordinal!);
          const end = addDays(hi.date.start, -(hi.ordinal! - k));
          if (start <= end) date = { start, end, precision: start === end ? 'DAY' : 'INTERVAL', source: 'INFERRED' };
        }
        out.push({ seriesKey: lo.seriesKey, canonical: lo.canonical, countries: lo.countries, ordinal: k, mentions: [], date, implied: true });
      }
    }
  }
  return out;
}

export function seriesName(canonical: string, countries: string[], otherNames: string[] = []): string {
  const parties = countries.length > 0 ? countries : [...new Set(otherNames)].sort();
  return parties.length > 0 ? `${parties.join('–')} ${canonical}` : canonical;
}

export function extractMeetings(ctx: EventContext): ExtractedEvent[] {
  const found = findMentions(ctx);
  normaliseSeries(found);
  // After the series are settled: a bare round counts in the one series its article counts in rounds.
  const mentions = [...found, ...bareRounds(ctx, found)].sort((a, b) => a.span.start - b.span.start);
  const meetings = groupMeetings(mentions);
  const all = [...meetings, ...impliedMeetings(meetings)];
  // Countries of a series resolve to the same actor keys in every meeting of it.
  const partyKeys = new Map<string, string[]>();
  const keysFor = (m: Meeting): string[] => {
    let keys = partyKeys.get(m.seriesKey);
    if (!keys) {
      const parties = [...mentions.flatMap((x) => (seriesKeyOf(x) === m.seriesKey ? x.parties : [])), ...ctx.parties.principal];
      keys = m.countries.flatMap((c) => {
        const p = parties.find((x) => x.country === c);
        return p ? [ctx.parties.actorKey(p)] : [];
      });
      partyKeys.set(m.seriesKey, keys);
    }
    return keys;
  };
  all.sort((a, b) => (a.seriesKey < b.seriesKey ? -1 : a.seriesKey > b.seriesKey ? 1 : (a.ordinal ?? 99) - (b.ordinal ?? 99)));
  return all.map((m) => {
    const others = [...new Set(m.mentions.flatMap((x) => x.otherParticipantKeys))];
    const otherNames = m.countries.length > 0 || NO_PARTIES_IN_NAME.has(m.canonical) ? [] : others.map((k) => ctx.actors.byKey(k)?.name ?? k);
    const series = seriesName(m.canonical, m.countries, otherNames);
    const name =
      m.ordinal !== undefined ? `${ordinalWord(m.ordinal)} ${series}` : m.date ? `${series} of ${normalizeDate(m.date)}` : series;
    return {
      key: ctx.key('ev'),
      kind: 'MEETING' as const,
      name,
      date: m.date,
      series: { name: series, ...(m.ordinal !== undefined ? { ordinal: m.ordinal } : {}) },
      participantKeys: [...new Set([...keysFor(m), ...others])],
      ...(m.implied ? { implied: true } : {}),
      mentions: m.mentions.map((x) => x.span).sort((a, b) => a.start - b.start),
    };
  });
}
