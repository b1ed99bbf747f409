/** Finders the extraction tests share: a statement or an event of an extracted article, or a failure naming what there is. */
import type { ExtractedArticle, ExtractedEvent, ExtractedStatement } from '../../src/domain/types.js';

/** The statement whose text contains `words`. */
export function statementWith(a: ExtractedArticle, words: string): ExtractedStatement {
  const s = a.statements.find((x) => x.text.includes(words));
  if (!s) throw new Error(`no statement with "${words}" among: ${a.statements.map((x) => x.text).join(' | ')}`);
  return s;
}

/** The event one of whose mentions contains `words`. */
export function eventMentioning(a: ExtractedArticle, words: string): ExtractedEvent {
  const e = a.events.find((x) => x.mentions.some((m) => m.exact.includes(words)));
  if (!e) throw new Error(`no event mentioned as "${words}" among: ${a.events.map((x) => `${x.name} [${x.mentions.map((m) => m.exact).join(' / ')}]`).join('; ')}`);
  return e;
}
