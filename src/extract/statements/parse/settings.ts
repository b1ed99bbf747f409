/**
 * The sieve reads what follows a reporting verb as its content; when that is only where or to whom it
 * was said ("said Wednesday on Fox News Channel's “Hannity,”", "told “New Day”"), the parse shows it as
 * the cue's own modifier, not its complement. Such sieve statements are misreadings and are dropped; the
 * parse pass then reads the cue's real content.
 */
import type { ExtractedStatement } from '../../../domain/types.js';
import type { Syntax } from '../../syntax.js';
import { findCues } from './cues.js';

/** Dependents of a cue that say when, where, how or to whom, never what. */
export const SETTING_DEPS = new Set(['prep', 'npadvmod', 'advmod', 'dative', 'agent', 'dobj']);

export function withoutMisreadSettings(syn: Syntax, statements: readonly ExtractedStatement[]): ExtractedStatement[] {
  const settings: Array<{ start: number; end: number }> = [];
  for (const sentence of syn.parse.sentences) {
    for (const cue of findCues(syn, sentence)) {
      if (cue.kind !== 'verb' || syn.kid(cue.token.i, 'ccomp') === undefined) continue; // the cue has a content clause
      for (const k of syn.kids(cue.token.i, SETTING_DEPS)) settings.push(syn.chars(syn.subtree(k.i)));
    }
  }
  const inside = (q: { start: number; end: number }) => settings.some((r) => r.start <= q.start && q.end <= r.end);
  return statements.filter((s) => !s.quoteSpans.every(inside));
}
