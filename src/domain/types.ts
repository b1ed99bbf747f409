/**
 * The contract between extraction (pure, src/extract), resolution (stable ids across articles) and
 * loading (src/graph/load). Everything here is plain data: no Neo4j types, no I/O.
 *
 * Offsets are UTF-16 code-unit offsets into `ArticleInput.text` (what JavaScript's String#slice uses),
 * end-exclusive, so `text.slice(span.start, span.end) === span.exact` always holds.
 */

/** A W3C-Web-Annotation-style selector: position plus the exact quote, for re-checking. */
export interface Span {
  start: number;
  end: number;
  exact: string;
}

/** How much a date says. INTERVAL: only bounds are known ("between the first and third meeting"). */
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR' | 'INTERVAL';

/** Where a date came from: the text itself, the article's publication date, inference, or a curation file. */
export type DateSource = 'TEXT' | 'PUBLICATION' | 'INFERRED' | 'CURATED';

/**
 * A date honest about its precision. `start`/`end` are ISO calendar dates (YYYY-MM-DD), inclusive:
 * DAY → start === end; MONTH → first/last day of the month; INTERVAL → earliest/latest possible day.
 */
export interface FuzzyDate {
  start: string;
  end: string;
  precision: DatePrecision;
  source: DateSource;
  /** The words the date was read from ("on Wednesday", "Oct. 1"), when it came from text. */
  span?: Span;
}

export type ActorKind =
  | 'PERSON'
  | 'ORGANIZATION'
  | 'GOVERNMENT'
  | 'COUNTRY'
  | 'MEDIA_OUTLET'
  | 'ANONYMOUS_SOURCE'
  | 'GROUP';

export interface ExtractedActor {
  /** Local to the article (e.g. "a1"); resolution turns it into a global id. */
  key: string;
  /** Canonical display name: the fullest form seen ("William Hart"; "a senior defense official"). */
  name: string;
  kind: ActorKind;
  /** Every other surface form seen in this article ("Hart", "Defense Secretary William Hart"). */
  aliases: string[];
  /** Role / title as given by the text ("Defense Secretary", "spokesman for the U.N.-backed force"). */
  role?: string;
  /** Key of the actor this one belongs to (an official → a government; a spokesman → a ministry). */
  affiliationKey?: string;
  /** Every place the actor is named or referred to (pronoun back-off excluded). */
  mentions: Span[];
}

export type StatementKind = 'DIRECT' | 'INDIRECT';

export interface ExtractedStatement {
  key: string;
  speakerKey: string;
  /** The words attributed: the quote (split quotes joined with " … ") or the reported content. */
  text: string;
  kind: StatementKind;
  /** Lemma of the speech verb ("say", "tell", "claim", "describe"). */
  verb: string;
  /** When it was said, if the text says; otherwise null (the article date is not a said-date). */
  saidOn: FuzzyDate | null;
  /** Whom it was said to ("the Norwegian parliament", "reporters") when that is an actor. */
  audienceKey?: string;
  /** Intermediaries between speaker and article, nearest to the speaker first ("Kyodo", then …). */
  viaKeys: string[];
  /** The whole attribution: from the first quote mark / clause to the end of the attribution. */
  span: Span;
  /** The quoted or reported words themselves, one span per fragment of a split quote. */
  quoteSpans: Span[];
  /** Event keys (and actor keys) the statement is about, where the text makes that plain. */
  aboutKeys: string[];
}

export type EventKind = 'MEETING' | 'INCIDENT' | 'AGREEMENT' | 'AGREEMENT_MILESTONE' | 'CAMPAIGN' | 'OTHER';

export interface MeetingSeriesRef {
  /** Series name normalised from the text ("video conference" between the same parties). */
  name: string;
  /** 1 for "the first", 3 for "the third"; undefined when the text gives none. */
  ordinal?: number;
}

export interface ExtractedEvent {
  key: string;
  kind: EventKind;
  name: string;
  date: FuzzyDate | null;
  /** Meetings only. */
  series?: MeetingSeriesRef;
  participantKeys: string[];
  /** AGREEMENT_MILESTONE only: the agreement it is a milestone of and the status it records. */
  milestoneOf?: string;
  status?: 'IN_NEGOTIATION' | 'NEARING_COMPLETION' | 'SIGNED' | 'IN_IMPLEMENTATION';
  /** True when the event is implied (the second of a series the text never describes). */
  implied?: boolean;
  /**
   * The event word's lemma ("primary", "attack") for events read from the parse's open vocabulary
   * (src/extract/events/parsed.ts); resolution joins such events only to events of the same word.
   */
  trigger?: string;
  /** Where it happened, as this article says (the first mention's words of the place most mentions give). */
  place?: { name: string; span: Span };
  /** INCIDENT only: how the vehicles its sentences name travel (`vehicleModes` of incidents.json: air, sea, …), sorted. */
  vehicles?: string[];
  mentions: Span[];
}

/** What one source asserts about an event; conflicting claims are kept side by side. */
export interface ExtractedClaim {
  key: string;
  eventKey: string;
  /** "distance", "date", "purpose", … */
  attribute: string;
  /** The value as the text gives it ("10 to 20 miles"). */
  value: string;
  /** Machine-comparable form: distances as "min-max km" (e.g. "16.1-32.2 km"), dates as ISO. */
  normalized: string;
  /** The actor asserting it, when known (speaker), else undefined: the article itself asserts it. */
  sourceActorKey?: string;
  /** The statement that carries the claim, when it was part of one. */
  statementKey?: string;
  span: Span;
}

export interface ArticleInput {
  /** Stable id: the manifest id (file stem) or, for uploads, derived from the text's sha256. */
  id: string;
  text: string;
  outlet: string;
  title: string | null;
  /** ISO date YYYY-MM-DD. */
  publishedAt: string;
  url: string | null;
}

export interface ExtractedArticle {
  article: ArticleInput & { sha256: string };
  actors: ExtractedActor[];
  statements: ExtractedStatement[];
  events: ExtractedEvent[];
  claims: ExtractedClaim[];
}

/**
 * An extracted article after cross-article resolution: every local key (actor, statement, event,
 * claim) mapped to its global, stable id. Ids are derived from normalised content (see docs/graph-model.md),
 * so re-running the seed maps every key to the same id and MERGE changes nothing.
 */
export interface ResolvedArticle extends ExtractedArticle {
  ids: Record<string, string>;
}

/** What resolution needs to know about the graph already stored (fetched by the loader, read-only). */
export interface KnownGraph {
  actors: Array<{ id: string; name: string; kind: ActorKind; aliases: string[] }>;
  /** firstArticleId: the smallest id of the articles reporting it (the report whose content id is the statement's). */
  statements: Array<{ id: string; speakerId: string; text: string; saidOnStart: string | null; firstArticleId?: string }>;
  events: Array<{
    id: string;
    kind: EventKind;
    name: string;
    start: string | null;
    end: string | null;
    seriesName: string | null;
    ordinal: number | null;
    participantIds: string[];
    /** Where it happened, as the stored articles' place claims give it (the most articles' place); absent when none does. */
    place?: string | null;
    /** INCIDENT: the vehicle modes any stored article names for it (absent or empty when none does). */
    vehicles?: string[] | null;
  }>;
}
