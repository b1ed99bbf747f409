/**
 * The evaluation registry: each category names its gold file(s) under tests/fixtures/gold and scores the
 * pipeline's output against them. Add a category by appending to CATEGORIES; a category whose gold file
 * is missing is skipped (and reported), so work in progress never breaks `npm run eval`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExtractedArticle, ResolvedArticle } from '../domain/types.js';
import { scoreActors } from './actors.js';
import { scoreClaimSources, scoreIncidentClaims } from './claims.js';
import { scoreCampaigns, scoreIdentity, scoreIncidents, scoreMeetings, scoreMilestones, type EventGold } from './events.js';
import type { ActorGold, StatementGold } from './gold.js';
import type { Score } from './score.js';
import { scoreStatements } from './statements.js';

export type { Score } from './score.js';

export interface EvalInput {
  extracted: ExtractedArticle[];
  /** The same articles resolved in order (resolveCorpus). */
  resolved: ResolvedArticle[];
}

export interface Category {
  name: string;
  /** Gold files (names under the gold directory) the category needs. */
  gold: string[];
  run(input: EvalInput, gold: Record<string, unknown>): Score[];
}

export const CATEGORIES: Category[] = [
  {
    name: 'statements',
    gold: ['statements.json', 'actors.json'],
    run: (i, g) => scoreStatements(g['statements.json'] as StatementGold, g['actors.json'] as ActorGold, i.resolved),
  },
  {
    name: 'actors',
    gold: ['actors.json'],
    run: (i, g) => scoreActors(g['actors.json'] as ActorGold, i.resolved),
  },
  {
    name: 'events',
    gold: ['events.json'],
    run: (i, g) => {
      const gold = g['events.json'] as EventGold;
      return [
        scoreMeetings(gold, i.extracted),
        scoreIncidents(gold, i.extracted),
        scoreMilestones(gold, i.extracted),
        scoreCampaigns(gold, i.extracted),
        scoreIdentity(gold, i.resolved),
      ];
    },
  },
  {
    name: 'claims',
    gold: ['events.json'],
    run: (i, g) => [scoreIncidentClaims(g['events.json'] as EventGold, i.extracted), scoreClaimSources(g['events.json'] as EventGold, i.extracted)],
  },
];

export interface EvalResult {
  scores: Score[];
  /** Categories skipped for a missing gold file, with the reason. */
  skipped: string[];
}

export function runEval(input: EvalInput, goldDir: string, categories: Category[] = CATEGORIES): EvalResult {
  const scores: Score[] = [];
  const skipped: string[] = [];
  const cache = new Map<string, unknown>();
  for (const c of categories) {
    const missing = c.gold.filter((f) => !fs.existsSync(path.join(goldDir, f)));
    if (missing.length > 0) {
      skipped.push(`${c.name}: no ${missing.join(', ')}`);
      continue;
    }
    const gold: Record<string, unknown> = {};
    for (const f of c.gold) {
      if (!cache.has(f)) cache.set(f, JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8')));
      gold[f] = cache.get(f);
    }
    scores.push(...c.run(input, gold));
  }
  return { scores, skipped };
}
