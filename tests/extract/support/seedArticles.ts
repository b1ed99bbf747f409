/** The seed articles and the pipeline stages run on them once per test file (extraction is pure). */
import fs from 'node:fs';
import path from 'node:path';
import { extractActors } from '../../../src/extract/actors.js';
import type { ActorIndex } from '../../../src/extract/actorIndex.js';
import type { Doc } from '../../../src/extract/doc.js';
import { extractStatements } from '../../../src/extract/statements/index.js';
import { splitSentences } from '../../../src/extract/text.js';
import type { ArticleInput, ExtractedActor, ExtractedStatement } from '../../../src/domain/types.js';

const SEED = path.resolve(__dirname, '../../../seed');

export const SEED_IDS = {
  latinPost: '000_13a7a3ee9cba360b',
  ibt: '001_45fd82710821ae0a',
  rt: '002_539924f05e644d9d',
  fox: '003_95363f65d31180cf',
  cnn: '004_aa3a53a6edca9073',
} as const;

export function seedInputs(): ArticleInput[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(SEED, 'manifest.json'), 'utf8')) as Array<ArticleInput & { file: string }>;
  return manifest.map((m) => ({
    id: m.id,
    text: fs.readFileSync(path.join(SEED, 'articles', m.file), 'utf8'),
    outlet: m.outlet,
    title: m.title,
    publishedAt: m.publishedAt,
    url: m.url,
  }));
}

export interface Staged {
  doc: Doc;
  actors: ActorIndex;
  statements: ExtractedStatement[];
  /** The actor a statement's key points at. */
  actor(key: string | undefined): ExtractedActor | undefined;
  /** Statements whose speaker's name is `speaker`. */
  by(speaker: string): ExtractedStatement[];
  /** The one statement whose text contains `words`. */
  with(words: string): ExtractedStatement;
}

export function stage(text: string, publishedAt: string): Staged {
  const doc: Doc = { text, publishedAt, sentences: splitSentences(text) };
  const actors = extractActors(doc);
  const statements = extractStatements(doc, actors);
  const actor = (key: string | undefined) => (key ? actors.byKey(key) : undefined);
  return {
    doc,
    actors,
    statements,
    actor,
    by: (speaker) => statements.filter((s) => actor(s.speakerKey)?.name === speaker),
    with: (words) => {
      const found = statements.filter((s) => s.text.includes(words));
      if (found.length !== 1) throw new Error(`${found.length} statements contain "${words}"`);
      return found[0]!;
    },
  };
}

const staged = new Map<string, Staged>();
/** A seed article run through the actor and statement stages (cached per test file). */
export function seed(id: string): Staged {
  let s = staged.get(id);
  if (!s) {
    const input = seedInputs().find((a) => a.id === id);
    if (!input) throw new Error(`no seed article ${id}`);
    s = stage(input.text, input.publishedAt);
    staged.set(id, s);
  }
  return s;
}
