/**
 * A `SystemRunner` over Chronicle's own extraction: each article through `extract`, each extracted
 * statement as `{ text, speakerNames: [speaker's name, ...aliases] }`.
 *
 * The parse is acquired by one injected function, `getParse(text)`, so the runner does not know the NLP
 * engine (scripts/eval.ts passes the engine's client).
 */
import type { ArticleInput, ExtractedArticle } from '../../domain/types.js';
import type { Parse } from '../../nlp/types.js';
import type { RunnerArticle, SystemRunner } from './index.js';
import type { SystemStatement } from './measure.js';

export type GetParse = (text: string) => Promise<Parse>;
export type Extract = (input: ArticleInput, parse: Parse) => ExtractedArticle | Promise<ExtractedArticle>;

/** Each statement's words and its speaker's names (name first, then aliases). */
export function systemStatements(extracted: ExtractedArticle): SystemStatement[] {
  const actors = new Map(extracted.actors.map((a) => [a.key, a]));
  return extracted.statements.map((s) => {
    const actor = actors.get(s.speakerKey);
    return { text: s.text, speakerNames: actor ? [actor.name, ...actor.aliases] : [] };
  });
}

export function toArticleInput(a: RunnerArticle): ArticleInput {
  // Extraction needs a date to resolve relative dates against; it does not change what the measure sees.
  return { id: a.id, text: a.text, outlet: '', title: null, publishedAt: a.publishedAt ?? new Date().toISOString().slice(0, 10), url: null };
}

export function extractionRunner(extract: Extract, getParse: GetParse): SystemRunner {
  return async (articles) => {
    const out = new Map<string, SystemStatement[]>();
    for (const a of articles) {
      const parse = await getParse(a.text);
      out.set(a.id, systemStatements(await extract(toArticleInput(a), parse)));
    }
    return out;
  };
}
