/**
 * Distances in news text, normalised to a kilometre range: "10 to 20 miles" → 16.1-32.2 km,
 * "2 or 3 kilometers (1.2 to 1.8 miles)" → 2.0-3.0 km (the parenthesis is a conversion, not a second
 * claim), "approximately two miles" → 2.9-3.5 km, "miles apart" → 3.2-32.2 km (a bare plural: at least
 * two units). Units, number words, vague quantities and hedges are data (data/lexicon/units.json).
 */
import unitData from '../../../data/lexicon/units.json' with { type: 'json' };
import { NUMBER_WORDS, parseNumber } from './numbers.js';
import { spanOf } from '../text.js';
import type { Span } from '../../domain/types.js';
import { phraseSource } from './lexicon.js';

export interface DistanceMention {
  /** The words of the distance, hedges and conversion included ("approximately two miles"). */
  span: Span;
  minKm: number;
  maxKm: number;
  /** "min-max km". */
  normalized: string;
  /** True for vague amounts ("a few miles", "miles apart"), whose bounds are conventions. */
  vague: boolean;
}

interface Unit {
  forms: string[];
  km: number;
}
interface Hedge {
  forms: string[];
  lowFactor: number;
  highFactor: number;
}

const UNITS: Unit[] = unitData.units;
const HEDGES: Hedge[] = unitData.hedges;
const VAGUE = unitData.vagueQuantities;
const PLURAL_UNIT_WORDS = new Set(
  UNITS.flatMap((u) => u.forms).filter((f) => f.length > 3 && /s$/.test(f) && f !== 'kms'),
);

