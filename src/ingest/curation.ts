/**
 * Curated facts (seed/curation.json) applied after the articles are in, because their selectors name
 * stored events. Facts that select no event, or several, are reported, never guessed.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { fetchEventsOfKinds } from '../graph/knownGraph.js';
import { loadCuratedClaims } from '../graph/load.js';
import { curatedClaims, parseCuration, type CurationFact, type CurationFile } from '../resolve/curation.js';
import { IngestError } from './errors.js';

export interface CurationResult {
  /** Curated claims now stored (created or already there). */
  applied: number;
  /** Claims created by this run (0 when re-applied). */
  created: number;
  unmatched: Array<{ fact: CurationFact; reason: string }>;
}

/** Reads and validates a curation file; null when the folder has none. */
export function readCurationFile(file: string): CurationFile | null {
  if (!existsSync(file)) return null;
  try {
    return parseCuration(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new IngestError('BAD_MANIFEST', file, `${(err as Error).message} — fix the file (format: docs/graph-model.md, "Curation")`);
  }
}

export async function applyCuration(driver: Driver, database: string, curation: CurationFile): Promise<CurationResult> {
  const kinds = [...new Set(curation.facts.map((f) => f.select.kind))];
  const events = await fetchEventsOfKinds(driver, database, kinds);
  const { claims, unmatched } = curatedClaims(curation, events);
  const created = await loadCuratedClaims(driver, database, claims);
  return { applied: claims.length, created, unmatched };
}
