/**
 * Where an event happened, read from the parse around each of its mentions (issue 10: an event's who, whom,
 * where and when): a place the event word names ("the New Hampshire primary", "Iowa's caucuses", "the Nice
 * attack"), a place after "in/at/near" on the event word or its verb ("the attack in Nice", "held a rally in
 * Des Moines"), or the place itself where a won or lost state stands for its vote ("won Missouri"). A place is
 * an entity the engine labels a place (data/lexicon/places.json), or words it labels a place elsewhere in the
 * article (it reads "the Nice attack" as an organisation's); organisations are never places ("the CNN debate").
 * One place per event and article: the one most of its mentions give (ties: the first given).
 */
import placeData from '../../../data/lexicon/places.json' with { type: 'json' };
import speechData from '../../../data/lexicon/speech-cues.json' with { type: 'json' };
import type { ParsedToken } from '../../nlp/types.js';
import { COUNTRY_ENTRIES } from '../countries.js';
import type { ActorIndex } from '../actorIndex.js';
import type { Syntax, TokenRange } from '../syntax.js';
import type { EventKind, ExtractedEvent, Span } from '../../domain/types.js';
import { spanOf } from '../text.js';
import type { EventContext } from './context.js';
import { samePlace } from './mentionGroups.js';

const PLACE_LABELS = new Set(placeData.entityLabels);
const PREPOSITIONS = new Set(placeData.prepositions);
const MODIFIER_DEPS = new Set(placeData.modifierDeps);
const POSSESSIVE_KINDS = new Set(placeData.possessiveKinds);
const PARTY_KINDS = new Set(placeData.partyKinds);
const SUBJECT_VERBS = new Set(placeData.subjectVerbs);
const OBJECT_VERBS = new Set(placeData.objectVerbs);
const SPEECH_VERBS = new Set(speechData.verbs);
const NOT_PLACE_ACTORS = new Set<string>(placeData.notPlaceActorKinds);
/** A country's every spelling → its gazetteer name ("U.S." → "United States"); capitals are places of their own. */
const COUNTRY_NAME = new Map(COUNTRY_ENTRIES.flatMap((c) => [c.name, ...c.aliases].map((f): [string, string] => [f.replace(/’/g, "'"), c.name])));

export interface EventPlace {
  /** The place's name, normalised ("United States" for "the U.S."). */
  name: string;
  /** The words it was read from. */
  span: Span;
}

/** A place's name: without "the" and a possessive "'s", a country by its gazetteer name. */
export function placeName(words: string): string {
  const bare = words
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/'s?$/, '');
  return COUNTRY_NAME.get(bare) ?? bare;
}

export class EventPlaces {
  /** Names of the words the engine labels a place anywhere in the article. */
  private readonly known: Set<string>;
  /** Names of the article's organisations and outlets (a company the engine may read as a place). */
  private readonly notPlaces: Set<string>;

  constructor(
    private readonly text: string,
    private readonly syntax: Syntax,
    private readonly actors: Pick<ActorIndex, 'actors' | 'actorsIn'>,
  ) {
    this.known = new Set(syntax.parse.entities.filter((e) => PLACE_LABELS.has(e.label)).map((e) => placeName(e.text)));
    this.notPlaces = new Set(
      actors.actors.filter((a) => NOT_PLACE_ACTORS.has(a.kind)).flatMap((a) => [a.name, ...a.aliases]).map((n) => placeName(n)),
    );
  }

  /**
   * The place the words at token `i` name (its entity, else its compound), if they name one. `before`: the event
   * word the words modify; an entity running over it is the event's name ("the Barents Sea Incidents Agreement"),
   * and only a known place at its start ("Barents Sea") is a place.
   */
  private placeAt(i: number, before?: number): EventPlace | undefined {
    const t = this.syntax.tok(i);
    const range: TokenRange | undefined = this.syntax.entityOf(i) ?? (t.pos === 'PROPN' || t.pos === 'ADJ' ? this.syntax.subtree(i, (k) => k.dep !== 'compound') : undefined);
    if (!range) return undefined;
    let { first, last } = range;
    if (before !== undefined && last >= before) {
      for (last = before - 1; last >= first; last--) {
        const { start, end } = this.syntax.chars({ first, last });
        if (this.known.has(placeName(this.text.slice(start, end)))) break;
      }
      if (last < first) return undefined;
    }
    // "Iowa's": the possessive marker is no part of the name; "the United States": nor is the article.
    while (last > first && (this.syntax.tok(last).dep === 'case' || this.syntax.tok(last).pos === 'PART')) last--;
    while (first < last && this.syntax.tok(first).pos === 'DET') first++;
    const { start, end } = this.syntax.chars({ first, last });
    const span = spanOf(this.text, start, end);
    const name = placeName(span.exact);
    if (!name || this.notPlaces.has(name)) return undefined;
    const labelled = PLACE_LABELS.has(t.ent);
    if (!labelled && !this.known.has(name)) return undefined;
    return { name, span };
  }

