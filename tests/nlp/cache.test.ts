/** The parse cache on its own (no engine): keys, the two levels, atomic files, and what it refuses to reuse. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createParseCache, engineKey, textSha256, type ParseEngine } from '../../src/nlp/index.js';
import { CACHE_FORMAT } from '../../src/nlp/cache.js';
import { expandParse, type ParseColumns } from '../../src/nlp/wire.js';

const ENGINE: ParseEngine = { name: 'spacy', version: '3.8.18', model: 'core_web_sm', modelVersion: '3.8.0' };
const TEXT = 'Hi there.';
// What the worker sends for TEXT: three tokens, one sentence, no entities.
const COLUMNS: ParseColumns = {
  tokens: {
    start: [0, 3, 8], end: [2, 8, 9], lemma: ['hi', 'there', '.'], pos: ['INTJ', 'ADV', 'PUNCT'], tag: ['UH', 'RB', '.'],
    dep: ['ROOT', 'advmod', 'punct'], head: [0, 0, 0], ent: ['', '', ''], entIob: ['', '', ''], sent: [0, 0, 0], ws: [1, 0, 0],
  },
  sentences: { start: [0], end: [9], firstToken: [0], endToken: [3], root: [0] },
  entities: { start: [], end: [], label: [], firstToken: [], endToken: [] },
};
const SHA = textSha256(TEXT);
const PARSE = expandParse(TEXT, SHA, ENGINE, COLUMNS);

describe('parse cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-parse-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('expands the wire columns into tokens whose text is the slice of their offsets', () => {
    expect(PARSE.tokens.map((t) => t.text)).toEqual(['Hi', 'there', '.']);
    expect(PARSE.tokens[0]).toMatchObject({ i: 0, ws: true, entIob: '', sent: 0, head: 0 });
  });

  it('answers from memory, then from disk in a new process, and never for another engine or model version', async () => {
    const first = createParseCache({ dir });
    expect(await first.get(ENGINE, TEXT, SHA)).toBeUndefined();
    await first.put(PARSE, COLUMNS);
    expect(await first.get(ENGINE, TEXT, SHA)).toBe(PARSE);
    expect(first.stats()).toEqual({ memoryHits: 1, diskHits: 0, misses: 1 });

    const second = createParseCache({ dir }); // as a later run would: empty memory, same directory
    expect(await second.get(ENGINE, TEXT, SHA)).toEqual(PARSE);
    expect(await second.get(ENGINE, TEXT, SHA)).toEqual(PARSE);
    expect(second.stats()).toEqual({ memoryHits: 1, diskHits: 1, misses: 0 });

    for (const other of [{ ...ENGINE, version: '3.8.19' }, { ...ENGINE, modelVersion: '3.8.1' }, { ...ENGINE, name: 'stanza' }]) {
      expect(await second.get(other, TEXT, SHA)).toBeUndefined();
    }
    expect(second.stats().misses).toBe(3);
  });

  it('stores sharded by engine and sha256, leaving no temp files', async () => {
    const files = readdirSync(dir, { recursive: true }).map(String);
    expect(files).toContain(path.join(CACHE_FORMAT, engineKey(ENGINE), SHA.slice(0, 2), `${SHA}.json`));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('treats a corrupt or mismatched file as a miss', async () => {
    const file = path.join(dir, CACHE_FORMAT, engineKey(ENGINE), SHA.slice(0, 2), `${SHA}.json`);
    writeFileSync(file, '{"sha256": "');
    expect(await createParseCache({ dir }).get(ENGINE, TEXT, SHA)).toBeUndefined();
    // A stored parse whose offsets do not fit the text (another text under this name) is not used either.
    const other = 'Hi.';
    const otherSha = textSha256(other);
    const cache = createParseCache({ dir });
    await cache.put({ ...PARSE, sha256: otherSha }, COLUMNS);
    expect(await createParseCache({ dir }).get(ENGINE, other, otherSha)).toBeUndefined();
  });

  it('keeps at most memoryEntries parses in memory, least recently used out first', async () => {
    const cache = createParseCache({ memoryEntries: 2 });
    const parses = ['a', 'b', 'c'].map((sha) => ({ ...PARSE, sha256: sha }));
    for (const p of parses) await cache.put(p, COLUMNS);
    expect(await cache.get(ENGINE, TEXT, 'a')).toBeUndefined();
    expect(await cache.get(ENGINE, TEXT, 'c')).toBe(parses[2]);
  });
});
