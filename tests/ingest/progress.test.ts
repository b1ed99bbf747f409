import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/ingest/progress.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 80, write: (c: string) => (chunks.push(c), true), cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => stream, removeListener: () => stream };
  return { stream: stream as unknown as NodeJS.WriteStream, chunks };
}

describe('createProgress', () => {
  it('writes one plain line per article when not on a terminal', () => {
    const { stream, chunks } = fakeStream(false);
    const p = createProgress(2, 'articles', stream);
    p.tick('a-1');
    p.tick(null);
    p.stop();
    expect(chunks).toEqual(['[1/2] articles: a-1\n', '[2/2] articles\n']);
  });

  it('draws a bar on a terminal', () => {
    const { stream, chunks } = fakeStream(true);
    const p = createProgress(2, 'articles', stream);
    p.tick('a-1');
    p.stop();
    expect(chunks.join('')).toMatch(/1\/2 articles \| a-1/);
  });
});
