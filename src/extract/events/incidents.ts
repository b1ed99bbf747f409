/**
 * Incidents: a close encounter, near miss, crash or attack, usually described across several sentences
 * and by several sources. One incident per article per real event: mentions of one class on compatible
 * dates merge, and every source's claim about it (distance, date, purpose) is kept side by side.
 */
import nlp from 'compromise';
import incidentData from '../../../data/lexicon/incidents.json' with { type: 'json' };
import type { DateMention } from '../time.js';
import type { ExtractedClaim, ExtractedEvent, FuzzyDate, Span } from '../../domain/types.js';
import { spanOf } from '../text.js';
import { makeClaim } from './claims.js';
import { gapDays, normalizeDate } from '../../domain/dates.js';
import { combineDates, type EventContext } from './context.js';
import { findDistances } from './distances.js';
import { hasPhrase, hitsIn, phraseRegex, phraseSource, entryFor } from './lexicon.js';
import { countriesOf, type PartyMention } from './parties.js';

interface Cue {
  label: string;
  class: string;
  needsVehicle: boolean;
  phrases: string[];
}

const CUES: Cue[] = incidentData.cues;
const CUE_RE = phraseRegex(CUES.flatMap((c) => c.phrases));
const VEHICLE_RE = phraseRegex(incidentData.vehicles);
/** Vehicle word (lower case) → how it travels. */
const VEHICLE_MODE = new Map(Object.entries(incidentData.vehicleModes).flatMap(([mode, words]) => words.map((w) => [w.toLowerCase(), mode] as const)));
const HABITUAL_RE = phraseRegex(incidentData.habitual);
const PREVENTIVE_RE = phraseRegex(incidentData.preventive);
const PROXIMITY_RE = phraseRegex(incidentData.proximity);
const ANCHOR_RE = phraseRegex(incidentData.anchors);
const ANAPHORIC = new Set(incidentData.anaphoric.map((p) => p.toLowerCase()));
const NORMATIVE_BEFORE = new RegExp(`${phraseSource(incidentData.normative)}(?:\\s+[\\p{L}]+){0,2}\\s+$`, 'iu');
const NORMATIVE_START = new RegExp(`^${phraseSource(incidentData.normative)}`, 'iu');
/** A date possessive on the cue's phrase: "last week's collision", "Tuesday's crash". */
const POSSESSIVE_ON_CUE = /^['’]s\s+(?:[\p{L}\p{N}-]+\s+){0,2}$/u;
/** Ends the phrase an anchor word opens ("after takeoff, the plane crashed": the crash is not after-anything). */
const PHRASE_END = /[,;:()“”"]/u;
const PURPOSE_RE = /(?<![\p{L}])(?:(not)\s+)?to\s+(\p{Ll}+)/gu;
const PURPOSE_END = /[,;.:!?“”"()]|\s(?:and|but|saying|while|as)\s/u;
const NOT_PURPOSE_BEFORE = new Set(incidentData.purposeNotAfter.map((w) => w.toLowerCase()));
/** Sentences after a mention that may still carry its distance ("The aeroplanes were 10 to 20 miles apart."). */
const FOLLOW_UP_SENTENCES = 2;

interface Mention {
  sentence: number;
  cue: Cue;
  span: Span;
  date?: DateMention;
}

interface Draft {
  cls: string;
  label: string;
  mentions: Mention[];
  dates: FuzzyDate[];
}

function cueOf(text: string): Cue | undefined {
  return entryFor(CUES, (c) => c.phrases, text);
}

/** "the collision", "the February 4 collision": a definite noun cue, which can refer back to an incident told before. */
function definiteNoun(ctx: EventContext, hit: { start: number; text: string }, sentenceStart: number): boolean {
  if (!ANAPHORIC.has(hit.text.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'"))) return false;
  if (/^the\s/i.test(hit.text)) return true;
  return /(?<![\p{L}])the\s+(?:[\p{L}\p{N}.'’-]+\s+){0,3}$/iu.test(ctx.text.slice(Math.max(sentenceStart, hit.start - 40), hit.start));
}

/**
 * Cue hits of a sentence that describe one event: not habitual ("repeatedly"), not preventive ("to avoid crashes").
 * `told`: the classes of incidents the article has already told with their vehicle — a definite noun of one ("the
 * February 4 collision") refers back to it and needs no vehicle of its own.
 */
function mentionsIn(ctx: EventContext, i: number, told: ReadonlySet<string>): Mention[] {
  const s = ctx.sentences[i]!;
  const out: Mention[] = [];
  let vehicle: boolean | undefined; // only asked of sentences with a cue that needs one
  for (const hit of hitsIn(CUE_RE, ctx.text, s.start, s.end)) {
    const cue = cueOf(hit.text);
    if (!cue) continue;
    if (cue.needsVehicle && !(vehicle ??= hasPhrase(VEHICLE_RE, s.exact)) && !(told.has(cue.class) && definiteNoun(ctx, hit, s.start))) continue;
    const clause = ctx.clauseAround(hit.start);
    const before = ctx.text.slice(clause.start, hit.start);
    if (hasPhrase(HABITUAL_RE, ctx.text.slice(clause.start, clause.end)) || hasPhrase(PREVENTIVE_RE, before)) continue;
    out.push({ sentence: i, cue, span: spanOf(ctx.text, hit.start, hit.end) });
  }
  return out;
}

/**
 * True when an anchor word stands between an earlier date and the cue, opening a phrase that runs to the cue: the
 * date tells the time of another event, the incident is only its anchor ("held talks on Monday, after last week's
 * collision"; "on Tuesday signed an agreement …, a month after a collision").
 */
function anchoredAway(ctx: EventContext, d: DateMention, m: Mention): boolean {
  if (d.span.end > m.span.start) return false;
  const hits = hitsIn(ANCHOR_RE, ctx.text, d.span.end, m.span.start);
  const last = hits[hits.length - 1];
  return !!last && !PHRASE_END.test(ctx.text.slice(last.end, m.span.start));
}

/**
 * The date the sentence gives the incident: a date possessive on the cue ("last week's collision") first; else the
 * nearest to the cue that is not a speech date, not anchored elsewhere, and not cut off from the cue by an anchor.
 */
function incidentDate(ctx: EventContext, m: Mention): DateMention | undefined {
  const sStart = ctx.sentences[m.sentence]!.start;
  const dates = ctx.dates(m.sentence);
  const own = dates.find((d) => d.span.end <= m.span.start && POSSESSIVE_ON_CUE.test(ctx.text.slice(d.span.end, m.span.start)));
  if (own) return own;
  let best: DateMention | undefined;
  let bestDist = Infinity;
  for (const d of dates) {
    if (ctx.isSpeechDate(d, sStart) || ctx.isAnchoredElsewhere(d, sStart) || anchoredAway(ctx, d, m)) continue;
    const dist = d.span.start >= m.span.end ? d.span.start - m.span.end : m.span.start - d.span.end;
    if (dist < bestDist) {
      bestDist = dist;
      best = d;
    }
  }
  return best;
}

/** Joins a mention to a drafted incident of its class whose dates are compatible, or starts a new one. */
function group(mentions: Mention[], windowDays: number): Draft[] {
  const drafts: Draft[] = [];
  for (const m of mentions) {
    const sameClass = drafts.filter((d) => d.cls === m.cue.class);
    const d = m.date?.date;
    const target = d
      ? sameClass.find((x) => x.dates.every((y) => gapDays(y, d) <= windowDays))
      : sameClass[sameClass.length - 1];
    if (target) {
      target.mentions.push(m);
      if (d) target.dates.push(d);
      if (CUES.indexOf(m.cue) < CUES.findIndex((c) => c.label === target.label)) target.label = m.cue.label;
    } else {
      drafts.push({ cls: m.cue.class, label: m.cue.label, mentions: [m], dates: d ? [d] : [] });
    }
  }
  return drafts;
}

/** Purpose clauses after the cue: "to identify it", "not to scare it", "not to intimidate, but to identify the object". */
function purposes(ctx: EventContext, m: Mention): Array<{ span: Span; normalized: string }> {
  const s = ctx.sentences[m.sentence]!;
  const out: Array<{ span: Span; normalized: string }> = [];
  const tail = ctx.text.slice(m.span.end, s.end);
  for (const p of tail.matchAll(PURPOSE_RE)) {
    const at = m.span.end + (p.index ?? 0);
    const between = ctx.text.slice(m.span.end, at);
    // "close enough (for them) to get visual contact" is a degree, not a purpose.
    if (/\benough\b/i.test(m.span.exact + between)) continue;
    const prevWord = /([\p{L}]+)\W*$/u.exec(between)?.[1]?.toLowerCase() ?? '';
    if (NOT_PURPOSE_BEFORE.has(prevWord)) continue;
    const infinitive = verbInfinitive(p[2]!);
    if (!infinitive) continue;
    const rest = ctx.text.slice(at, s.end);
    const stop = PURPOSE_END.exec(rest.slice(p[0].length));
    const end = at + p[0].length + (stop ? stop.index : rest.length - p[0].length);
    out.push({ span: spanOf(ctx.text, at, end), normalized: `${p[1] ? 'not ' : ''}${infinitive}` });
  }
  return out;
}

/** The infinitive when `word` reads as a verb after "to" ("identify"), else undefined ("an", "each"). */
function verbInfinitive(word: string): string | undefined {
  // compromise parses a whole document per call; the answer depends on the word alone, so keep it.
  if (infinitives.has(word)) return infinitives.get(word);
  const verbs = nlp(`to ${word}`).verbs().json() as Array<{ verb?: { infinitive?: string } }>;
  const inf = verbs[0]?.verb?.infinitive;
  const out = inf ? inf.toLowerCase() : undefined;
  if (infinitives.size > 10_000) infinitives.clear(); // bounded for long-running ingests
  infinitives.set(word, out);
  return out;
}
const infinitives = new Map<string, string | undefined>();

/** Parties of the incident: the coordinated countries named in its sentences, else the article's principal parties. */
function partiesOf(ctx: EventContext, d: Draft): PartyMention[] {
  const found: PartyMention[] = [];
  for (const m of d.mentions) {
    const s = ctx.sentences[m.sentence]!;
    const g = ctx.parties.groupNear(s.start, s.end, m.span.start);
    if (g) found.push(...g);
  }
  return found.length > 0 ? found : ctx.parties.principal;
}

/** The modes of the vehicles named in the incident's mention sentences ("plane" → air, "trawler" → sea), sorted. */
const VEHICLE_CLASSES = new Set(incidentData.cues.filter((c) => c.needsVehicle).map((c) => c.class));

function vehiclesOf(ctx: EventContext, d: Draft): { vehicles?: string[] } {
  // Only for classes whose cues name a vehicle (a collision, a close encounter): an attack's sentence may name the
  // attackers' trucks or jets overhead, which say nothing about which attack it was.
  if (!VEHICLE_CLASSES.has(d.cls)) return {};
  const modes = new Set<string>();
  for (const i of new Set(d.mentions.map((m) => m.sentence))) {
    const s = ctx.sentences[i]!;
    for (const hit of hitsIn(VEHICLE_RE, ctx.text, s.start, s.end)) {
      const mode = VEHICLE_MODE.get(hit.text.toLowerCase());
      if (mode) modes.add(mode);
    }
  }
  return modes.size > 0 ? { vehicles: [...modes].sort() } : {};
}

export function extractIncidents(ctx: EventContext): { events: ExtractedEvent[]; claims: ExtractedClaim[] } {
  const mentions: Mention[] = [];
  const told = new Set<string>();
  for (let i = 0; i < ctx.sentences.length; i++) {
    for (const m of mentionsIn(ctx, i, told)) {
      told.add(m.cue.class);
      // One date per sentence: every cue of the sentence shares it.
      m.date = incidentDate(ctx, m);
      mentions.push(m);
    }
  }
  const drafts = group(mentions, incidentData.dateWindowDays);
  const mentionSentences = new Set(mentions.map((m) => m.sentence));
  const events: ExtractedEvent[] = [];
  const claims: ExtractedClaim[] = [];

  for (const d of drafts) {
    const key = ctx.key('ev');
    const parties = partiesOf(ctx, d);
    const countries = countriesOf(parties);
    const seen = new Set<string>();
    const add = (attribute: string, span: Span, normalized: string) => {
      const k = `${attribute}|${span.start}|${span.end}`;
      if (seen.has(k)) return;
      seen.add(k);
      claims.push(makeClaim(ctx, key, attribute, span, normalized));
    };
    const sentences = new Set(d.mentions.map((m) => m.sentence));
    for (const m of d.mentions) {
      if (m.date) add('date', m.date.span, normalizeDate(m.date.date));
      for (const p of purposes(ctx, m)) add('purpose', p.span, p.normalized);
      // Follow-up sentences that talk about the separation belong to this incident.
      for (let j = m.sentence + 1; j <= m.sentence + FOLLOW_UP_SENTENCES && j < ctx.sentences.length; j++) {
        if (mentionSentences.has(j)) break;
        if (hasPhrase(PROXIMITY_RE, ctx.sentences[j]!.exact)) sentences.add(j);
      }
    }
    for (const j of [...sentences].sort((a, b) => a - b)) {
      const s = ctx.sentences[j]!;
      for (const dist of findDistances(ctx.text, s.start, s.end)) {
        // "a minimum distance of two nautical miles between vessels": a rule's distance, not one the incident had.
        if (NORMATIVE_BEFORE.test(ctx.text.slice(Math.max(s.start, dist.span.start - 40), dist.span.start)) || NORMATIVE_START.test(dist.span.exact)) continue;
        // "4.6km from the runway, not 3km as first reported": a distance the source denies is none it claims.
        if (/\bnot\s+$/i.test(ctx.text.slice(Math.max(s.start, dist.span.start - 5), dist.span.start))) continue;
        add('distance', dist.span, dist.normalized);
      }
    }
    events.push({
      key,
      kind: 'INCIDENT',
      name: countries.length > 0 ? `${countries.join('–')} ${d.label}` : d.label,
      date: combineDates(d.dates),
      participantKeys: [...new Set(parties.map((p) => ctx.parties.actorKey(p)))],
      mentions: d.mentions.map((m) => m.span),
      ...vehiclesOf(ctx, d),
    });
  }
  // Claims in text order, whatever order the attributes were gathered in.
  claims.sort((a, b) => a.span.start - b.span.start || a.attribute.localeCompare(b.attribute));
  return { events, claims };
}
