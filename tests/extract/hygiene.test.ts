import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// Extraction must generalise: the seed articles' people, places and outlets live in data files and tests only.
const SEED_NAMES = /konashenkov|warren|ashton|carter|lavrov|jeff davis|peter cook|latin post|ibtimes|international business times|wall street journal/i;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

it('src/ names none of the seed articles\' people or outlets', () => {
  const root = path.resolve(__dirname, '../../src');
  const hits = files(root)
    .filter((f) => /\.ts$/.test(f) && !/\.generated\./.test(f))
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
    .filter((x) => SEED_NAMES.test(x.line))
    .map((x) => `${path.relative(root, x.f)}:${x.i + 1}: ${x.line.trim()}`);
  expect(hits).toEqual([]);
});
