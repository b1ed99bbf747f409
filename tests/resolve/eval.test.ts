import path from 'node:path';
import { expect, it } from 'vitest';
import { runEval } from '../../src/eval/index.js';
import { seedCorpus } from './support.js';

it('meets the targets on the gold annotation: statement attribution F1 >= 0.90, no wrong alias merge', async () => {
  const { extracted, resolved } = await seedCorpus();
  const { scores } = runEval({ extracted, resolved }, path.resolve(__dirname, '../fixtures/gold'));
  const find = (prefix: string) => scores.find((s) => s.category.startsWith(prefix))!;
  expect(find('statements: attribution').f1).toBeGreaterThanOrEqual(0.9);
  expect(find('statements: same utterance').f1).toBe(1);
  expect(find('actors: alias merges').extra?.wrongMerges).toBe(0);
  expect(find('actors: people, outlets').recall).toBeGreaterThanOrEqual(0.9);
});
