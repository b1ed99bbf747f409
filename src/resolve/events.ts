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
import { gapDays, normalizeDate } from '../domain/dates.js';
import { hash16, slugify } from '../domain/ids.js';
import type { ExtractedArticle, ExtractedEvent, FuzzyDate, KnownGraph } from '../domain/types.js';

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

function meetingId(e: ExtractedEvent, known: KnownEvent[], articleId: string): string {
  const series = e.series!;
  const base = `event:meeting:${seriesSlug(e, articleId)}`;
  const sameSeries = known.filter((k) => k.kind === 'MEETING' && k.seriesName === series.name);
  if (series.ordinal !== undefined) {
    const byOrdinal = sameSeries.find((k) => k.ordinal === series.ordinal);
    if (byOrdinal) return byOrdinal.id;
    // Stored from an article that dated it but did not number it.
    const byDay = e.date?.precision === 'DAY' && !e.implied
      ? sameSeries.find((k) => k.ordinal === null && k.start === e.date!.start && k.end === e.date!.end)
      : undefined;
    return byDay?.id ?? `${base}:${series.ordinal}`;
  }
  if (e.date) {
    const d = e.date;
    const sameDay = sameSeries.find((k) => k.start === d.start && k.end === d.end);
    if (sameDay) return sameDay.id;
    // A day inside exactly one stored meeting's interval ("the second", implied) is that meeting.
    const containing = sameSeries.filter((k) => k.start !== null && k.start <= d.start && d.end <= (k.end ?? k.start));
    if (containing.length === 1) return containing[0]!.id;
    return `${base}:${normalizeDate(d)}`;
  }
  return `${base}:${slugify(articleId)}-${slugify(e.name)}`;
}

function incidentId(e: ExtractedEvent, known: KnownEvent[], participantIds: string[], articleId: string): string {
  const cls = incidentClass(e.name);
  let best: { id: string; gap: number } | undefined;
  for (const k of known) {
    if (k.kind !== 'INCIDENT' || incidentClass(k.name) !== cls) continue;
    if (!sharesParticipant(participantIds, k.participantIds)) continue;
    const range = knownRange(k);
    const gap = e.date && range ? gapDays(e.date, range) : 0;
    if (gap > INCIDENT_WINDOW_DAYS) continue;
    if (!best || gap < best.gap || (gap === best.gap && k.id < best.id)) best = { id: k.id, gap };
  }
  return best?.id ?? `event:incident:${slugify(e.name)}:${e.date ? e.date.start : slugify(articleId)}`;
}

function agreementId(e: ExtractedEvent, known: KnownEvent[]): string {
  const slug = slugify(e.name);
  const same = known.find((k) => k.kind === 'AGREEMENT' && slugify(k.name) === slug);
  return same?.id ?? `event:agreement:${slug}`;
}

function milestoneId(e: ExtractedEvent, agreementGlobalId: string, articleId: string): string {
  const agreement = agreementGlobalId.replace(/^event:agreement:/, '');
  const when = e.date ? normalizeDate(e.date) : `undated-${slugify(articleId)}`;
  return `event:agreement-milestone:${agreement}:${slugify(e.status ?? 'status')}:${when}`;
}

function campaignId(e: ExtractedEvent, known: KnownEvent[], participantIds: string[]): string {
  const label = suffixLabel(e.name, CAMPAIGN_LABELS);
  const d = e.date as FuzzyDate;
  const same = known.find((k) => {
    if (k.kind !== 'CAMPAIGN' || suffixLabel(k.name, CAMPAIGN_LABELS) !== label) return false;
    if (!participantIds.some((p) => k.participantIds.includes(p))) return false;
    const range = knownRange(k);
    return !!range && gapDays(d, range) <= CAMPAIGN_WINDOW_DAYS;
  });
  return same?.id ?? `event:campaign:${slugify(e.name)}:${d ? normalizeDate(d) : 'undated'}`;
}

/** "New Hampshire primary of 2016-02-09" → "New Hampshire primary": the name without the date it was minted with. */
const baseName = (name: string) => name.replace(/ of \d{4}(?:-\d{2}){0,2}(?:\/\d{4}-\d{2}-\d{2})?$/, '');

/**
 * An event of the parse's open vocabulary (it has a trigger word): its own name and date make its id, so the
 * same primary dated the same day by two articles is one node without looking anything up. A date that only
 * bounds it (a month, "last week") joins the one stored event of the same kind and name inside that interval;
 * with none or several, it stays its own node (an undated-enough mention is not guessed onto one).
 */
