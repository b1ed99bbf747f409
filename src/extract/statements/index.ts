/**
 * Quote attribution: a deterministic sieve in the spirit of CoreNLP's, tuned for news. Per unit (a
 * sentence, or sentences a quote spans), in order:
 *   1. reporting verbs with a speaker before them ("X said …", "X told Y that …", "…, X said") or after
 *      them ("…," said X); content after the verb, or — when nothing follows — the words before the speaker;
 *   2. a quote followed by a speaker and no verb ("…," Col. X, the spokesman, as quoted by Y);
 *   3. "according to X" / "per X" / "reports X": an intermediary when the unit already has a speaker,
 *      otherwise X is the speaker of the clause;
 *   4. a quote in the next unit with no attribution continues the previous speaker (split quotes).
 * Speakers come from the actor stage; "he"/"she"/"they", "the spokesman" and "the statement" back off to
 * the last compatible speaker. Said-dates come only from the attribution clause, never from the content.
 */
import type { ActorIndex } from '../actorIndex.js';
import type { Doc } from '../doc.js';
import type { ExtractedStatement } from '../../domain/types.js';
import { accordingTo } from './accordingTo.js';
import { SieveContext } from './context.js';
import { continuation } from './continuation.js';
import { finish } from './finish.js';
import { verbCues } from './verbCues.js';
import { verblessQuotes } from './verblessQuotes.js';

export function extractStatements(doc: Doc, actors: ActorIndex): ExtractedStatement[] {
  const ctx = new SieveContext(doc, actors);
  ctx.units.forEach((unit, n) => {
    const before = ctx.drafts.length;
    verbCues(ctx, unit);
    verblessQuotes(ctx, unit);
    accordingTo(ctx, unit);
    if (ctx.drafts.length === before) continuation(ctx, unit, n);
  });
  return finish(ctx);
}
