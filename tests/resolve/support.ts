/** Seed articles extracted and resolved in manifest order, once per test file. */
import { extractWithEngine } from '../support/nlp.js';
import type { ExtractedArticle, ResolvedArticle } from '../../src/domain/types.js';
import { resolveCorpus } from '../../src/resolve/corpus.js';
import { seedInputs } from '../extract/support/seedArticles.js';

let cached: Promise<{ extracted: ExtractedArticle[]; resolved: ResolvedArticle[] }> | undefined;

export function seedCorpus() {
  cached ??= (async () => {
    const extracted = await Promise.all(seedInputs().map((input) => extractWithEngine(input)));
    return { extracted, resolved: resolveCorpus(extracted) };
  })();
  return cached;
}

/** Global id of the actor named `name` in article `articleId`. */
export function actorId(r: ResolvedArticle, name: string): string {
  const a = r.actors.find((x) => x.name === name);
  if (!a) throw new Error(`no actor "${name}" in ${r.article.id}`);
  return r.ids[a.key]!;
}

/** Global id of the statement whose text contains `words`. */
export function statementIdOf(r: ResolvedArticle, words: string): string {
  const s = r.statements.filter((x) => x.text.includes(words));
  if (s.length !== 1) throw new Error(`${s.length} statements with "${words}" in ${r.article.id}`);
  return r.ids[s[0]!.key]!;
}

/** A minimal extracted article around hand-made actors and statements. */
export function article(id: string, actors: ExtractedArticle['actors'], statements: ExtractedArticle['statements'] = []): ExtractedArticle {
  return {
    article: { id, text: '', outlet: 'test', title: null, publishedAt: '2020-01-10', url: null, sha256: id },
    actors,
    statements,
    events: [],
    claims: [],
  };
}
