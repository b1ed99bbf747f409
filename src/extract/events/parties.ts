/**
 * The parties of an event: the countries (or other actors) that meet, collide or agree. News names them
 * by coordination ("the U.K. and France", "British and French defence officials", "the UK-France treaty",
 * "between the Foreign Office and France's defence ministry") and then refers back with "their" / "the two
 * sides". Country names are read from the shared country gazetteer (src/extract/countries.ts: data/lexicon/
 * countries.json and countries-world.json, also used by the actor stage), so a series is named the same way in
 * every article however the article spells the country ("U.K.", "UK", "United Kingdom", "British", "London").
 */
import type { ActorIndex } from '../actorIndex.js';
import organizationData from '../../../data/lexicon/organizations.json' with { type: 'json' };
import { COUNTRY_ENTRIES } from '../countries.js';
import type { ExtractedActor, Span } from '../../domain/types.js';
import { spanOf } from '../text.js';
import { hitsIn, phraseRegex } from './lexicon.js';

export interface PartyMention {
  span: Span;
  /** Canonical country name from the gazetteer. */
  country: string;
}

const FORM_TO_COUNTRY = new Map<string, string>();
/** Blocs that are parties as countries are ("EU–Canada talks"; organizations.json `party`): actors of their own kind. */
const BLOCS = new Set<string>();
for (const i of organizationData.institutions) {
  // "talks between the White House and the Kremlin": an executive body stands for its country, as a capital does
  // (organizations.json `representsCountry`); a bloc is a party of its own.
  const standsFor = 'representsCountry' in i && i.representsCountry ? i.country : undefined;
  const bloc = 'party' in i && i.party && !standsFor ? i.name : undefined;
  const party = standsFor ?? bloc;
  if (!party) continue;
  if (bloc) BLOCS.add(bloc);
  for (const f of [i.name, ...i.aliases]) FORM_TO_COUNTRY.set(f, party);
}
for (const c of COUNTRY_ENTRIES) {
  // Plural demonyms name the people ("Germans and Italians"); seats stand for governments ("Berlin").
  const plurals = c.demonyms.filter((d) => /[\p{Ll}]$/u.test(d)).map((d) => `${d}s`);
  for (const f of [c.name, ...c.aliases, ...c.demonyms, ...plurals, c.modifier, ...c.seats]) {
    FORM_TO_COUNTRY.set(f.replace(/’/g, "'"), c.name);
  }
}
// Case-sensitive: "US" is a country, "us" a pronoun.
const COUNTRY_RE = phraseRegex([...FORM_TO_COUNTRY.keys()], 'gu');
const MODIFIER_OF = new Map(COUNTRY_ENTRIES.map((c) => [c.name, c.modifier]));

/** How often a coordinated set must be named to be the article's principal parties — unless named in the opening. */
const MIN_PRINCIPAL_MENTIONS = 2;
/** The article's opening (headline and lede): parties named together there are what the story is about. */
const OPENING_CHARS = 500;

