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
import { hasPhrase, hitsIn, phraseRegex, entryFor } from './lexicon.js';
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
const HABITUAL_RE = phraseRegex(incidentData.habitual);
const PREVENTIVE_RE = phraseRegex(incidentData.preventive);
const PROXIMITY_RE = phraseRegex(incidentData.proximity);
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

/** Cue hits of a sentence that describe one event: not habitual ("repeatedly"), not preventive ("to avoid crashes"). */
function mentionsIn(ctx: EventContext, i: number): Mention[] {
  const s = ctx.sentences[i]!;
  const out: Mention[] = [];
  let vehicle: boolean | undefined; // only asked of sentences with a cue that needs one
  for (const hit of hitsIn(CUE_RE, ctx.text, s.start, s.end)) {
    const cue = cueOf(hit.text);
    if (!cue) continue;
    if (cue.needsVehicle && !(vehicle ??= hasPhrase(VEHICLE_RE, s.exact))) continue;
    const clause = ctx.clauseAround(hit.start);
    const before = ctx.text.slice(clause.start, hit.start);
    if (hasPhrase(HABITUAL_RE, ctx.text.slice(clause.start, clause.end)) || hasPhrase(PREVENTIVE_RE, before)) continue;
    out.push({ sentence: i, cue, span: spanOf(ctx.text, hit.start, hit.end) });
  }
  return out;
}

/** The date the sentence gives the incident: nearest to the cue, not a speech date, not anchored elsewhere. */
function incidentDate(ctx: EventContext, m: Mention): DateMention | undefined {
  const sStart = ctx.sentences[m.sentence]!.start;
  let best: DateMention | undefined;
  let bestDist = Infinity;
  for (const d of ctx.dates(m.sentence)) {
    if (ctx.isSpeechDate(d, sStart) || ctx.isAnchoredElsewhere(d, sStart)) continue;
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

export function extractIncidents(ctx: EventContext): { events: ExtractedEvent[]; claims: ExtractedClaim[] } {
  const mentions: Mention[] = [];
  for (let i = 0; i < ctx.sentences.length; i++) {
    for (const m of mentionsIn(ctx, i)) {
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
      for (const dist of findDistances(ctx.text, s.start, s.end)) add('distance', dist.span, dist.normalized);
    }
    events.push({
      key,
      kind: 'INCIDENT',
      name: countries.length > 0 ? `${countries.join('–')} ${d.label}` : d.label,
      date: combineDates(d.dates),
      participantKeys: [...new Set(parties.map((p) => ctx.parties.actorKey(p)))],
      mentions: d.mentions.map((m) => m.span),
    });
  }
  // Claims in text order, whatever order the attributes were gathered in.
  claims.sort((a, b) => a.span.start - b.span.start || a.attribute.localeCompare(b.attribute));
  return { events, claims };
}
