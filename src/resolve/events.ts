/**
 * Event resolution across articles: the same meeting, incident, agreement or campaign reported by
 * several articles gets one stable id (docs/graph-model.md, "Ids").
 *
 * - Meetings: series + ordinal, else series + the same (or a uniquely containing) date.
 * - Incidents: the same class (proximity, impact, attack) + a shared participant (or none known) + dates
 *   within a window — "Saturday" in one article and "Sunday" in another are one incident.
 * - Agreements by normalised name; milestones by agreement + status + report date.
 * - Campaigns: the same kind and agent + overlapping start dates.
 * Matching reads only `known` (what is stored); with nothing stored, ids follow from content alone.
 */
import incidentData from '../../data/lexicon/incidents.json' with { type: 'json' };
import campaignData from '../../data/lexicon/campaigns.json' with { type: 'json' };
import meetingData from '../../data/lexicon/meetings.json' with { type: 'json' };
import agreementData from '../../data/lexicon/agreements.json' with { type: 'json' };
import { gapDays, normalizeDate } from '../domain/dates.js';
import { hash16, slugify } from '../domain/ids.js';
import type { ExtractedArticle, ExtractedEvent, FuzzyDate, KnownGraph } from '../domain/types.js';
import { ownActorIds } from './actors.js';

type KnownEvent = KnownGraph['events'][number];

/** Incidents this many days apart (or closer) can be one incident ("Saturday" vs "Sunday"). */
export const INCIDENT_WINDOW_DAYS = incidentData.dateWindowDays;
/** Campaigns are one when their dates overlap. */
export const CAMPAIGN_WINDOW_DAYS = 0;
const INCIDENT_CLASS = new Map(incidentData.cues.map((c) => [c.label, c.class]));
/** Cue label → class, in lookup order (what the known-graph read needs to test a class in Cypher). */
export const INCIDENT_CLASS_LABELS: Array<{ label: string; cls: string }> = [...INCIDENT_CLASS].map(([label, cls]) => ({ label, cls }));
const CAMPAIGN_LABELS = [...new Set(['military campaign', ...campaignData.objects.map((o) => o.label)])];

/** The longest label the name ends with ("France–United Kingdom close encounter" → "close encounter"). */
function suffixLabel(name: string, labels: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const l of labels) if (name.endsWith(l) && (!best || l.length > best.length)) best = l;
  return best;
}

export function incidentClass(name: string): string | undefined {
  const label = suffixLabel(name, INCIDENT_CLASS.keys());
  return label ? INCIDENT_CLASS.get(label) : undefined;
}

function knownRange(k: KnownEvent): { start: string; end: string } | null {
  return k.start ? { start: k.start, end: k.end ?? k.start } : null;
}