const NUM = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${phraseSource([...NUMBER_WORDS.keys()])})`;
const UNIT = phraseSource(UNITS.flatMap((u) => u.forms));
const HEDGE = phraseSource(HEDGES.flatMap((h) => h.forms));
const HEDGE_RE = new RegExp(HEDGE, 'giu');
const VAGUE_Q = phraseSource(VAGUE.flatMap((v) => v.forms));
/** Abbreviations printed against the number ("4.6km", "5mi"); never the one-letter "m" ("3m" is three million). */
const GLUED = `(?:${UNITS.flatMap((u) => u.forms).filter((f) => /^[a-z]{2,3}$/.test(f)).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`;
const RANGE_SEP = `\\s*(?:to|or|and|-|–|—)\\s*`;

/**
 * within? hedge* (vague | num (sep num)? | between num and num)? -? unit (parenthesis)? (apart | of each other)?
 * The quantity is optional so a bare plural ("miles apart") is found; a bare singular never is.
 */
const DISTANCE_RE = new RegExp(
  `(?<within>\\bwithin\\s+)?(?<hedges>(?:${HEDGE}\\s+)*)` +
    `(?:(?<vague>${VAGUE_Q})(?:\\s+of)?\\s+|(?:between\\s+)?(?<a>${NUM})(?:${RANGE_SEP}(?<b>${NUM}))?(?:\\s*-\\s*|\\s+|(?=${GLUED}))|(?<=^|[\\s“"(]))` +
    `(?:(?<unit>${UNIT})|(?<=\\d)(?<glued>${GLUED}))` +
    `(?<tail>\\s+(?:apart|of each other|from each other|of one another|away))?`,
  'giu',
);

/** Words after a length that make it a size, altitude or range rather than a separation. */
const NOT_SEPARATION_AFTER = /^[\s-]*(?:high|tall|deep|long|wide|range|radius|altitude|in altitude|above|below|in length)\b/i;
const NOT_SEPARATION_BEFORE = /\b(?:at|altitude of|height of|depth of|cruising at|climbed to|descended to|at an altitude of|length of|range of)\s+$/i;

function unitKm(form: string): number | undefined {
  const f = form.toLowerCase();
  return UNITS.find((u) => u.forms.some((x) => x.toLowerCase() === f))?.km;
}

function hedgesIn(s: string): Hedge[] {
  const out: Hedge[] = [];
  for (const m of s.matchAll(HEDGE_RE)) {
    const h = HEDGES.find((x) => x.forms.some((f) => f.toLowerCase() === m[0].toLowerCase().replace(/\s+/g, ' ')));
    if (h) out.push(h);
  }
  return out;
}

/** Kilometres printed with one decimal (three significant digits below one km). */
export function formatKm(km: number): string {
  if (km === 0) return '0';
  return km >= 1 ? km.toFixed(1) : String(Number(km.toPrecision(2)));
}

export function normalizeKmRange(minKm: number, maxKm: number): string {
  return `${formatKm(minKm)}-${formatKm(maxKm)} km`;
}

interface Parsed {
  minKm: number;
  maxKm: number;
  vague: boolean;
}

function parseMatch(groups: Record<string, string | undefined>): Parsed | undefined {
  const g: Record<string, string | undefined> = { ...groups, unit: groups.unit ?? groups.glued };
  const km = unitKm(g.unit ?? '');
  if (km === undefined) return undefined;
  let lo: number;
  let hi: number;
  let vague = false;
  if (g.vague) {
    const v = VAGUE.find((x) => x.forms.some((f) => f.toLowerCase() === g.vague!.toLowerCase().replace(/\s+/g, ' ')));
    if (!v) return undefined;
    [lo, hi, vague] = [v.min, v.max, true];
  } else if (g.a) {
    const a = parseNumber(g.a);
    const b = g.b ? parseNumber(g.b) : a;
    if (a === undefined || b === undefined) return undefined;
    [lo, hi] = [Math.min(a, b), Math.max(a, b)];
  } else {
    // A bare unit counts only as a plural word form: "miles apart", not "mile" or "m".
    if (!PLURAL_UNIT_WORDS.has((g.unit ?? '').toLowerCase())) return undefined;
    [lo, hi, vague] = [unitData.barePlural.min, unitData.barePlural.max, true];
  }
  // Hedges widen a single value only: a range or a vague amount already is the writer's uncertainty
  // ("around just 10 to 20 miles" is 10 to 20 miles).
  if (lo === hi && !vague) {
    for (const h of hedgesIn(g.hedges ?? '')) [lo, hi] = [lo * h.lowFactor, hi * h.highFactor];
  }
  return { minKm: lo * km, maxKm: hi * km, vague };
}

/** Every distance in text[start, end), offsets into the whole text. */
export function findDistances(text: string, start = 0, end = text.length): DistanceMention[] {
  const out: DistanceMention[] = [];
  const slice = text.slice(start, end);
  let skipUntil = -1;
  for (const m of slice.matchAll(DISTANCE_RE)) {
    const g = m.groups ?? {};
    let s = start + (m.index ?? 0);
    let e = s + m[0].length;
    if (s < skipUntil) continue;
    const parsed = parseMatch(g);
    if (!parsed) continue;
    if (NOT_SEPARATION_AFTER.test(text.slice(e, e + 20)) || NOT_SEPARATION_BEFORE.test(text.slice(Math.max(0, s - 30), s))) continue;
    // "within" belongs to a vague distance ("within miles of each other"), not to a measured one.
    if (g.within && !parsed.vague) s += g.within.length;
    // A parenthesised conversion right after ("2 or 3 kilometers (1.2 to 1.8 miles)") is part of this claim.
    const paren = /^\s*\(([^()]{1,40})\)/.exec(text.slice(e, Math.min(end, e + 45)));
    if (paren && findDistances(paren[1]!).length > 0) {
      e += paren[0].length;
      skipUntil = e;
    }
    // The tail ("apart") may follow the parenthesis.
    const tail = g.tail ? '' : /^\s+(?:apart|of each other|from each other)\b/.exec(text.slice(e, Math.min(end, e + 20)))?.[0];
    if (tail) e += tail.length;
    out.push({
      span: spanOf(text, s, e),
      minKm: parsed.minKm,
      maxKm: parsed.maxKm,
      normalized: normalizeKmRange(parsed.minKm, parsed.maxKm),
      vague: parsed.vague,
    });
  }
  return out;
}
