/**
 * ResolvedArticle → the parameter rows of the load queries (pure, no Neo4j). Every local key is
 * replaced by its global id; rows are de-duplicated and sorted so a re-run sends identical parameters.
 */
import { normalizeDate } from '../domain/dates.js';
import { slugify } from '../domain/ids.js';
import type { ActorKind, EventKind, FuzzyDate, ResolvedArticle, Span } from '../domain/types.js';
import { rekeys, seriesRank } from '../resolve/events.js';

/** The nodes resolution may re-key to a canonical id (docs/graph-model.md, "Ids"). */
export type RekeyLabel = 'Actor' | 'Event' | 'Statement';

/** Kind → secondary label. An allow-list: labels cannot be query parameters unless we vouch for them. */
export const ACTOR_LABELS: Readonly<Record<ActorKind, string>> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  GOVERNMENT: 'Government',
  COUNTRY: 'Country',
  MEDIA_OUTLET: 'MediaOutlet',
  ANONYMOUS_SOURCE: 'AnonymousSource',
  GROUP: 'Group',
};

/** OTHER events carry only the Event label (setting it again is a no-op). */
export const EVENT_LABELS: Readonly<Record<EventKind, string>> = {
  MEETING: 'Meeting',
  INCIDENT: 'Incident',
  AGREEMENT: 'Agreement',
  AGREEMENT_MILESTONE: 'AgreementMilestone',
  CAMPAIGN: 'Campaign',
  OTHER: 'Event',
};

export class ResolutionGapError extends Error {
  override name = 'ResolutionGapError';
}

interface DateFields {
  start: string | null;
  end: string | null;
  precision: string | null;
  dateSource: string | null;
}

export interface SpanRow {
  start: number;
  end: number;
  exact: string;
}

export interface LoadRows {
  article: {
    id: string;
    outlet: string;
    title: string | null;
    publishedAt: string;
    url: string | null;
    sha256: string;
    text: string;
  };
  actors: Array<{ id: string; name: string; kind: ActorKind; label: string; aliases: string[]; role: string | null }>;
  actorMentions: Array<SpanRow & { actorId: string }>;
  affiliations: Array<{ fromId: string; toId: string; role: string | null }>;
  statements: Array<{ id: string; text: string; kind: string; verb: string } & DateFields>;
  said: Array<{ actorId: string; statementId: string }>;
  reportedIn: Array<SpanRow & { statementId: string; verb: string; quoteStarts: number[]; quoteEnds: number[] }>;
  via: Array<{ statementId: string; actorId: string; position: number }>;
  to: Array<{ statementId: string; actorId: string }>;
  aboutEvent: Array<{ statementId: string; eventId: string }>;
  aboutActor: Array<{ statementId: string; actorId: string }>;
  events: Array<
    { id: string; name: string; kind: EventKind; label: string; implied: boolean; ordinal: number | null; status: string | null } & DateFields
  >;
  eventMentions: Array<SpanRow & { eventId: string }>;
  participants: Array<{ actorId: string; eventId: string }>;
  series: Array<{ eventId: string; seriesId: string; seriesName: string; rank: number; ordinal: number | null }>;
  milestones: Array<{ milestoneId: string; agreementId: string }>;
  /** Date claims also carry the range they give and the article asserting them (the event's date is derived from these); place claims the article (its place is). */
  claims: Array<{ id: string; attribute: string; value: string; normalized: string; articleId: string | null; /** An article's own date for an event (what its date is derived from), not a claim the text makes. */ eventDate: boolean } & DateFields>;
  /** What each article says of an event besides its date: its name, ordinal, status, whether it is implied. */
  describedIn: Array<{ eventId: string; name: string; ordinal: number | null; status: string | null; implied: boolean; vehicles: string[] }>;
  /** Stored people, statements and events to re-key (or merge) into their canonical id before the article is written, sorted by `from`. */
  rekeys: Array<{ label: RekeyLabel; from: string; to: string }>;
  claimOn: Array<{ claimId: string; eventId: string }>;
  statedIn: Array<SpanRow & { claimId: string }>;
  claimedBy: Array<{ actorId: string; claimId: string }>;
  asserts: Array<{ statementId: string; claimId: string }>;
}

/** `series:<slug>`, unless resolution supplied one under `series:<eventKey>`. */
export function seriesIdFor(resolved: ResolvedArticle, eventKey: string, seriesName: string): string {
  return resolved.ids[`series:${eventKey}`] ?? `series:${slugify(seriesName)}`;
}

function dateFields(d: FuzzyDate | null): DateFields {
  if (!d) return { start: null, end: null, precision: null, dateSource: null };
  return { start: d.start, end: d.end || d.start, precision: d.precision, dateSource: d.source };
}

const NO_DATE: DateFields = { start: null, end: null, precision: null, dateSource: null };

