/** The event measure (src/eval/eventGold) on hand-made gold and system events: no corpus, no engine. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventGoldError, readEventGold, scoreEvents, type GoldArticle, type SystemEvent } from '../../src/eval/eventGold/index.js';

const TEXT = 'Voters went to the polls in the Oregon primary on Tuesday. The primary was calm. A rally followed on Friday.';
const at = (phrase: string): [number, number] => {
  const s = TEXT.indexOf(phrase);
  return [s, s + phrase.length];
};
const day = (d: string) => ({ start: d, end: d, precision: 'DAY' as const });

function gold(id: string): GoldArticle {
  return {
    id, publishedAt: '2024-03-14', text: TEXT, annotator: 'test',
    events: [
      { ref: 'vote-oregon-primary', kind: 'VOTE', label: 'Oregon primary', date: day('2024-03-12'), participants: [], mentions: [at('Oregon primary'), at('The primary')] },
      { ref: 'meeting-rally', kind: 'MEETING', label: 'rally', date: day('2024-03-08'), participants: [], mentions: [at('A rally')] },
    ],
  };
}
const sys = (id: string, kind: string, phrase: string, date: string | null): SystemEvent => {
  const [start, end] = at(phrase);
  return { id, kind, name: phrase, date: date ? day(date) : null, mentions: [{ start, end }] };
};

describe('event measure', () => {
  it('matches by overlapping mention and overlapping date; a wrong day is a miss and a false positive', () => {
    const s = scoreEvents([{ gold: gold('a'), system: [sys('e1', 'OTHER', 'The primary', '2024-03-12'), sys('e2', 'MEETING', 'A rally', '2024-03-15')] }]);
    expect(s.dated).toMatchObject({ gold: 2, goldMatched: 1, system: 2, systemMatched: 1, precision: 0.5, recall: 0.5 });
    expect(s.kindAgreement).toBe(1);
    expect(s.misses).toHaveLength(1);
    expect(s.falsePositives[0]).toContain('A rally');
  });

  it('counts an undated system event as found but not as a dated match', () => {
    const s = scoreEvents([{ gold: gold('a'), system: [sys('e1', 'OTHER', 'Oregon primary', null)] }]);
    expect(s.dated.goldMatched).toBe(0);
    expect(s.anyRecall).toBe(0.5);
    expect(s.misses[0]).toContain('found undated');
  });

  it('counts one real event found as two nodes across articles as a duplicate', () => {
    const s = scoreEvents([
      { gold: gold('a'), system: [sys('event:x', 'OTHER', 'Oregon primary', '2024-03-12')] },
      { gold: gold('b'), system: [sys('event:y', 'OTHER', 'The primary', '2024-03-12')] },
    ]);
    expect(s.duplicates).toBe(1);
    expect(s.duplicateRefs).toEqual([{ ref: 'vote-oregon-primary', ids: ['event:x', 'event:y'] }]);
    expect(s.merges).toBe(0);
  });

  it('counts one node matching two real events as a merge', () => {
    const both: SystemEvent = { id: 'event:z', kind: 'OTHER', name: 'z', date: { start: '2024-03-08', end: '2024-03-12', precision: 'INTERVAL' }, mentions: [{ start: at('The primary')[0], end: at('A rally')[1] }] };
    const s = scoreEvents([{ gold: gold('a'), system: [both] }]);
    expect(s.merges).toBe(1);
    expect(s.mergedIds).toEqual([{ id: 'event:z', refs: ['meeting-rally', 'vote-oregon-primary'] }]);
  });
});

describe('reading the gold', () => {
  const write = (files: Record<string, unknown>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-gold-'));
    fs.mkdirSync(path.join(dir, 'gold'));
    fs.mkdirSync(path.join(dir, 'text'));
    fs.writeFileSync(path.join(dir, 'text', 'a.txt'), TEXT);
    for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'gold', name), JSON.stringify(body));
    return dir;
  };
  const article = (mentions: Array<[number, number]>) => ({
    annotator: 'x', frozenAt: '2026-12-07',
    articles: [{ file: 'a.txt', publishedAt: '2024-03-14', events: [{ ref: 'r', kind: 'VOTE', label: 'l', date: null, participants: [], mentions }] }],
  });

  it('reads a folder of batches, or one batch file', () => {
    const dir = write({ 'b.json': article([at('Oregon primary')]) });
    expect(readEventGold(path.join(dir, 'gold'), path.join(dir, 'text'))).toHaveLength(1);
    expect(readEventGold(path.join(dir, 'gold', 'b.json'), path.join(dir, 'text'))[0]!.events[0]!.ref).toBe('r');
  });

  it('refuses a mention outside the text, naming the file, the article and the event', () => {
    const dir = write({ 'b.json': article([[10, 10_000]]) });
    expect(() => readEventGold(path.join(dir, 'gold'), path.join(dir, 'text'))).toThrow(EventGoldError);
    expect(() => readEventGold(path.join(dir, 'gold'), path.join(dir, 'text'))).toThrow(/b\.json: a event r mention \[10, 10000\) is outside the text/);
  });

  it('refuses a gold whose article text is not in the split, saying where to point', () => {
    const dir = write({ 'b.json': { ...article([at('Oregon primary')]), articles: [{ ...article([]).articles[0]!, file: 'missing.txt', events: [] }] } });
    expect(() => readEventGold(path.join(dir, 'gold'), path.join(dir, 'text'))).toThrow(/no text for missing .*point --polnear/);
  });
});