/** Separators that coordinate two parties: "X and Y", "X, Y", "X-Y", "both X and Y", "X and the Y", "X and the four Y countries". */
const COORDINATOR = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|[-–—/]\s*|,?\s*as well as\s+)(?:the\s+)?(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?$/i;

export function countryOfForm(form: string): string | undefined {
  return FORM_TO_COUNTRY.get(form.replace(/’/g, "'"));
}

/** The adjective an institution name uses ("French", "U.K."). */
export function modifierOf(country: string): string {
  return MODIFIER_OF.get(country) ?? country;
}

export class Parties {
  /** Every country named in the article, in text order. */
  readonly mentions: PartyMention[];
  /** Groups of country mentions joined by a coordinator, in text order. */
  readonly groups: PartyMention[][];
  /** The article's principal parties: the coordinated set named most often (ties: the earliest), if named twice or in the opening. */
  readonly principal: PartyMention[];
  private readonly resolved = new Map<string, string>();

  constructor(
    private readonly text: string,
    private readonly actors: ActorIndex,
  ) {
    this.mentions = hitsIn(COUNTRY_RE, text, 0, text.length).map((h) => ({
      span: spanOf(text, h.start, h.end),
      country: countryOfForm(h.text) ?? h.text,
    }));
    this.groups = this.coordinate();
    this.principal = this.mostFrequentGroup();
  }

  private coordinate(): PartyMention[][] {
    const groups: PartyMention[][] = [];
    let current: PartyMention[] = [];
    for (const m of this.mentions) {
      const prev = current[current.length - 1];
      if (prev && COORDINATOR.test(this.text.slice(prev.span.end, m.span.start)) && prev.country !== m.country) {
        current.push(m);
        continue;
      }
      if (current.length > 1) groups.push(current);
      current = [m];
    }
    if (current.length > 1) groups.push(current);
    return groups;
  }

  private mostFrequentGroup(): PartyMention[] {
    const counts = new Map<string, { n: number; group: PartyMention[] }>();
    for (const g of this.groups) {
      const k = countriesOf(g).join('|');
      const c = counts.get(k);
      if (c) c.n++;
      else counts.set(k, { n: 1, group: g });
    }
    let best: { n: number; group: PartyMention[] } | undefined;
    for (const c of counts.values()) if (!best || c.n > best.n) best = c;
    // Named together once, past the opening, is an aside ("strikes in Iraq and Syria" in a story on a truck attack
    // in France), not the story's parties: an event naming none of its own would get two countries it never involved.
    if (!best) return [];
    return best.n >= MIN_PRINCIPAL_MENTIONS || best.group[0]!.span.start < OPENING_CHARS ? best.group : [];
  }

  /** Country mentions inside [start, end) (binary search: mentions are in text order). */
  in(start: number, end: number): PartyMention[] {
    const out: PartyMention[] = [];
    for (let i = firstAtOrAfter(this.mentions, start, (m) => m.span.start); i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      if (m.span.start >= end) break;
      if (m.span.end <= end) out.push(m);
    }
    return out;
  }

  /**
   * The coordinated group inside [start, end) nearest to `at` (groups before `at` win ties). `maxAfter`: how far after
   * `at` a group may start (a meeting's parties follow it closely, "talks with Russia and Ukraine"; "its July summit in
   * Warsaw to order the deployment of … to Estonia, Latvia, Lithuania and Poland" names no parties of it).
   */
  groupNear(start: number, end: number, at: number, maxAfter = Infinity): PartyMention[] | undefined {
    let best: PartyMention[] | undefined;
    let bestDist = Infinity;
    for (let i = firstAtOrAfter(this.groups, start, (g) => g[0]!.span.start); i < this.groups.length; i++) {
      const g = this.groups[i]!;
      const gs = g[0]!.span.start;
      const ge = g[g.length - 1]!.span.end;
      if (gs >= end) break;
      if (ge > end) continue;
      if (ge > at && gs - at > maxAfter) continue;
      const dist = ge <= at ? at - ge : gs - at + 0.5;
      if (dist < bestDist) {
        bestDist = dist;
        best = g;
      }
    }
    return best;
  }

  /**
   * The actor key for a country mention: the country actor the actor stage found (directly, or as the
   * affiliation of the actor named there, e.g. "French official" → France), else one ensured now.
   */
  actorKey(m: PartyMention): string {
    const cached = this.resolved.get(m.country);
    if (cached) return cached;
    const country = BLOCS.has(m.country) ? this.findBlocActor(m) : this.findCountryActor(m);
    const key = country?.key ?? this.actors.ensure(m.span, BLOCS.has(m.country) ? 'ORGANIZATION' : 'COUNTRY', m.country).key;
    this.resolved.set(m.country, key);
    return key;
  }

  private findBlocActor(m: PartyMention): ExtractedActor | undefined {
    return this.actors.actors.find((a) => a.name === m.country);
  }

  private findCountryActor(m: PartyMention): ExtractedActor | undefined {
    const at = this.actors.actorAt(m.span.start, m.span.end);
    const chain = at ? this.affiliationChain(at) : [];
    const direct = chain.find((a) => isCountryActor(a) && this.sameCountry(a, m.country));
    if (direct) return direct;
    return this.actors.actors.find((a) => isCountryActor(a) && this.sameCountry(a, m.country));
  }

  private affiliationChain(a: ExtractedActor): ExtractedActor[] {
    const out: ExtractedActor[] = [a];
    let cur: ExtractedActor | undefined = a;
    for (let i = 0; i < 4 && cur?.affiliationKey; i++) {
      cur = this.actors.byKey(cur.affiliationKey);
      if (cur) out.push(cur);
    }
    return out;
  }

  private sameCountry(a: ExtractedActor, country: string): boolean {
    return [a.name, ...a.aliases].some((n) => countryOfForm(n.replace(/^the\s+/i, '')) === country);
  }

  /** The country an actor belongs to: named in its mention, or through its affiliations. */
  countryOfActor(a: ExtractedActor): string | undefined {
    for (const x of this.affiliationChain(a)) {
      for (const n of [x.name, ...x.aliases]) {
        const c = countryOfForm(n.replace(/^the\s+/i, ''));
        if (c) return c;
      }
      for (const s of x.mentions) {
        const inside = this.in(s.start, s.end);
        if (inside.length === 1) return inside[0]!.country;
      }
    }
    return undefined;
  }
}

/** Index of the first item whose position is >= `at` in a list sorted by position. */
function firstAtOrAfter<T>(list: readonly T[], at: number, pos: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos(list[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isCountryActor(a: ExtractedActor): boolean {
  return a.kind === 'COUNTRY' || a.kind === 'GOVERNMENT';
}

/** Distinct country names of a group, sorted: the normalised form series and incident names use. */
export function countriesOf(group: readonly PartyMention[]): string[] {
  return [...new Set(group.map((m) => m.country))].sort();
}