function triggerEventId(e: ExtractedEvent, known: KnownEvent[], articleId: string): string {
  const kind = e.kind.toLowerCase().replace(/_/g, '-');
  if (e.series && e.series.ordinal !== undefined) return `event:${kind}:${slugify(e.series.name)}:${e.series.ordinal}`;
  const name = baseName(e.name);
  if (!e.date) return `event:${kind}:${slugify(name)}:${slugify(articleId)}`;
  const d = e.date;
  const sameName = known.filter((k) => k.kind === e.kind && baseName(k.name) === name && k.start !== null);
  const own = `event:${kind}:${slugify(name)}:${normalizeDate(d)}`;
  if (sameName.some((k) => k.id === own)) return own;
  // One date bounds the other ("in February" and "on Feb. 9"): the same event when exactly one stored one fits.
  const nested = sameName.filter((k) => {
    const ks = k.start!;
    const ke = k.end ?? ks;
    return (d.start <= ks && ke <= d.end) || (ks <= d.start && d.end <= ke);
  });
  return nested.length === 1 ? nested[0]!.id : own;
}

/**
 * Global ids for the article's events and claims (and `series:<eventKey>` → MeetingSeries id, which
 * the loader uses). `ids` already maps the article's actor and statement keys.
 */
export function resolveEvents(extracted: ExtractedArticle, known: KnownGraph, ids: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const articleId = extracted.article.id;
  const participantIds = (e: ExtractedEvent) => e.participantKeys.map((k) => ids[k] ?? k).sort();
  // Milestones last: their ids build on their agreement's.
  const ordered = [...extracted.events].sort((a, b) => Number(a.kind === 'AGREEMENT_MILESTONE') - Number(b.kind === 'AGREEMENT_MILESTONE'));
  for (const e of ordered) {
    if (e.trigger !== undefined) {
      out[e.key] = triggerEventId(e, known.events, articleId);
      continue;
    }
    switch (e.kind) {
      case 'MEETING':
        if (e.series) {
          out[e.key] = meetingId(e, known.events, articleId);
          out[`series:${e.key}`] = `series:${seriesSlug(e, articleId)}`;
        } else out[e.key] = `event:meeting:${slugify(e.name)}:${e.date ? normalizeDate(e.date) : slugify(articleId)}`;
        break;
      case 'INCIDENT':
        out[e.key] = incidentId(e, known.events, participantIds(e), articleId);
        break;
      case 'AGREEMENT':
        out[e.key] = agreementId(e, known.events);
        break;
      case 'AGREEMENT_MILESTONE':
        out[e.key] = milestoneId(e, (e.milestoneOf && out[e.milestoneOf]) || `event:agreement:${slugify(e.name)}`, articleId);
        break;
      case 'CAMPAIGN':
        out[e.key] = campaignId(e, known.events, participantIds(e));
        break;
      default:
        out[e.key] = `event:other:${slugify(e.name)}:${e.date ? normalizeDate(e.date) : slugify(articleId)}`;
    }
  }
  for (const c of extracted.claims) {
    const eventId = out[c.eventKey] ?? c.eventKey;
    const source = c.sourceActorKey ? (ids[c.sourceActorKey] ?? '') : '';
    out[c.key] = `claim:${hash16(eventId, c.attribute, c.normalized, articleId, source)}`;
  }
  return out;
}

/**
 * The events a resolved article adds to the known graph, merged as the loader stores them (first name,
 * ordinal and series win; the narrowest date wins; participants accumulate). Lets evaluation and tests
 * resolve articles one after another without a database.
 */
export function addKnownEvents(known: KnownGraph['events'], article: ExtractedArticle, ids: Record<string, string>): KnownGraph['events'] {
  const byId = new Map(known.map((k) => [k.id, { ...k, participantIds: [...k.participantIds] }]));
  const width = (s: string | null, e: string | null) => (s ? Date.parse(e ?? s) - Date.parse(s) : Infinity);
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
      });
      continue;
    }
    if (e.date && width(e.date.start, e.date.end) < width(prev.start, prev.end)) [prev.start, prev.end] = [e.date.start, e.date.end];
    prev.ordinal ??= e.series?.ordinal ?? null;
    prev.seriesName ??= e.series?.name ?? null;
    prev.participantIds = [...new Set([...prev.participantIds, ...participants])].sort();
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
