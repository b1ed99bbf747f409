/**
 * Counted claims about an incident: how many were killed ("deaths"), injured ("injured") or arrested ("arrested"), a
 * protest's crowd ("crowd") and an earthquake's magnitude. These are what sources disagree on most ("killing at least 142 people, officials said" / "the death toll
 * rose to 160, a health ministry official said" / "the U.S. Geological Survey put the magnitude at 7.0"); each is
 * a claim of whoever says it, kept side by side with the others. Number words and hedges are data
 * (data/lexicon/units.json); the patterns and the words around them are data too (data/lexicon/incidents.json,
 * `counts`).
 */
import incidentData from '../../../data/lexicon/incidents.json' with { type: 'json' };
import type { ExtractedActor, ExtractedClaim, ExtractedEvent, Span } from '../../domain/types.js';
import type { Syntax } from '../syntax.js';
import { spanOf } from '../text.js';
import { makeClaim } from './claims.js';
import type { EventContext } from './context.js';
import { phraseSource } from './lexicon.js';
import { HYPHENATED_NUMBER, NUMBER_WORDS, parseNumber } from './numbers.js';

// Not a number inside a compound or a date: "killed 40-year-old Terence", "killed 9/11 plotter"; "forty-three" is one.
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|${HYPHENATED_NUMBER}|${phraseSource([...NUMBER_WORDS.keys()].filter((w) => w !== 'a' && w !== 'an'))})(?![-–/]|\\.\\d)`;
/** Hedge words → how the number is bounded in the normalised value. */
const HEDGES: Array<[string, string]> = [
  ['at least|more than|over|just over|upwards of', '>='],
  ['about|around|approximately|roughly|some|an estimated|nearly|almost', '~'],
  ['up to|fewer than|less than|at most|no more than', '<='],
];
const HEDGE = `(?:(${HEDGES.map(([w]) => w).join('|')})\\s+)?`;
const counts = incidentData.counts;
const WHO = `(?:(?:${phraseSource(counts.victims)})\\s+)?`;
const BE = '(?:(?:were|was|are|have been|had been|has been)\\s+)?(?:(?:confirmed|reported|now|also)\\s+)?';

/** Each pattern: the attribute it claims and a regex whose groups are (hedge, number). */
const PATTERNS: Array<{ attribute: string; re: RegExp }> = [
  { attribute: 'deaths', re: new RegExp(`\\b(?:${phraseSource(counts.killVerbs)})\\s+${HEDGE}(${NUM})\\b`, 'giu') },
  { attribute: 'deaths', re: new RegExp(`\\b${HEDGE}(${NUM})\\s+${WHO}${BE}(?:${phraseSource(counts.deadWords)})\\b`, 'giu') },
  { attribute: 'deaths', re: new RegExp(`\\bdeath toll\\b[^.;]{0,60}?\\b(?:${phraseSource(counts.tollVerbs)})\\s+${HEDGE}(${NUM})\\b`, 'giu') },
  { attribute: 'injured', re: new RegExp(`\\b(?:${phraseSource(counts.injureVerbs)})\\s+${HEDGE}(${NUM})\\b`, 'giu') },
  { attribute: 'injured', re: new RegExp(`\\b${HEDGE}(${NUM})\\s+${WHO}${BE}(?:${phraseSource(counts.injuredWords)})\\b`, 'giu') },
  // How many took part, as the police and the organisers each count ("Police said about 25,000 people took part",
  // "the organisers put the crowd at 150,000"): for protests only (crowdEvents).
  { attribute: 'crowd', re: new RegExp(`\\b${HEDGE}(${NUM})\\s+(?:people|protesters|demonstrators|marchers)\\s+(?:${phraseSource(counts.crowdVerbs)})\\b`, 'giu') },
  { attribute: 'crowd', re: new RegExp(`\\b(?:put|estimated|put the crowd|estimated the crowd)\\s+(?:the\\s+)?(?:crowd|turnout|number)?\\s*at\\s+${HEDGE}(${NUM})\\b`, 'giu') },
  { attribute: 'crowd', re: new RegExp(`\\bcrowds?\\s+of\\s+${HEDGE}(${NUM})\\b`, 'giu') },
  // How many were arrested ("Forty-three people were arrested", "police detained 260").
  { attribute: 'arrested', re: new RegExp(`\\b${HEDGE}(${NUM})\\s+${WHO}${BE}(?:arrested|detained|taken into custody)\\b`, 'giu') },
  { attribute: 'arrested', re: new RegExp(`\\b(?:arrested|detained|arresting|detaining)\\s+${HEDGE}(${NUM})\\b`, 'giu') },
  // Not the value it was revised from ("revised the magnitude from 6.8").
  { attribute: 'magnitude', re: /\bmagnitude(?:\s+of)?(?:\s+[\p{L}]+){0,3}?(?<!\sfrom)\s+(?:at\s+)?()(\d(?:\.\d)?)\b/giu },
  { attribute: 'magnitude', re: /\b()(\d\.\d)[-\s]magnitude\b/giu },
  // …but the value it was revised to ("revised the magnitude from 6.8 to 6.9").
  { attribute: 'magnitude', re: /\bmagnitude\s+from\s+\d(?:\.\d)?\s+to\s+()(\d(?:\.\d)?)\b/giu },
];
/** Event words that have a magnitude. */
const MAGNITUDE_TRIGGERS = new Set(counts.magnitudeEvents);
/** Verbs by which a subject gives a figure of its own ("put the crowd at", "estimated the crowd at"). */
const ESTIMATING = new Set(['put', 'estimate', 'count', 'number']);
/** Event words that have a crowd. */
const CROWD_TRIGGERS = new Set(counts.crowdEvents);
/** How many sentences after an incident's mention still tell its counts ("Officials said 142 had been confirmed dead"). */
const FOLLOW_UP_SENTENCES = 3;

function boundOf(hedge: string | undefined): string {
  if (!hedge) return '';
  const h = hedge.toLowerCase().replace(/\s+/g, ' ');
  return HEDGES.find(([words]) => words.split('|').includes(h))?.[1] ?? '';
}

/**
 * The counted claims of the article's incidents. A count belongs to the incident whose mention is nearest in its
 * sentence, else to the incident mentioned last within FOLLOW_UP_SENTENCES before it (when no other incident was
 * mentioned in between).
 */
export function countClaims(ctx: EventContext, syntax: Syntax, events: ExtractedEvent[]): ExtractedClaim[] {
  const incidents = events.filter((e) => e.kind === 'INCIDENT');
  if (incidents.length === 0) return [];
  const mentions = incidents.flatMap((e) => e.mentions.map((m) => ({ event: e, span: m, sentence: ctx.sentenceIndexAt(m.start) })));
  const claims: ExtractedClaim[] = [];
  const seen = new Set<string>();
  ctx.sentences.forEach((s, i) => {
    const own = mentions.filter((m) => m.sentence === i);
    const earlier = mentions.filter((m) => m.sentence < i && m.sentence >= i - FOLLOW_UP_SENTENCES).sort((a, b) => b.span.start - a.span.start)[0];
    for (const { attribute, re } of PATTERNS) {
      for (const hit of s.exact.matchAll(re)) {
        const at = s.start + hit.index!;
        const span: Span = spanOf(ctx.text, at, at + hit[0].length);
        const n = parseNumber(hit[2]!);
        if (n === undefined) continue;
        const nearest = own.sort((a, b) => Math.abs(a.span.start - at) - Math.abs(b.span.start - at))[0] ?? earlier;
        if (!nearest) continue;
        const event = nearest.event;
        if (attribute === 'magnitude' && !MAGNITUDE_TRIGGERS.has(event.trigger ?? '')) continue;
        if (attribute === 'crowd' && !CROWD_TRIGGERS.has(event.trigger ?? '')) continue;
        const key = `${event.key}|${attribute}|${span.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // A magnitude keeps its tenth ("7.0"), so that equal claims compare equal however they are written.
        const value = attribute === 'magnitude' ? n.toFixed(1) : String(n);
        const claim = makeClaim(ctx, event.key, attribute, span, `${boundOf(hit[1])}${value}`);
        // Outside any statement, the subject who gives the figure claims it ("the organisers put the crowd at 150,000").
        if (!claim.sourceActorKey) {
          const counter = counterOf(ctx, syntax, span);
          if (counter) claim.sourceActorKey = counter.key;
        }
        claims.push(claim);
      }
    }
  });
  return claims.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The actor who gives a figure with a verb of estimating ("the organisers put the crowd at 150,000", "police estimated
 * the crowd at 12,000"): that verb's subject — an actor the article names there, else one made from the phrase.
 */
function counterOf(ctx: EventContext, syntax: Syntax, span: Span): ExtractedActor | undefined {
  const verb = syntax.within(span.start, span.end).find((t) => t.pos === 'VERB' && ESTIMATING.has(t.lemma.toLowerCase()));
  const subject = verb ? syntax.kid(verb.i, 'nsubj') : undefined;
  if (!subject) return undefined;
  const { start, end } = syntax.chars(syntax.subtree(subject.i));
  const known = ctx.actors.actorsIn(start, end)[0];
  if (known) return known;
  // Named by no actor yet: a name ("The Pensioners' Front put …") is an organisation, a description ("the
  // organisers") a source of this article.
  if (subject.pos !== 'NOUN' && subject.pos !== 'PROPN') return undefined;
  const phrase = ctx.text.slice(start, subject.end).replace(/^The\b/, 'the');
  const proper = subject.pos === 'PROPN' || /^\p{Lu}/u.test(subject.text);
  return ctx.actors.ensure(spanOf(ctx.text, start, subject.end), proper ? 'ORGANIZATION' : 'ANONYMOUS_SOURCE', proper ? phrase.replace(/^the\s+/i, '') : phrase);
}
