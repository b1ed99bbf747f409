/**
 * Agreements and their status over time. "the memorandum of understanding (MoU)", "the MOU", "a
 * memorandum of agreement", "the agreement", "a formal agreement" are one AGREEMENT per article; each
 * status the text reports ("nearing completion", "was signed in October of 2015", "ongoing implementation
 * of") is an AGREEMENT_MILESTONE dated by the date the text gives it, else by the statement or article
 * that reports it — a signing never by the report.
 */
import agreementData from '../../../data/lexicon/agreements.json' with { type: 'json' };
import type { ExtractedClaim, ExtractedEvent, FuzzyDate, Span } from '../../domain/types.js';
import { spanOf } from '../text.js';
import { makeClaim } from './claims.js';
import type { EventContext } from './context.js';
import { entryFor, hitsIn, phraseRegex, phraseSource } from './lexicon.js';
import { countriesOf, type PartyMention } from './parties.js';

type Status = NonNullable<ExtractedEvent['status']>;

interface AgreementEntry {
  canonical: string;
  forms: string[];
  caseSensitiveForms?: string[];
}
const SPECIFIC: AgreementEntry[] = agreementData.agreements;
const CASE_SENSITIVE = new Set(SPECIFIC.flatMap((a) => a.caseSensitiveForms ?? []));
const SPECIFIC_RE = phraseRegex(SPECIFIC.flatMap((a) => a.forms).filter((f) => !CASE_SENSITIVE.has(f)));
const SPECIFIC_CS_RE = phraseRegex([...CASE_SENSITIVE], 'gu');
const GENERIC_RE = phraseRegex(agreementData.generic);
/** Words that refer back to a specific agreement named earlier, never name one themselves ("the memorandum"). */
const BACK_REFERENCE_RE = phraseRegex(agreementData.backReferences);
/** Only a definite determiner makes "memorandum" that agreement ("released a document" is any paper). */
const DEFINITE_BEFORE = /\b(?:the|this|that|its|their)\s+$/i;
const DETERMINER_BEFORE = new RegExp(`${phraseSource(agreementData.genericNeedsDeterminer)}\\s+$`, 'iu');
/** "ended without a deal", "no agreement": the word names no agreement. */
const NEGATED_BEFORE = new RegExp(`\\b${phraseSource(agreementData.negatedBefore)}\\s+(?:(?:an?|any)\\s+)?$`, 'iu');
const NOT_THE_AGREEMENT = new RegExp(`${phraseSource(agreementData.notTheAgreement)}\\s+$`, 'iu');
const STATUSES = agreementData.statuses as Array<{ status: Status; phrases: string[] }>;
const STATUS_RE = phraseRegex(STATUSES.flatMap((s) => s.phrases));
const MODAL_BEFORE = new RegExp(`${phraseSource(agreementData.modals)}\\s+(?:\\S+\\s+)?$`, 'iu');
/** How far (characters) a status cue may sit from the agreement it reports on, within one sentence. */
const CUE_REACH = 100;
const GENERIC = 'agreement';

const STATUS_LABEL: Record<Status, string> = {
  IN_NEGOTIATION: 'in negotiation',
  NEARING_COMPLETION: 'nearing completion',
  SIGNED: 'signed',
  IN_IMPLEMENTATION: 'in implementation',
};

interface Mention {
  span: Span;
  sentence: number;
  /** Specific name, or undefined for a generic one ("the agreement") until it is attached. */
  canonical?: string;
}

interface StatusReport {
  status: Status;
  span: Span;
  canonical: string;
  date: FuzzyDate | null;
}

function findMentions(ctx: EventContext): Mention[] {
  const out: Mention[] = [];
  ctx.sentences.forEach((s, i) => {
    const specific = [...hitsIn(SPECIFIC_RE, ctx.text, s.start, s.end), ...hitsIn(SPECIFIC_CS_RE, ctx.text, s.start, s.end)];
    for (const h of specific) {
      const entry = entryFor(SPECIFIC, (a) => a.forms, h.text);
      if (entry) out.push({ span: spanOf(ctx.text, h.start, h.end), sentence: i, canonical: entry.canonical });
    }
    // A back-reference counts once a specific agreement was named before it.
    const named = (at: number) => out.some((m) => m.canonical !== undefined && m.span.start < at) || specific.some((x) => x.end <= at);
    const backReferences = hitsIn(BACK_REFERENCE_RE, ctx.text, s.start, s.end).filter(
      (h) => named(h.start) && DEFINITE_BEFORE.test(ctx.text.slice(Math.max(s.start, h.start - 12), h.start)),
    );
    for (const h of [...hitsIn(GENERIC_RE, ctx.text, s.start, s.end), ...backReferences]) {
      if (specific.some((x) => x.start < h.end && h.start < x.end)) continue; // "memorandum of agreement"
      const before = ctx.text.slice(Math.max(s.start, h.start - 30), h.start);
      if (NEGATED_BEFORE.test(before)) continue;
      if (!DETERMINER_BEFORE.test(before) || NOT_THE_AGREEMENT.test(before)) continue;
      out.push({ span: spanOf(ctx.text, h.start, h.end), sentence: i });
    }
  });
  out.sort((a, b) => a.span.start - b.span.start);
  // A generic mention is the nearest earlier specific agreement, else the article's first one.
  const firstSpecific = out.find((m) => m.canonical)?.canonical;
  let last: string | undefined;
  for (const m of out) {
    if (m.canonical) last = m.canonical;
    else m.canonical = last ?? firstSpecific ?? GENERIC;
  }
  return out;
}

