/**
 * The pipeline on articles it was not written for (tests/fixtures/general/quotes-*.txt): a summit, an
 * accident and a court case, with names, outlets and quote forms the seed articles do not have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stage } from './support/seedArticles.js';

const read = (name: string) => fs.readFileSync(path.resolve(__dirname, '../fixtures/general', name), 'utf8');

interface Expect {
  speaker: string;
  words: string;
  kind?: 'DIRECT' | 'INDIRECT';
  verb?: string;
  via?: string[];
  audience?: string;
  saidOn?: string | null;
}

function check(text: string, published: string, expected: Expect[]) {
  const s = stage(text, published);
  for (const e of expected) {
    const found = s.statements.filter((x) => x.text.includes(e.words));
    expect(found, `statement with "${e.words}"`).toHaveLength(1);
    const st = found[0]!;
    expect(s.actor(st.speakerKey)?.name, e.words).toBe(e.speaker);
    if (e.kind) expect(st.kind, e.words).toBe(e.kind);
    if (e.verb) expect(st.verb, e.words).toBe(e.verb);
    expect(st.viaKeys.map((k) => s.actor(k)?.name), e.words).toEqual(e.via ?? []);
    if (e.audience !== undefined) expect(s.actor(st.audienceKey)?.name, e.words).toBe(e.audience);
    if (e.saidOn !== undefined) expect(st.saidOn?.start ?? null, e.words).toBe(e.saidOn);
  }
  expect(s.statements).toHaveLength(expected.length);
  return s;
}

describe('a summit', () => {
  const text = read('quotes-summit.txt');
  it('finds every speaker, quote, intermediary and audience', () => {
    const s = check(text, '2023-06-14', [
      { speaker: 'officials', words: 'agreed on Tuesday to create a joint fund', kind: 'INDIRECT', saidOn: null },
      { speaker: 'Helga Brandt', words: 'real money on the table … We will not wait', kind: 'DIRECT', verb: 'tell', audience: 'reporters' },
      { speaker: 'Marc Tremblay', words: 'the fund would start with 200 million dollars', kind: 'INDIRECT' },
      { speaker: 'Marc Tremblay', words: 'a down payment on the future', kind: 'DIRECT', verb: 'describe' },
      { speaker: 'a senior Norwegian diplomat', words: 'nearly derailed over fishing quotas', kind: 'INDIRECT' },
      { speaker: 'a senior Norwegian diplomat', words: 'It came down to the last hour', kind: 'DIRECT' },
      { speaker: 'Ana Ribeiro', words: 'the bloc welcomed the move' },
      { speaker: 'Ana Ribeiro', words: 'would consider joining the fund', verb: 'tell', via: ['Reuters'] },
      { speaker: 'Jonas Lindqvist', words: 'We are ready to listen', kind: 'DIRECT' },
      { speaker: 'Helga Brandt', words: 'a turning point', verb: 'call', via: ['Associated Press'] },
    ]);
    const brandt = s.actors.actors.find((a) => a.name === 'Helga Brandt')!;
    expect(brandt.aliases).toEqual(expect.arrayContaining(['Brandt', 'Prime Minister Helga Brandt']));
    expect(s.actors.actors.find((a) => a.name === 'Marc Tremblay')?.role).toBe('Foreign Minister');
  });
});

describe('an accident', () => {
  it('finds unnamed institutions and sources, coordinated verbs and said-dates', () => {
    const s = check(read('quotes-accident.txt'), '2024-03-12', [
      { speaker: 'the regional fire service', words: 'A freight train carrying grain derailed', saidOn: null },
      { speaker: 'Julien Marchand', words: 'We found the locomotive on its side', kind: 'DIRECT' },
      { speaker: 'the rail operator', words: 'a broken rail was the most likely cause', saidOn: '2024-03-11' },
      { speaker: 'the rail operator', words: 'the investigation could take months', verb: 'warn' },
      { speaker: 'a local resident', words: 'she heard', via: ['Le Monde'] },
      { speaker: 'a local resident', words: 'The whole house shook', kind: 'DIRECT' },
      { speaker: 'Claire Dubois', words: 'deeply worrying', verb: 'describe' },
      { speaker: 'two officials', words: 'maintenance on the line had been postponed', via: ['Reuters'] },
    ]);
    expect(s.actors.actors.find((a) => a.name === 'the rail operator')?.kind).toBe('ANONYMOUS_SOURCE');
  });
});

describe('a court case', () => {
  it('finds judges, lawyers, a split quote and a relative as speakers', () => {
    const s = check(read('quotes-court.txt'), '2022-11-18', [
      { speaker: 'Paola Conti', words: 'a system of favours' },
      { speaker: 'Paola Conti', words: 'Ferri had shown no remorse', verb: 'add' },
      { speaker: 'Marco Bellini', words: 'My client is innocent', kind: 'DIRECT', audience: 'reporters' },
      { speaker: 'Luca Moretti', words: 'what we argued from the first day … and it sends a clear message', kind: 'DIRECT' },
      { speaker: 'his wife', words: 'the family was "devastated', kind: 'INDIRECT' },
      { speaker: 'Reuters', words: 'investigators traced more than 2 million euros' },
    ]);
    const ferri = s.actors.actors.find((a) => a.name === 'Roberto Ferri')!;
    expect(ferri.aliases).toContain('Ferri');
    expect(ferri.role).toBe('mayor');
  });
});