function sharesParticipant(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

/** Series named by their noun alone ("Republican debate"): the name says which series it is in any article. */
const SELF_NAMED_SERIES = new Set(meetingData.nouns.filter((n) => n.partiesInName === false && !n.generic).map((n) => n.canonical));

/** Series id: named by its parties (or by a self-naming noun); any other series is only known within its article. */
function seriesSlug(e: ExtractedEvent, articleId: string): string {
  const base = slugify(e.series!.name);
  return e.participantKeys.length > 0 || SELF_NAMED_SERIES.has(e.series!.name) ? base : `${base}-${slugify(articleId)}`;
}

/** Why an event joined a stored event, got a fresh id, or was kept apart from a stored one (resolveEvents' decision list). */
export type EventDecisionReason =
  | 'SAME_SERIES_ORDINAL'
  | 'SAME_DAY'
  | 'UNIQUE_CONTAINING_INTERVAL'
  | 'UNIQUE_CONTAINED_DAY'
  | 'SEVERAL_CANDIDATES'
  | 'ORDINAL_MISMATCH'
  | 'PARTICIPANT_MISMATCH'
  | 'PLACE_MISMATCH'
  | 'VEHICLE_MISMATCH'
  | 'DATE_OUTSIDE_WINDOW'
  | 'SAME_CLASS_WITHIN_WINDOW'
  | 'SAME_NAME'
  | 'SAME_LABEL_OVERLAPPING'
  | 'NO_CANDIDATE'
  | 'ONLY_MEETING_OF_SERIES'
  | 'CONTENT_ID';

export interface EventDecision {
  /** The article's local event key and name. */
  eventKey: string;
  name: string;
  kind: ExtractedEvent['kind'];
  /** MERGE: joins the stored event `storedId`; REFUSE: kept apart from `storedId`; NEW: nothing stored to join. */
  outcome: 'MERGE' | 'REFUSE' | 'NEW';
  reason: EventDecisionReason;
  /** The id the event gets (canonical: the best of its own content id and the stored ids it joins). */
  id: string;
  storedId?: string;
  detail?: string;
}

/**
 * Canonical-id rank (lower is better): the id's last segment says how it was formed. A series ordinal
 * (`…:3`) beats a day (`…:2015-10-14`), a day a month, a month a year, a year an interval; an article-local
 * or undated id is last. Ties: the lexicographically smaller id. The best id of a set of candidates does not
 * depend on the order they arrive in, so neither does the id of a node that several articles build.
 */
export function idRank(id: string): number {
  const last = id.slice(id.lastIndexOf(':') + 1);
  if (/^\d{1,3}$/.test(last)) return 0;
  if (/^\d{4}-\d{2}-\d{2}$/.test(last)) return 1;
  if (/^\d{4}-\d{2}$/.test(last)) return 2;
  if (/^\d{4}$/.test(last)) return 3;
  if (/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(last)) return 4;
  return 5;
}

/** Slugs of generic meeting nouns ("talks", "meeting"): a series named by one says less than "video conference". */
const GENERIC_SERIES_SLUGS = meetingData.nouns.filter((n) => n.generic).map((n) => slugify(n.canonical));
function genericSeries(id: string): boolean {
  const parts = id.split(':');
  const seriesSlug = parts.length >= 4 ? parts[parts.length - 2]! : '';
  return GENERIC_SERIES_SLUGS.some((g) => seriesSlug === g || seriesSlug.endsWith(`-${g}`));
}

/** The better of two ids by idRank, then a specific series over a generic one, then lexicographically. */
export function betterId(a: string, b: string): string {
  const ra = idRank(a);
  const rb = idRank(b);
  if (ra !== rb) return ra < rb ? a : b;
  const ga = genericSeries(a);
  if (ga !== genericSeries(b)) return ga ? b : a;
  return a <= b ? a : b;
}

interface Match {
  /** The event's own id, from its content alone (what it gets with nothing stored). */
  own: string;
  /** Stored events it is the same as (more than one: the article bridges them). */
  joined: Array<{ id: string; reason: EventDecisionReason; detail?: string }>;
  /** Stored events considered and kept apart. */
  refused: Array<{ id: string; reason: EventDecisionReason; detail?: string }>;
}

const MEETING_NOUNS = [...meetingData.nouns].sort((a, b) => b.canonical.length - a.canonical.length);
/** The lexicon's order, which ranks series (seriesRank); the noun itself is found longest first (seriesParts). */
const MEETING_NOUNS_IN_ORDER = meetingData.nouns;

/** "Russia–United States video conference" → its parties and its noun (generic: "talks", "meeting"). */
function seriesParts(name: string): { parties: string; canonical: string; generic: boolean; remote: boolean } | undefined {
  const noun = MEETING_NOUNS.find((n) => name === n.canonical || name.endsWith(` ${n.canonical}`));
  return noun
    ? { parties: name.slice(0, name.length - noun.canonical.length).trim(), canonical: noun.canonical, generic: !!noun.generic, remote: 'remote' in noun && !!noun.remote }
    : undefined;
}

/**
 * How a series ranks when one meeting is filed under several (lower first): specific nouns in the meeting lexicon's
 * order ("video conference" before "teleconference"), then generic ones ("talks"), then names of no lexicon noun.
 */
export function seriesRank(name: string): number {
  const parts = seriesParts(name);
  const noun = parts ? MEETING_NOUNS_IN_ORDER.findIndex((n) => n.canonical === parts.canonical) : -1;
  if (noun < 0) return 2 * MEETING_NOUNS_IN_ORDER.length;
  return (parts!.generic ? MEETING_NOUNS_IN_ORDER.length : 0) + noun;
}

/**
 * The series a meeting reported under two series words is shown in: the better seriesRank ("video conference"
 * over "teleconference" over "talks"), then the first by name — as the graph chooses (graph/series.ts), whatever
 * the order the reports came in.
 */
export function preferredSeriesName(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  const [ra, rb] = [seriesRank(a), seriesRank(b)];
  if (ra !== rb) return ra < rb ? a : b;
  return a <= b ? a : b;
}

/**
 * Whether two series can hold the same meeting although their names differ: the same parties (or one names
 * none) and the same noun, or one noun is generic ("their third round of talks" is the third video conference
 * of the same parties), or both name a meeting held at a distance (meetings.json `remote`). Two other specific nouns
 * ("summit", "video conference") are two series.
 */
function seriesCompatible(a: string, b: string): boolean {
  const x = seriesParts(a);
  const y = seriesParts(b);
  if (!x || !y) return false;
  const sameParties = x.parties === y.parties || x.parties === '' || y.parties === '';
  if (!sameParties) return false;
  if (x.canonical === y.canonical) return x.parties !== y.parties;
  // A generic noun needs the parties named on both sides: "the talks of Wednesday" alone could be any talks; so do two
  // words for one meeting held at a distance ("the latest teleconference" / "the third video conference").
  return (x.generic || y.generic || (x.remote && y.remote)) && x.parties !== '' && x.parties === y.parties;
}

/**
 * Two series compatible only because both words name a meeting held at a distance ("teleconference" / "video
 * conference"): each counts its own meetings ("the second phone call" is not the second video conference), so only
 * the same day ties them.
 */
function remoteOnly(a: string, b: string): boolean {
  const [x, y] = [seriesParts(a), seriesParts(b)];
  return !!x && !!y && x.canonical !== y.canonical && !x.generic && !y.generic && x.remote && y.remote;
}

/**
 * When nothing of the event's own series matched: the one stored meeting of a compatible series (see
 * seriesCompatible) with the same ordinal, else on the same day, else — for a report with neither — the only
 * meeting that series has. Several fits join none (SEVERAL_CANDIDATES).
 */
function acrossSeries(e: ExtractedEvent, known: KnownEvent[], already: ReadonlySet<string>): Pick<Match, 'joined' | 'refused'> {
  if (e.implied) return { joined: [], refused: [] };
  const series = e.series!;
  const d = e.date;
  const compatible = known.filter((k) => k.kind === 'MEETING' && k.seriesName !== null && k.seriesName !== series.name && seriesCompatible(series.name, k.seriesName));
  const detail = (k: KnownEvent) => `${k.seriesName === series.name ? 'same' : 'across'} series: ${k.seriesName}`;
  const joined: Match['joined'] = [];
  const refused: Match['refused'] = [];
  // Each thing the report says (its ordinal, its day) may tie it to one stored meeting; a report saying both
  // can bridge two stored nodes ("the third talks" and "Wednesday's video conference").
  // A specific report (a video conference) ties to every compatible series' one meeting of its day: they are the
  // one meeting stored under other words. A generic report ("talks") could be any of several specific meetings of
  // that day, so it ties only to exactly one fit; likewise an ordinal or an undated report.
  const parts = seriesParts(series.name);
  // A generic noun, or a report naming no parties ("the video conference on Wednesday"), could be any of several
  // meetings of that day: exactly one fit, else none.
  const generic = (parts?.generic ?? false) || (parts?.parties ?? '') === '';
  const tie = (fits: KnownEvent[], reason: EventDecisionReason) => {
    const fresh = fits.filter((k) => !already.has(k.id));
    const oneEach = reason === 'SAME_DAY' && !generic ? new Set(fits.map((k) => k.seriesName)).size === fits.length : fits.length === 1;
    if (oneEach) for (const k of fresh) joined.push({ id: k.id, reason, detail: detail(k) });
    else for (const k of fresh) refused.push({ id: k.id, reason: 'SEVERAL_CANDIDATES', detail: detail(k) });
  };
  const sameDay = (k: KnownEvent) => !!d && d.precision === 'DAY' && k.start === d.start && (k.end ?? k.start) === d.end;
  // A generic series numbered on its own in the graph ("the first round of talks", "the second round of talks")
  // is a series of its own, not another name for a specific one: neither its ordinals nor its days reach across.
  const numberedApart = (name: string, ordinal: number | null | undefined) =>
    known.some((k) => k.kind === 'MEETING' && k.seriesName === name && k.ordinal !== null && k.ordinal !== ordinal);
  const ownSeries = (k: KnownEvent) => {
    const genericSide = generic ? series.name : seriesParts(k.seriesName!)?.generic ? k.seriesName! : undefined;
    return genericSide !== undefined && numberedApart(genericSide, series.ordinal ?? k.ordinal);
  };
  for (const k of compatible.filter(ownSeries)) refused.push({ id: k.id, reason: 'SEVERAL_CANDIDATES', detail: `${detail(k)}: a numbered series of its own` });
  const linkable = compatible.filter((k) => !ownSeries(k));
  // Ordinals and the only-meeting rule reach across a remote-only pair no further than the day does.
  const countable = linkable.filter((k) => !remoteOnly(series.name, k.seriesName!));
  if (series.ordinal !== undefined) {
    const byOrdinal = countable.filter((k) => k.ordinal === series.ordinal);
    // The same position in the series on another day is another meeting.
    const datedElsewhere = byOrdinal.filter((k) => d?.precision === 'DAY' && k.start !== null && k.start === (k.end ?? k.start) && !sameDay(k));
    for (const k of datedElsewhere) refused.push({ id: k.id, reason: 'DATE_OUTSIDE_WINDOW', detail: `${detail(k)}, ${k.start} vs ${d!.start}` });
    tie(byOrdinal.filter((k) => !datedElsewhere.includes(k)), 'SAME_SERIES_ORDINAL');
  }
  if (d?.precision === 'DAY') {
    // A numbered stored meeting with another ordinal is another meeting, whatever its day.
    tie(linkable.filter((k) => sameDay(k) && (series.ordinal === undefined || k.ordinal === null || k.ordinal === series.ordinal)), 'SAME_DAY');
  }
  if (!d && series.ordinal === undefined) {
    // Undated and unnumbered ("the Russia–United States video conference"): joins only when its own series and the
    // compatible ones hold exactly one meeting between them; anything more is several candidates.
    tie([...known.filter((k) => k.kind === 'MEETING' && k.seriesName === series.name), ...countable], 'ONLY_MEETING_OF_SERIES');
  }
  return { joined, refused };
}

function meetingMatch(e: ExtractedEvent, known: KnownEvent[], articleId: string): Match {
  const m = meetingInSeries(e, known, articleId);
  const across = acrossSeries(e, known, new Set(m.joined.map((j) => j.id)));
  return { own: m.own, joined: [...m.joined, ...across.joined], refused: [...m.refused, ...across.refused] };
}

function meetingInSeries(e: ExtractedEvent, known: KnownEvent[], articleId: string): Match {
  const series = e.series!;
  const base = `event:meeting:${seriesSlug(e, articleId)}`;
  const sameSeries = known.filter((k) => k.kind === 'MEETING' && k.seriesName === series.name);
  const joined: Match['joined'] = [];
  const refused: Match['refused'] = [];
  const d = e.date;
  if (series.ordinal !== undefined) {
    const own = `${base}:${series.ordinal}`;
    for (const k of sameSeries) {
      if (k.ordinal === series.ordinal) joined.push({ id: k.id, reason: 'SAME_SERIES_ORDINAL' });
    }
    // Stored from an article that dated it but did not number it: the same day, or (for an implied meeting,
    // known only as an interval) the one unnumbered meeting dated inside the interval.
    const unnumbered = sameSeries.filter((k) => k.ordinal === null && k.start !== null);
    if (d?.precision === 'DAY' && !e.implied) {
      for (const k of unnumbered) {
        if (k.start === d.start && (k.end ?? k.start) === d.end) joined.push({ id: k.id, reason: 'SAME_DAY', detail: d.start });
      }
    } else if (d) {
      const inside = unnumbered.filter((k) => k.start === (k.end ?? k.start) && d.start <= k.start! && k.start! <= d.end);
      if (inside.length === 1) joined.push({ id: inside[0]!.id, reason: 'UNIQUE_CONTAINED_DAY', detail: `${d.start}/${d.end}` });
      else for (const k of inside) refused.push({ id: k.id, reason: 'SEVERAL_CANDIDATES', detail: `${inside.length} unnumbered meetings inside ${d.start}/${d.end}` });
    }
    for (const k of sameSeries) {
      if (k.ordinal !== null && k.ordinal !== series.ordinal && d?.precision === 'DAY' && k.start === d.start && (k.end ?? k.start) === d.end) {
        refused.push({ id: k.id, reason: 'ORDINAL_MISMATCH', detail: `stored ordinal ${k.ordinal}, this one ${series.ordinal}` });
      }
    }
    return { own, joined, refused };
  }
  if (d) {
    const own = `${base}:${normalizeDate(d)}`;
    const sameDay = sameSeries.filter((k) => k.start === d.start && (k.end ?? k.start) === d.end);
    // Two numbered meetings on one day are two meetings: an unnumbered report of that day is neither.
    const numbered = new Set(sameDay.map((k) => k.ordinal).filter((o) => o !== null));
    if (sameDay.length > 0 && numbered.size <= 1) {
      for (const k of sameDay) joined.push({ id: k.id, reason: 'SAME_DAY', detail: d.start });
      return { own, joined, refused };
    }
    for (const k of sameDay) refused.push({ id: k.id, reason: 'SEVERAL_CANDIDATES', detail: `${numbered.size} numbered meetings on ${d.start}` });
    if (sameDay.length > 0) return { own, joined, refused };
    // A day inside exactly one stored meeting's interval ("the second", implied) is that meeting.
    const containing = sameSeries.filter((k) => k.start !== null && k.start <= d.start && d.end <= (k.end ?? k.start));
    if (containing.length === 1) joined.push({ id: containing[0]!.id, reason: 'UNIQUE_CONTAINING_INTERVAL', detail: `${containing[0]!.start}/${containing[0]!.end}` });
    else for (const k of containing) refused.push({ id: k.id, reason: 'SEVERAL_CANDIDATES', detail: `${containing.length} stored meetings contain ${normalizeDate(d)}` });
    if (containing.length > 0) return { own, joined, refused };
    // …and the other way round, so that either order of the two reports gives one meeting: a wider report ("last
    // week's debate") is the one stored meeting of its series dated inside it.
    const inside = sameSeries.filter((k) => k.start !== null && d.start <= k.start && (k.end ?? k.start) <= d.end);
    if (inside.length === 1) joined.push({ id: inside[0]!.id, reason: 'UNIQUE_CONTAINED_DAY', detail: normalizeDate(d) });
    else for (const k of inside) refused.push({ id: k.id, reason: 'SEVERAL_CANDIDATES', detail: `${inside.length} stored meetings inside ${normalizeDate(d)}` });
    return { own, joined, refused };
  }
  return { own: `${base}:${slugify(articleId)}-${slugify(e.name)}`, joined, refused };
}

/**
 * Incidents: the same class, no participant conflict, dates at most INCIDENT_WINDOW_DAYS apart. When either side is
 * undated, nothing bounds it in time, so the two must share a participant (no participants on either side is no
 * evidence: "a crash" with no date and no parties could be any crash), and an undated report joins only the one
 * stored incident that fits. A dated report joins every stored incident that fits — it shows them to be one — so
 * which node a report joins does not depend on which reports came first.
 */
function incidentMatch(e: ExtractedEvent, known: KnownEvent[], participantIds: string[], articleId: string): Match {
  const cls = incidentClass(e.name);
  // An interval keeps its interval in the id ("…:2025-02-03/2025-02-09"): its first day is no day the incident had.
  const own = `event:incident:${slugify(e.name)}:${e.date ? normalizeDate(e.date) : slugify(articleId)}`;
  const refused: Match['refused'] = [];
  const fits: Array<{ id: string; gap: number }> = [];
  for (const k of known) {
    if (k.kind !== 'INCIDENT' || incidentClass(k.name) !== cls) continue;
    const apart = keptApart({ participantIds, place: e.place?.name, vehicles: e.vehicles }, k);
    if (apart) {
      refused.push({ id: k.id, ...apart });
      continue;
    }
    const shared = participantIds.some((p) => k.participantIds.includes(p));
    const range = knownRange(k);
    if (!e.date || !range) {
      if (!shared) {
        refused.push({ id: k.id, reason: 'PARTICIPANT_MISMATCH', detail: 'undated: no shared participant' });
        continue;
      }
      fits.push({ id: k.id, gap: 0 });
      continue;
    }
    const gap = gapDays(e.date, range);
    if (gap > INCIDENT_WINDOW_DAYS) {
      refused.push({ id: k.id, reason: 'DATE_OUTSIDE_WINDOW', detail: `${gap} days apart (window ${INCIDENT_WINDOW_DAYS})` });
      continue;
    }
    fits.push({ id: k.id, gap });
  }
  fits.sort((a, b) => a.gap - b.gap || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!e.date && fits.length > 1) {
    for (const f of fits) refused.push({ id: f.id, reason: 'SEVERAL_CANDIDATES', detail: `undated: ${fits.length} stored incidents fit` });
    return { own, joined: [], refused };
  }
  // A report that fits several stored incidents joins them only when nothing but their dates kept them apart: a
  // placeless "a bus crashed Monday" must not bridge a crash in Peru and one in India.
  const byId = new Map(known.map((k) => [k.id, k]));
  const stored = fits.map((f) => byId.get(f.id)!);
  // Nothing but their dates may have kept them apart (a report between the 1st and the 5th bridges them).
  if (stored.some((a, i) => stored.some((b, j) => j > i && keptApart(a, b)))) {
    for (const f of fits) refused.push({ id: f.id, reason: 'SEVERAL_CANDIDATES', detail: `${fits.length} stored incidents fit, and not each other` });
    return { own, joined: [], refused };
  }
  return { own, joined: fits.map((f) => ({ id: f.id, reason: 'SAME_CLASS_WITHIN_WINDOW' as const, detail: `${f.gap} days apart` })), refused };
}

/** What an incident brings to the question whether it can be another one, its date aside. */
interface IncidentSide {
  participantIds: string[];
  place?: string | null;
  vehicles?: string[] | null;
}

/**
 * Why two incidents of one class are two, their dates aside, or undefined when nothing keeps them apart: parties
 * that differ; two places and no participant in common ("a crash in the Andes" is not "a collision in the Barents
 * Sea" of that week — with a shared participant two places may be one place told at two scales); likewise vehicles
 * of different modes (a plane's crash is not a ship's collision).
 */
function keptApart(a: IncidentSide, b: IncidentSide): Pick<Match['refused'][number], 'reason' | 'detail'> | undefined {
  if (!sharesParticipant(a.participantIds, b.participantIds)) return { reason: 'PARTICIPANT_MISMATCH' };
  if (a.participantIds.some((p) => b.participantIds.includes(p))) return undefined;
  if (a.place && b.place && slugify(a.place) !== slugify(b.place)) return { reason: 'PLACE_MISMATCH', detail: `${a.place} vs ${b.place}` };
  if (a.vehicles?.length && b.vehicles?.length && !a.vehicles.some((v) => b.vehicles!.includes(v))) {
    return { reason: 'VEHICLE_MISMATCH', detail: `${a.vehicles.join('+')} vs ${b.vehicles.join('+')}` };
  }
  return undefined;
}

/** The words that name a kind of agreement, not one agreement ("agreement", "treaty", "memorandum of understanding"). */
const KIND_OF_AGREEMENT = new Set([...agreementData.generic, ...agreementData.agreements.map((a) => a.canonical)].map((n) => slugify(n)));

/**
 * Agreements by name; one named only by its kind and without its parties ("the agreement", "a memorandum of
 * understanding") is only known within its article — the same words in two articles are usually two agreements.
 */
function agreementMatch(e: ExtractedEvent, known: KnownEvent[], articleId: string): Match {
  if (e.participantKeys.length === 0 && KIND_OF_AGREEMENT.has(slugify(e.name))) {
    return { own: `event:agreement:${slugify(e.name)}-${slugify(articleId)}`, joined: [], refused: [] };
  }
  const own = `event:agreement:${slugify(e.name)}`;
  const same = known.filter((k) => k.kind === 'AGREEMENT' && slugify(k.name) === slugify(e.name));
  return { own, joined: same.map((k) => ({ id: k.id, reason: 'SAME_NAME' as const })), refused: [] };
}

function milestoneId(e: ExtractedEvent, agreementGlobalId: string, articleId: string): string {
  const agreement = agreementGlobalId.replace(/^event:agreement:/, '');
  const when = e.date ? normalizeDate(e.date) : `undated-${slugify(articleId)}`;
  return `event:agreement-milestone:${agreement}:${slugify(e.status ?? 'status')}:${when}`;
}

function campaignMatch(e: ExtractedEvent, known: KnownEvent[], participantIds: string[]): Match {
  const label = suffixLabel(e.name, CAMPAIGN_LABELS);
  const d = e.date as FuzzyDate;
  const own = `event:campaign:${slugify(e.name)}:${d ? normalizeDate(d) : 'undated'}`;
  const refused: Match['refused'] = [];
  const same = known.find((k) => {
    if (k.kind !== 'CAMPAIGN' || suffixLabel(k.name, CAMPAIGN_LABELS) !== label) return false;
    if (!participantIds.some((p) => k.participantIds.includes(p))) {
      refused.push({ id: k.id, reason: 'PARTICIPANT_MISMATCH' });
      return false;
    }
    const range = knownRange(k);
    if (!range || gapDays(d, range) > CAMPAIGN_WINDOW_DAYS) {
      refused.push({ id: k.id, reason: 'DATE_OUTSIDE_WINDOW' });
      return false;
    }
    return true;
  });
  return { own, joined: same ? [{ id: same.id, reason: 'SAME_LABEL_OVERLAPPING' }] : [], refused };
}

export interface EventResolution {
  /** Local key → global id for events and claims; `series:<eventKey>` → MeetingSeries id; `merge:<storedId>` → the
   *  canonical id a stored event is re-keyed to (the loader re-keys or merges it in the article's transaction). */
  ids: Record<string, string>;
  decisions: EventDecision[];
}

/** "New Hampshire primary of 2016-02-09" → "New Hampshire primary": the name without the date it was minted with. */
const baseName = (name: string) => name.replace(/ of \d{4}(?:-\d{2}){0,2}(?:\/\d{4}-\d{2}-\d{2})?$/, '');

/**
 * Two names of one event (the same name, or told two ways): the same event word last and the same proper words,
 * common words aside ("the terrorist attack" / "the attack"). A proper word on one side only may name another
 * event ("the convention" of one article is not always "the Democratic convention" of another): it keeps them apart.
 */
function namesFit(a: string, b: string): boolean {
  const words = (n: string) => n.split(' ');
  const proper = (n: string) => words(n).filter((w) => /^\p{Lu}/u.test(w));
  if (words(a).pop()!.toLowerCase() !== words(b).pop()!.toLowerCase()) return false;
  const [pa, pb] = [proper(a), proper(b)];
  return pa.length === pb.length && pa.every((w) => pb.includes(w));
}

/** The slug of the day's vote (event:other:day-vote:<day>): its own, since a body's "vote" of that day is named "vote". */
const DAY_VOTE = 'day-vote';

/**
 * An event of the parse's open vocabulary (it has a trigger word): its own name and date make its id, so the
 * same primary dated the same day by two articles is one node without looking anything up. A stored event of
 * the same kind and name whose date nests with this one ("in February" and "on Feb. 9") is the same event when
 * it is the only one that fits; with several, none is joined (an ambiguous date is not guessed onto one).
 */
function triggerMatch(e: ExtractedEvent, known: KnownEvent[], articleId: string): Match {
  const kind = e.kind.toLowerCase().replace(/_/g, '-');
  // Numbered: named like a lexical series — by its parties, else only within its article ("the second rally").
  if (e.series && e.series.ordinal !== undefined) return { own: `event:${kind}:${seriesSlug(e, articleId)}:${e.series.ordinal}`, joined: [], refused: [] };
  // A vote (the parse's OTHER events) held in a place is named by the place: "the Ohio primary", "Ohio's contest"
  // and "won Ohio" on one day are one vote, whatever word each article uses.
  const name = baseName(e.name);
  // A vote named by common words only and no place ("the primaries", "Tuesday's contests", "the election") is the
  // day's vote, whatever word each article uses: one node per day. Proper words ("the Senate vote") keep their name.
  // Only the same day makes them one: a generic name is too weak to nest "the primary" of February over a day.
  // Elections only: "lawmakers voted Tuesday" (the word "vote") is a body's vote, not the day's election.
  const dayVote = e.kind === 'OTHER' && !e.place && name === name.toLowerCase() && e.date?.precision === 'DAY' && e.trigger !== 'vote';
  const placeVote = e.kind === 'OTHER' && e.place ? `${slugify(e.place.name)}-vote` : undefined;
  if (!e.date) return { own: `event:${kind}:${placeVote ?? slugify(name)}:${slugify(articleId)}`, joined: [], refused: [] };
  const d = e.date;
  const prefix = `event:${kind}:${placeVote ?? (dayVote ? DAY_VOTE : slugify(name))}:`;
  const own = `${prefix}${normalizeDate(d)}`;
  if (known.some((k) => k.id === own)) {
    const detail = placeVote ? 'same place and date' : dayVote ? 'a vote of the same day, named by common words' : 'same name and date';
    return { own, joined: [{ id: own, reason: 'SAME_NAME', detail }], refused: [] };
  }
  // A vote with a place also meets a stored report of it that named no place ("the Ohio primary" in March, read
  // without its place), so that either order of the two gives one node.
  // The day's vote meets only the same day, both ways: a report of it joins no wider event by nesting, and no wider
  // report ("the presidential contest" of a year) joins it — else which of the two came first would decide.
  const dayVotes = `event:${kind}:${DAY_VOTE}:`;
  const sameName = dayVote ? [] : known.filter(
    (k) =>
      k.kind === e.kind &&
      !k.id.startsWith(dayVotes) &&
      ((placeVote && k.id.startsWith(prefix)) || namesFit(baseName(k.name), name)) &&
      k.start !== null,
  );
  const nested = sameName.filter((k) => {
    const ks = k.start!;
    const ke = k.end ?? ks;
    return (d.start <= ks && ke <= d.end) || (ks <= d.start && d.end <= ke);
  });
  const apart = sameName.filter((k) => !nested.includes(k)).map((k) => ({ id: k.id, reason: 'DATE_OUTSIDE_WINDOW' as const }));
  if (nested.length === 1) return { own, joined: [{ id: nested[0]!.id, reason: 'UNIQUE_CONTAINING_INTERVAL' }], refused: apart };
  return { own, joined: [], refused: [...apart, ...nested.map((k) => ({ id: k.id, reason: 'SEVERAL_CANDIDATES' as const }))] };
}

/**
 * Global ids for the article's events and claims (and `series:<eventKey>` → MeetingSeries id, which
 * the loader uses). `ids` already maps the article's actor and statement keys. An event's id is canonical:
 * the best (idRank) of its own content id and the ids of the stored events it joins; a stored event with a
 * worse id, or a second stored event the article shows to be the same, is listed as `merge:<storedId>`.
 */
export function resolveEvents(extracted: ExtractedArticle, known: KnownGraph, ids: Record<string, string>): EventResolution {
  const out: Record<string, string> = {};
  const own: Record<string, string> = {};
  const decisions: EventDecision[] = [];
  const articleId = extracted.article.id;
  const participantIds = (e: ExtractedEvent) => e.participantKeys.map((k) => ids[k] ?? k).sort();
  const settle = (e: ExtractedEvent, m: Match) => {
    const canonical = m.joined.reduce((best, j) => betterId(best, j.id), m.own);
    out[e.key] = canonical;
    own[e.key] = m.own;
    const base = { eventKey: e.key, name: e.name, kind: e.kind, id: canonical };
    for (const j of m.joined) {
      decisions.push({ ...base, outcome: 'MERGE', reason: j.reason, storedId: j.id, ...(j.detail ? { detail: j.detail } : {}) });
      if (j.id !== canonical) out[`merge:${j.id}`] = canonical;
    }
    for (const r of m.refused) decisions.push({ ...base, outcome: 'REFUSE', reason: r.reason, storedId: r.id, ...(r.detail ? { detail: r.detail } : {}) });
    if (m.joined.length === 0) decisions.push({ ...base, outcome: 'NEW', reason: m.refused.length > 0 ? m.refused[0]!.reason : 'NO_CANDIDATE' });
  };
  const fixed = (e: ExtractedEvent, id: string) => {
    out[e.key] = id;
    own[e.key] = id;
    decisions.push({ eventKey: e.key, name: e.name, kind: e.kind, id, outcome: 'NEW', reason: 'CONTENT_ID' });
  };
  // Milestones last: their ids build on their agreement's.
  const ordered = [...extracted.events].sort((a, b) => Number(a.kind === 'AGREEMENT_MILESTONE') - Number(b.kind === 'AGREEMENT_MILESTONE'));
  for (const e of ordered) {
    if (e.trigger !== undefined) {
      settle(e, triggerMatch(e, known.events, articleId));
      if (e.series) out[`series:${e.key}`] = `series:${seriesSlug(e, articleId)}`;
      continue;
    }
    switch (e.kind) {
      case 'MEETING':
        if (e.series) {
          settle(e, meetingMatch(e, known.events, articleId));
          out[`series:${e.key}`] = `series:${seriesSlug(e, articleId)}`;
        } else fixed(e, `event:meeting:${slugify(e.name)}:${e.date ? normalizeDate(e.date) : slugify(articleId)}`);
        break;
      case 'INCIDENT':
        settle(e, incidentMatch(e, known.events, participantIds(e), articleId));
        break;
      case 'AGREEMENT':
        settle(e, agreementMatch(e, known.events, articleId));
        break;
      case 'AGREEMENT_MILESTONE':
        fixed(e, milestoneId(e, (e.milestoneOf && out[e.milestoneOf]) || `event:agreement:${slugify(e.name)}`, articleId));
        break;
      case 'CAMPAIGN':
        settle(e, campaignMatch(e, known.events, participantIds(e)));
        break;
      default:
        fixed(e, `event:other:${slugify(e.name)}:${e.date ? normalizeDate(e.date) : slugify(articleId)}`);
    }
  }
  // A claim's id hashes the event's own (content) id, not the canonical one, so it never changes when a later
  // article re-keys the event.
  const ownActors = ownActorIds(extracted);
  for (const c of extracted.claims) {
    const eventId = own[c.eventKey] ?? c.eventKey;
    // …and the source's own content id, not the stored actor it joined (which can depend on what came first).
    const source = c.sourceActorKey ? (ownActors[c.sourceActorKey] ?? '') : '';
    out[c.key] = `claim:${hash16(eventId, c.attribute, c.normalized, articleId, source)}`;
  }
  // The article's own date for each dated event (docs/graph-model.md, "Loading": event dates are derived from these).
  for (const e of extracted.events) {
    if (e.date) out[`dateClaim:${e.key}`] = `claim:${hash16(own[e.key]!, 'date', normalizeDate(e.date), articleId, 'event-date')}`;
    // …and its own place for it (the event's place is derived from these, as its date from the date claims).
    if (e.place) out[`placeClaim:${e.key}`] = `claim:${hash16(own[e.key]!, 'place', e.place.name, articleId, 'event-place')}`;
  }
  return { ids: out, decisions };
}

/**
 * The events a resolved article adds to the known graph, merged as the loader stores them (stored events
 * re-keyed to their canonical ids first; ordinal and series kept; the narrowest date; participants accumulate). Lets evaluation and tests
 * resolve articles one after another without a database.
 */
export function addKnownEvents(known: KnownGraph['events'], article: ExtractedArticle, ids: Record<string, string>): KnownGraph['events'] {
  const byId = new Map(known.map((k) => [k.id, { ...k, participantIds: [...k.participantIds] }]));
  const width = (s: string | null, e: string | null) => (s ? Date.parse(e ?? s) - Date.parse(s) : Infinity);
  // Re-keys and merges first, as the loader does them before writing the article.
  for (const [from, to] of rekeys(ids)) {
    const old = byId.get(from);
    if (!old) continue;
    byId.delete(from);
    const target = byId.get(to);
    if (!target) {
      byId.set(to, { ...old, id: to });
      continue;
    }
    if (width(old.start, old.end) < width(target.start, target.end)) [target.start, target.end] = [old.start, old.end];
    target.ordinal ??= old.ordinal;
    target.seriesName = preferredSeriesName(target.seriesName, old.seriesName);
    target.participantIds = [...new Set([...target.participantIds, ...old.participantIds])].sort();
    target.place ??= old.place ?? null;
    if (old.vehicles?.length) target.vehicles = [...new Set([...(target.vehicles ?? []), ...old.vehicles])].sort();
  }
  for (const e of article.events) {
    const id = ids[e.key];
    if (!id) continue;
    const participants = e.participantKeys.map((k) => ids[k] ?? k);
    const prev = byId.get(id);
    if (!prev) {
      byId.set(id, {
        id,
        kind: e.kind,
        name: e.name,
        start: e.date?.start ?? null,
        end: e.date?.end ?? null,
        seriesName: e.series?.name ?? null,
        ordinal: e.series?.ordinal ?? null,
        participantIds: [...new Set(participants)].sort(),
        place: e.place?.name ?? null,
        vehicles: e.vehicles?.length ? [...e.vehicles] : null,
      });
      continue;
    }
    if (e.vehicles?.length) prev.vehicles = [...new Set([...(prev.vehicles ?? []), ...e.vehicles])].sort();
    // The loader keeps the place the most articles give; here the first one given (close enough for tests and eval).
    prev.place ??= e.place?.name ?? null;
    if (e.date && width(e.date.start, e.date.end) < width(prev.start, prev.end)) [prev.start, prev.end] = [e.date.start, e.date.end];
    prev.ordinal ??= e.series?.ordinal ?? null;
    prev.seriesName = preferredSeriesName(prev.seriesName, e.series?.name ?? null);
    prev.participantIds = [...new Set([...prev.participantIds, ...participants])].sort();
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The article's re-keys of stored nodes (`merge:<storedId>` → canonical id for events, `mergeStatement:<storedId>`
 * for statements, `mergeActor:<storedId>` for people), sorted by stored id.
 */
export function rekeys(ids: Record<string, string>, prefix: 'merge:' | 'mergeStatement:' | 'mergeActor:' = 'merge:'): Array<[from: string, to: string]> {
  return Object.entries(ids)
    .filter(([k]) => k.startsWith(prefix))
    .map(([k, to]): [string, string] => [k.slice(prefix.length), to])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Applies an article's statement re-keys to a map of known statements by id, as the loader does before it writes:
 * the old entry moves to the canonical id unless one is there already (then it is dropped).
 */
export function rekeyStatements<T extends { id: string }>(statements: Map<string, T>, ids: Record<string, string>): void {
  for (const [from, to] of rekeys(ids, 'mergeStatement:')) {
    const old = statements.get(from);
    statements.delete(from);
    if (old && !statements.has(to)) statements.set(to, { ...old, id: to });
  }
}