function statusOf(text: string): Status | undefined {
  return entryFor(STATUSES, (s) => s.phrases, text)?.status;
}

/** Status cues next to an agreement mention in the same sentence, dated by their report (a signing by its own date). */
function findStatusReports(ctx: EventContext, mentions: Mention[]): StatusReport[] {
  const out: StatusReport[] = [];
  ctx.sentences.forEach((s, i) => {
    const inSentence = mentions.filter((m) => m.sentence === i);
    if (inSentence.length === 0) return;
    for (const h of hitsIn(STATUS_RE, ctx.text, s.start, s.end)) {
      const status = statusOf(h.text);
      if (!status) continue;
      if (MODAL_BEFORE.test(ctx.text.slice(Math.max(s.start, h.start - 25), h.start))) continue; // "could be signed"
      let nearest: Mention | undefined;
      let best = Infinity;
      for (const m of inSentence) {
        const dist = m.span.start >= h.end ? m.span.start - h.end : m.span.end <= h.start ? h.start - m.span.end : 0;
        if (dist < best) [best, nearest] = [dist, m];
      }
      if (!nearest || best > CUE_REACH) continue;
      out.push({ status, span: spanOf(ctx.text, h.start, h.end), canonical: nearest.canonical!, date: reportDate(ctx, i, h, status) });
    }
  });
  return out;
}

/**
 * "was signed in October of 2015", "took effect on Monday": a date after the cue in its clause dates the
 * status itself. Otherwise a status is dated by its report — except a signing, which then stays undated
 * (the report day is not the signing day).
 */
function reportDate(ctx: EventContext, sentence: number, cue: { start: number; end: number }, status: Status): FuzzyDate | null {
  const clause = ctx.clauseAround(cue.start);
  const s = ctx.sentences[sentence]!;
  const own = ctx.dates(sentence).find(
    (x) => x.span.start >= cue.end && x.span.end <= clause.end && !ctx.isSpeechDate(x, s.start),
  );
  if (own) return own.date;
  // "in force since Oct. 20": the day it took effect ("since" ends the clause for everything else).
  const since = status === 'IN_IMPLEMENTATION' ? ctx.dates(sentence).find((x) => x.span.start >= cue.end && /^\s*since\s+$/i.test(ctx.text.slice(cue.end, x.span.start))) : undefined;
  if (since) return since.date;
  return status === 'SIGNED' ? null : ctx.reportDate(cue.start, cue.end);
}

/**
 * The parties the agreement's mentions name most often (ties: the first named) — not all of them together: "the
 * agreement between Canada and the Mercosur bloc … signed by the leaders of Canada, Brazil, Argentina, Uruguay and
 * Paraguay" is Canada and Mercosur's, not six parties'.
 */
function partiesOf(ctx: EventContext, mentions: Mention[]): PartyMention[] {
  const groups: PartyMention[][] = [];
  for (const m of mentions) {
    const s = ctx.sentences[m.sentence]!;
    const g = ctx.parties.groupNear(s.start, s.end, m.span.start);
    if (g) groups.push(g);
  }
  if (groups.length === 0) return ctx.parties.principal;
  const key = (g: PartyMention[]) => countriesOf(g).join('|');
  const count = (g: PartyMention[]) => groups.filter((x) => key(x) === key(g)).length;
  return groups.reduce((best, g) => (count(g) > count(best) ? g : best));
}

/** The earliest report wins: a status held on the day it was first reported. */
function earliest(dates: Array<FuzzyDate | null>): FuzzyDate | null {
  return dates.filter((d): d is FuzzyDate => !!d).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0] ?? null;
}

export function extractAgreements(ctx: EventContext): { events: ExtractedEvent[]; claims: ExtractedClaim[] } {
  const mentions = findMentions(ctx);
  const reports = findStatusReports(ctx, mentions);
  const events: ExtractedEvent[] = [];
  const claims: ExtractedClaim[] = [];
  for (const canonical of [...new Set(mentions.map((m) => m.canonical!))]) {
    const own = mentions.filter((m) => m.canonical === canonical);
    const parties = partiesOf(ctx, own);
    const countries = countriesOf(parties);
    const name = countries.length > 0 ? `${countries.join('–')} ${canonical}` : canonical;
    const agreementKey = ctx.key('ev');
    const ownReports = reports.filter((r) => r.canonical === canonical);
    const signed = earliest(ownReports.filter((r) => r.status === 'SIGNED').map((r) => r.date));
    events.push({
      key: agreementKey,
      kind: 'AGREEMENT',
      name,
      date: signed,
      participantKeys: [...new Set(parties.map((p) => ctx.parties.actorKey(p)))],
      mentions: own.map((m) => m.span),
    });
    for (const status of Object.keys(STATUS_LABEL) as Status[]) {
      const rs = ownReports.filter((r) => r.status === status);
      if (rs.length === 0) continue;
      events.push({
        key: ctx.key('ev'),
        kind: 'AGREEMENT_MILESTONE',
        name: `${name}: ${STATUS_LABEL[status]}`,
        date: earliest(rs.map((r) => r.date)),
        participantKeys: [],
        milestoneOf: agreementKey,
        status,
        mentions: rs.map((r) => r.span),
      });
      // Who reported which status, side by side: one claim per report.
      for (const r of rs) claims.push(makeClaim(ctx, agreementKey, 'status', r.span, status));
    }
  }
  claims.sort((a, b) => a.span.start - b.span.start);
  return { events, claims };
}