/** The range an ISO date claim gives (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `start/end`), read from text. */
export function claimedRange(normalized: string): DateFields {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const [a, b] = normalized.split('/');
  if (b !== undefined) return a && day.test(a) && day.test(b) && a <= b ? { start: a, end: b, precision: 'INTERVAL', dateSource: 'TEXT' } : NO_DATE;
  if (day.test(normalized)) return { start: normalized, end: normalized, precision: 'DAY', dateSource: 'TEXT' };
  const month = /^(\d{4})-(\d{2})$/.exec(normalized);
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10);
    return { start: `${normalized}-01`, end: last, precision: 'MONTH', dateSource: 'TEXT' };
  }
  if (/^\d{4}$/.test(normalized)) return { start: `${normalized}-01-01`, end: `${normalized}-12-31`, precision: 'YEAR', dateSource: 'TEXT' };
  return NO_DATE;
}

function spanRow(s: Span): SpanRow {
  return { start: s.start, end: s.end, exact: s.exact };
}

/** Keeps the first row per key, then sorts by key: the same input always yields the same parameters. */
function uniqueBy<T>(rows: T[], key: (r: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) if (!seen.has(key(r))) seen.set(key(r), r);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

export function toLoadRows(resolved: ResolvedArticle): LoadRows {
  const { article } = resolved;
  const idOf = (key: string, what: string): string => {
    const id = resolved.ids[key];
    if (!id) throw new ResolutionGapError(`article ${article.id}: resolution gave no id for ${what} key "${key}"`);
    return id;
  };
  const eventKeys = new Set(resolved.events.map((e) => e.key));
  const actorKeys = new Set(resolved.actors.map((a) => a.key));
  const r: LoadRows = {
    article: {
      id: article.id,
      outlet: article.outlet,
      title: article.title ?? null,
      publishedAt: article.publishedAt,
      url: article.url ?? null,
      sha256: article.sha256,
      text: article.text,
    },
    actors: [], actorMentions: [], affiliations: [],
    statements: [], said: [], reportedIn: [], via: [], to: [], aboutEvent: [], aboutActor: [],
    events: [], eventMentions: [], participants: [], series: [], milestones: [],
    claims: [], claimOn: [], statedIn: [], claimedBy: [], asserts: [], describedIn: [], rekeys: [],
  };

  for (const a of resolved.actors) {
    const id = idOf(a.key, 'actor');
    const aliases = [...new Set(a.aliases)].filter((x) => x !== a.name).sort();
    r.actors.push({ id, name: a.name, kind: a.kind, label: ACTOR_LABELS[a.kind], aliases, role: a.role ?? null });
    for (const m of a.mentions) r.actorMentions.push({ actorId: id, ...spanRow(m) });
    if (a.affiliationKey) r.affiliations.push({ fromId: id, toId: idOf(a.affiliationKey, 'affiliation'), role: a.role ?? null });
  }

  for (const s of resolved.statements) {
    const id = idOf(s.key, 'statement');
    r.statements.push({ id, text: s.text, kind: s.kind, verb: s.verb, ...dateFields(s.saidOn) });
    r.said.push({ actorId: idOf(s.speakerKey, 'speaker'), statementId: id });
    r.reportedIn.push({
      statementId: id,
      ...spanRow(s.span),
      verb: s.verb,
      quoteStarts: s.quoteSpans.map((q) => q.start),
      quoteEnds: s.quoteSpans.map((q) => q.end),
    });
    s.viaKeys.forEach((k, position) => r.via.push({ statementId: id, actorId: idOf(k, 'via'), position }));
    if (s.audienceKey) r.to.push({ statementId: id, actorId: idOf(s.audienceKey, 'audience') });
    for (const k of s.aboutKeys) {
      if (eventKeys.has(k)) r.aboutEvent.push({ statementId: id, eventId: idOf(k, 'about') });
      else if (actorKeys.has(k)) r.aboutActor.push({ statementId: id, actorId: idOf(k, 'about') });
      else throw new ResolutionGapError(`article ${article.id}: statement "${s.key}" is about unknown key "${k}"`);
    }
  }

  for (const e of resolved.events) {
    const id = idOf(e.key, 'event');
    r.events.push({
      id,
      name: e.name,
      kind: e.kind,
      label: EVENT_LABELS[e.kind],
      implied: e.implied ?? false,
      ordinal: e.series?.ordinal ?? null,
      status: e.status ?? null,
      ...dateFields(e.date),
    });
    for (const m of e.mentions) r.eventMentions.push({ eventId: id, ...spanRow(m) });
    for (const k of e.participantKeys) r.participants.push({ actorId: idOf(k, 'participant'), eventId: id });
    if (e.series) {
      r.series.push({
        eventId: id,
        seriesId: seriesIdFor(resolved, e.key, e.series.name),
        seriesName: e.series.name,
        rank: seriesRank(e.series.name),
        ordinal: e.series.ordinal ?? null,
      });
    }
    if (e.milestoneOf) r.milestones.push({ milestoneId: id, agreementId: idOf(e.milestoneOf, 'agreement') });
    r.describedIn.push({ eventId: id, name: e.name, ordinal: e.series?.ordinal ?? null, status: e.status ?? null, implied: e.implied ?? false, vehicles: e.vehicles ?? [] });
  }

  // Each article's date for an event is a date claim asserted by the article (STATED_IN its words when it came
  // from text). An event whose article already makes its own date claims (an incident's per-source days) has those.
  const ownDateClaims = new Set(resolved.claims.filter((c) => c.attribute === 'date').map((c) => c.eventKey));
  for (const e of resolved.events) {
    if (!e.date || ownDateClaims.has(e.key)) continue;
    const normalized = normalizeDate(e.date);
    // Resolution supplies it (hashing the event's own content id); a hand-resolved article without one gets a readable one.
    const id = resolved.ids[`dateClaim:${e.key}`] ?? `claim:date:${article.id}:${idOf(e.key, 'event')}`;
    r.claims.push({ id, attribute: 'date', value: e.date.span?.exact ?? normalized, normalized, articleId: article.id, eventDate: true, ...dateFields(e.date) });
    r.claimOn.push({ claimId: id, eventId: idOf(e.key, 'event') });
    if (e.date.span) r.statedIn.push({ claimId: id, ...spanRow(e.date.span) });
  }

  // Each article's place for an event is a place claim asserted by the article, STATED_IN the words it was read from.
  for (const e of resolved.events) {
    if (!e.place) continue;
    const id = resolved.ids[`placeClaim:${e.key}`] ?? `claim:place:${article.id}:${idOf(e.key, 'event')}`;
    r.claims.push({ id, attribute: 'place', value: e.place.span.exact, normalized: e.place.name, articleId: article.id, eventDate: false, ...NO_DATE });
    r.claimOn.push({ claimId: id, eventId: idOf(e.key, 'event') });
    r.statedIn.push({ claimId: id, ...spanRow(e.place.span) });
  }

  for (const c of resolved.claims) {
    const id = idOf(c.key, 'claim');
    const range = c.attribute === 'date' ? claimedRange(c.normalized) : NO_DATE;
    r.claims.push({ id, attribute: c.attribute, value: c.value, normalized: c.normalized, articleId: range.start ? article.id : null, eventDate: false, ...range });
    r.claimOn.push({ claimId: id, eventId: idOf(c.eventKey, 'claim event') });
    r.statedIn.push({ claimId: id, ...spanRow(c.span) });
    if (c.sourceActorKey) r.claimedBy.push({ actorId: idOf(c.sourceActorKey, 'claim source'), claimId: id });
    if (c.statementKey) r.asserts.push({ statementId: idOf(c.statementKey, 'claim statement'), claimId: id });
  }

  return {
    article: r.article,
    actors: uniqueBy(r.actors, (x) => x.id),
    actorMentions: uniqueBy(r.actorMentions, (x) => `${x.actorId}\u0000${x.start}`),
    affiliations: uniqueBy(r.affiliations, (x) => `${x.fromId}\u0000${x.toId}`),
    statements: uniqueBy(r.statements, (x) => x.id),
    said: uniqueBy(r.said, (x) => `${x.actorId}\u0000${x.statementId}`),
    reportedIn: uniqueBy(r.reportedIn, (x) => x.statementId),
    via: uniqueBy(r.via, (x) => `${x.statementId}\u0000${x.position}\u0000${x.actorId}`),
    to: uniqueBy(r.to, (x) => `${x.statementId}\u0000${x.actorId}`),
    aboutEvent: uniqueBy(r.aboutEvent, (x) => `${x.statementId}\u0000${x.eventId}`),
    aboutActor: uniqueBy(r.aboutActor, (x) => `${x.statementId}\u0000${x.actorId}`),
    events: uniqueBy(r.events, (x) => x.id),
    eventMentions: uniqueBy(r.eventMentions, (x) => `${x.eventId}\u0000${x.start}`),
    participants: uniqueBy(r.participants, (x) => `${x.actorId}\u0000${x.eventId}`),
    series: uniqueBy(r.series, (x) => x.eventId),
    milestones: uniqueBy(r.milestones, (x) => `${x.milestoneId}\u0000${x.agreementId}`),
    claims: uniqueBy(r.claims, (x) => x.id),
    claimOn: uniqueBy(r.claimOn, (x) => `${x.claimId}\u0000${x.eventId}`),
    statedIn: uniqueBy(r.statedIn, (x) => x.claimId),
    claimedBy: uniqueBy(r.claimedBy, (x) => `${x.actorId}\u0000${x.claimId}`),
    asserts: uniqueBy(r.asserts, (x) => `${x.statementId}\u0000${x.claimId}`),
    describedIn: uniqueBy(r.describedIn, (x) => x.eventId),
    rekeys: [
      ...rekeys(resolved.ids, 'mergeActor:').map(([from, to]) => ({ label: 'Actor' as const, from, to })),
      ...rekeys(resolved.ids, 'mergeStatement:').map(([from, to]) => ({ label: 'Statement' as const, from, to })),
      ...rekeys(resolved.ids).map(([from, to]) => ({ label: 'Event' as const, from, to })),
    ],
  };
}
