/**
 * Campaigns the story is anchored by: "the army started its military campaign on March 3", "began carrying
 * out airstrikes on March 3", "the coalition had been in operation since last year". A campaign
 * is an event only when the text dates its start; one per agent and kind in an article.
 */
import campaignData from '../../../data/lexicon/campaigns.json' with { type: 'json' };
import { addDays } from '../time.js';
import type { ExtractedActor, ExtractedEvent, FuzzyDate, Span } from '../../domain/types.js';
import { spanOf } from '../text.js';
import type { EventContext } from './context.js';
import { entryFor, hitsIn, phraseRegex, phraseSource } from './lexicon.js';
import { modifierOf, type PartyMention } from './parties.js';

interface ObjectEntry {
  forms: string[];
  label: string;
}
const OBJECTS: ObjectEntry[] = campaignData.objects;
const OBJECT_SRC = phraseSource(OBJECTS.flatMap((o) => o.forms));
const START_RE = new RegExp(
  `${phraseSource(campaignData.startVerbs)}\\s+(?:${phraseSource(campaignData.filler)}\\s+){0,3}(?<object>${OBJECT_SRC})`,
  'giu',
);
const ONGOING_RE = phraseRegex(campaignData.ongoingSince);
const ONGOING_LABEL = 'military campaign';
const NUMBER = '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)';
const LATER = new RegExp(`^[\\s\\p{L}]{0,40}?\\b(?<n>${NUMBER})\\s+(?<unit>day|week)s?\\s+later\\b`, 'diu');
const SMALL_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

interface Draft {
  agentKey: string;
  label: string;
  name: string;
  participantKeys: string[];
  mentions: Span[];
  date: FuzzyDate | null;
}

interface Agent {
  key: string;
  name: string;
  participantKeys: string[];
}

/**
 * The agent: the country named nearest before the verb in its clause ("French forces started …" →
 * France), plus the group actor named there ("the French-led coalition"); else the nearest actor.
 */
function agentOf(ctx: EventContext, verbStart: number, label: string): Agent | undefined {
  const clause = ctx.clauseAround(verbStart);
  const parties = ctx.parties.in(clause.start, verbStart);
  const party: PartyMention | undefined = parties[parties.length - 1];
  const actors = ctx.actors.actorsIn(clause.start, verbStart);
  if (party) {
    const countryKey = ctx.parties.actorKey(party);
    const group: ExtractedActor | undefined = ctx.actors.actorAt(party.span.start, party.span.end);
    const isGroup = group && group.key !== countryKey && (group.kind === 'ORGANIZATION' || group.kind === 'GROUP');
    return {
      key: countryKey,
      name: isGroup ? `${group.name} ${label}` : `${modifierOf(party.country)} ${label}`,
      participantKeys: isGroup ? [countryKey, group.key] : [countryKey],
    };
  }
  const actor = actors[actors.length - 1];
  if (!actor || actor.kind === 'ANONYMOUS_SOURCE' || actor.kind === 'MEDIA_OUTLET') return undefined;
  return { key: actor.key, name: `${actor.name} ${label}`, participantKeys: [actor.key] };
}

/** The start date: the first date after the phrase in its clause, or "a week later" after an earlier date. */
function startDate(ctx: EventContext, sentence: number, phraseEnd: number): FuzzyDate | null {
  const s = ctx.sentences[sentence]!;
  const clause = ctx.clauseAround(phraseEnd - 1);
  const direct = ctx.dates(sentence).find((d) => d.span.start >= phraseEnd && d.span.end <= clause.end && !ctx.isSpeechDate(d, s.start));
  if (direct) return direct.date;
  const later = LATER.exec(ctx.text.slice(phraseEnd, clause.end));
  if (later?.groups) {
    const anchor = [...ctx.dates(sentence)].reverse().find((d) => d.span.end <= phraseEnd && d.date.precision === 'DAY');
    if (!anchor) return null;
    const n = SMALL_NUMBERS[later.groups.n!.toLowerCase()] ?? Number(later.groups.n);
    const days = n * (later.groups.unit!.toLowerCase() === 'week' ? 7 : 1);
    const at = phraseEnd + (later.indices?.groups?.n?.[0] ?? 0);
    const iso = addDays(anchor.date.start, days);
    return { start: iso, end: iso, precision: 'DAY', source: 'INFERRED', span: spanOf(ctx.text, at, phraseEnd + later[0].length) };
  }
  return null;
}

function labelOf(object: string): string {
  return entryFor(OBJECTS, (o) => o.forms, object)?.label ?? ONGOING_LABEL;
}

export function extractCampaigns(ctx: EventContext): ExtractedEvent[] {
  const drafts: Draft[] = [];
  const undated: Array<{ agentKey: string; label: string; span: Span }> = [];
  const add = (agent: Agent, label: string, span: Span, date: FuzzyDate | null) => {
    const existing = drafts.find((d) => d.agentKey === agent.key && d.label === label);
    if (!date) {
      undated.push({ agentKey: agent.key, label, span });
      return;
    }
    if (existing) {
      existing.mentions.push(span);
      if (!existing.date) existing.date = date;
      return;
    }
    drafts.push({ agentKey: agent.key, label, name: agent.name, participantKeys: agent.participantKeys, mentions: [span], date });
  };
  ctx.sentences.forEach((s, i) => {
    for (const m of s.exact.matchAll(START_RE)) {
      const start = s.start + (m.index ?? 0);
      const end = start + m[0].length;
      const label = labelOf(m.groups?.object ?? '');
      const agent = agentOf(ctx, start, label);
      if (agent) add(agent, label, spanOf(ctx.text, start, end), startDate(ctx, i, end));
    }
    for (const h of hitsIn(ONGOING_RE, ctx.text, s.start, s.end)) {
      const agent = agentOf(ctx, h.start, ONGOING_LABEL);
      if (agent) add(agent, ONGOING_LABEL, spanOf(ctx.text, h.start, h.end), startDate(ctx, i, h.end));
    }
  });
  // Undated mentions ("since beginning its aerial campaign") belong to a dated campaign of the same agent.
  for (const u of undated) drafts.find((d) => d.agentKey === u.agentKey && d.label === u.label)?.mentions.push(u.span);
  return drafts.map((d) => ({
    key: ctx.key('ev'),
    kind: 'CAMPAIGN' as const,
    name: d.name,
    date: d.date,
    participantKeys: d.participantKeys,
    mentions: d.mentions.sort((a, b) => a.start - b.start),
  }));
}
