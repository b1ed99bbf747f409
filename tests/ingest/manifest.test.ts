import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.js';
import { parseManifest, parseManifestText } from '../../src/ingest/manifest.js';

const entry = { id: 'x1', file: 'x1.txt', outlet: 'Example Daily', title: null, publishedAt: '2020-01-02', url: null };

describe('manifest', () => {
  it('accepts the seed manifest as it is', () => {
    const { entries, errors } = parseManifestText(readFileSync('seed/manifest.json', 'utf8'), 'seed/manifest.json');
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(5);
    expect(entries[0]).toMatchObject({ file: `${entries[0]!.id}.txt` });
  });

  it('fails only the bad entries, naming the manifest, the entry and the fix', () => {
    const { entries, errors } = parseManifest(
      [
        entry,
        { ...entry, id: 'x2', file: 'x2.txt', publishedAt: '2015-02-30' },
        { ...entry, id: 'x3', file: 'x3.txt', publishedAt: undefined },
        { ...entry, id: 'x4', file: 'x4.txt', outlet: '' },
        { ...entry, id: 'x1', file: 'again.txt' },
        { ...entry, id: 'x5', file: 'x5.txt', url: 'not a url' },
      ],
      'in/manifest.json',
    );
    expect(entries.map((e) => e.id)).toEqual(['x1']);
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['BAD_DATE', 'publishedAt'],
      ['MISSING_DATE', 'publishedAt'],
      ['BAD_MANIFEST', 'outlet'],
      ['BAD_MANIFEST', 'id'],
      ['BAD_MANIFEST', 'url'],
    ]);
    expect(errors[0]!.message).toBe('in/manifest.json: entry 1 (x2.txt): publishedAt: not a real calendar date: check the day and month');
    expect(errors[1]!.message).toMatch(/entry 2 \(x3\.txt\): publishedAt: give the publication date as YYYY-MM-DD/);
    expect(errors[3]!.message).toMatch(/entry 4 \(again\.txt\): id "x1" appears twice/);
  });

  it('rejects a document that is not a list, or not JSON, as a whole', () => {
    expect(() => parseManifest({ articles: [] }, 'm.json')).toThrow(IngestError);
    expect(() => parseManifest({ articles: [] }, 'm.json')).toThrow(/^m\.json: must be a JSON array/);
    expect(() => parseManifestText('[{', 'm.json')).toThrow(/^m\.json: is not valid JSON .* fix the syntax/);
  });

  it('defaults title and url to null', () => {
    const { entries } = parseManifest([{ id: 'y', file: 'y.txt', outlet: 'O', publishedAt: '2020-01-02' }], 'm.json');
    expect(entries[0]).toMatchObject({ title: null, url: null });
  });
});