  /**
   * The place of an "in/at/near <place>" phrase on token `head`, or one level down when the phrase names a spot
   * in a place ("at a market in Kabul", "in the city of Nice").
   */
  private prepositional(head: number, nested = false): EventPlace | undefined {
    for (const p of this.syntax.kids(head, 'prep')) {
      const lemma = p.lemma.toLowerCase();
      if (!PREPOSITIONS.has(lemma) && !(nested && lemma === 'of')) continue;
      const obj = this.syntax.kid(p.i, 'pobj');
      if (!obj || this.listed(obj)) continue;
      const place = this.placeAt(obj.i) ?? (!nested && obj.pos === 'NOUN' ? this.prepositional(obj.i, true) : undefined);
      if (place) return place;
    }
    return undefined;
  }

  /** Whether a word heads a list joined by "and"/"or" ("primaries in Ohio, Illinois and Florida": several places, none the event's). */
  private listed(t: ParsedToken): boolean {
    const conjuncts = [t];
    for (let k = 0; k < conjuncts.length && k < 12; k++) conjuncts.push(...this.syntax.kids(conjuncts[k]!.i, 'conj'));
    return conjuncts.length > 1 && conjuncts.some((c) => this.syntax.kid(c.i, 'cc') !== undefined);
  }

  /** A place naming the event word ("the New Hampshire primary"), unless it names a party of it. */
  private modifier(head: ParsedToken, kind: EventKind, participantKeys: ReadonlySet<string>): EventPlace | undefined {
    for (const k of this.syntax.kids(head.i)) {
      if (k.i > head.i || !MODIFIER_DEPS.has(k.dep)) continue;
      if (k.dep === 'poss' && !POSSESSIVE_KINDS.has(kind)) continue;
      const place = this.placeAt(k.i, head.i);
      if (!place) continue;
      if (PARTY_KINDS.has(kind) && COUNTRY_NAME.has(place.name)) continue;
      if (this.actors.actorsIn(place.span.start, place.span.end).some((a) => participantKeys.has(a.key))) continue;
      return place;
    }
    return undefined;
  }

  /** The token of a mention that heads it: the last one whose head lies outside the mention. */
  private headOf(span: Span): ParsedToken | undefined {
    const first = this.syntax.tokenAt(span.start);
    let head: ParsedToken | undefined;
    for (let i = first; i < this.syntax.tokens.length && this.syntax.tok(i).start < span.end; i++) {
      const t = this.syntax.tok(i);
      const h = this.syntax.tok(t.head);
      if (t.head === t.i || h.start < span.start || h.start >= span.end) head = t;
    }
    return head;
  }

  /** The place one mention of the event gives, if any. */
  placeOf(mention: Span, event: Pick<ExtractedEvent, 'kind' | 'trigger' | 'participantKeys'>): EventPlace | undefined {
    const head = this.headOf(mention);
    if (!head) return undefined;
    // A won or lost place standing for its vote ("won Missouri"): the mention is the place itself.
    if (event.trigger !== undefined && PLACE_LABELS.has(head.ent)) {
      const place = this.placeAt(head.i);
      if (place && place.span.start === mention.start && place.span.end === mention.end) return place;
    }
    // "the first round of talks in Geneva": the place may hang on the noun the head counts.
    const of = this.syntax.kids(head.i, 'prep').find((p) => p.lemma.toLowerCase() === 'of');
    const counted = of ? this.syntax.kid(of.i, 'pobj') : undefined;
    const own =
      this.modifier(head, event.kind, new Set(event.participantKeys)) ??
      this.prepositional(head.i) ??
      (counted?.pos === 'NOUN' ? this.prepositional(counted.i) : undefined);
    if (own || head.pos === 'VERB') return own;
    // The verb that holds the event ("held a rally in Des Moines") or of its taking place ("the attack killed 84
    // people in Nice"); another verb's place is its own ("said in Boston", "in Toronto, critics denounced the rally").
    const verb = this.syntax.tok(head.head);
    const lemma = verb.lemma.toLowerCase();
    if (verb.pos !== 'VERB' || SPEECH_VERBS.has(lemma)) return undefined;
    const subject = (head.dep === 'nsubj' || head.dep === 'nsubjpass') && SUBJECT_VERBS.has(lemma);
    const object = head.dep === 'dobj' && OBJECT_VERBS.has(lemma);
    return subject || object ? this.prepositional(verb.i) : undefined;
  }
}

/**
 * Sets each event's place in this article: the place most of its mentions give (ties: the one given first).
 * Events of no mention with a place keep none.
 */
export function placeEvents(ctx: EventContext, syntax: Syntax, events: ExtractedEvent[]): void {
  const places = new EventPlaces(ctx.text, syntax, ctx.actors);
  for (const e of events) {
    const found = e.mentions.flatMap((m) => places.placeOf(m, e) ?? []).sort((a, b) => a.span.start - b.span.start);
    // "N.H. vote … the New Hampshire primary": two spellings of one place count together, under the full one.
    const count = (name: string) => found.filter((p) => samePlace(p.name, name)).length;
    const fullest = (p: EventPlace) => found.filter((q) => samePlace(q.name, p.name)).reduce((f, q) => (q.name.length > f.name.length ? q : f), p);
    const best = found.reduce<EventPlace | undefined>((b, p) => (!b || count(p.name) > count(b.name) ? p : b), undefined);
    if (best) e.place = fullest(best);
  }
}
