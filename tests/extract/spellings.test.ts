/**
 * Actors across spellings within one article, through the real NLP engine: romanisations, hyphenated and
 * abbreviated ranks, and a misspelling of a person named in the same story are one person; look-alikes are not.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { resolveCorpus } from '../../src/resolve/corpus.js';
import { extractWithEngine } from '../support/nlp.js';

let n = 0;
function extract(text: string): Promise<ExtractedArticle> {
  n++;
  return extractWithEngine({ id: `spell-${n}`, text, outlet: 'test', title: null, publishedAt: '2020-01-10', url: null } as never);
}

const people = (a: ExtractedArticle) => a.actors.filter((x) => x.kind === 'PERSON');
const byName = (a: ExtractedArticle, name: string) => {
  const p = people(a).find((x) => x.name === name || x.aliases.includes(name));
  if (!p) throw new Error(`no person "${name}" (have: ${people(a).map((x) => x.name).join(', ')})`);
  return p;
};

describe('one person across spellings within an article', () => {
  it('romanisations of a given name: "Dmitri Medvedev" / "Dmitry Medvedev"', async () => {
    const a = await extract('Dmitri Medvedev said the talks would go on. Later on Tuesday, Dmitry Medvedev told reporters the plan was ready.');
    expect(byName(a, 'Dmitri Medvedev').key).toBe(byName(a, 'Dmitry Medvedev').key);
    expect(people(a)).toHaveLength(1);
  });

  it('hyphenated and abbreviated ranks: "Major-General Igor Konashenkov" / "Igor Konashenkov"', async () => {
    const a = await extract(
      'Major-General Igor Konashenkov said the jets had returned to base. Igor Konashenkov added that no civilians were hurt. ' +
        'Lt.-Col. Anna Kowalska said the drills would end soon. Anna Kowalska spoke at the base. Rear-Admiral John Kirby said the fleet was ready.',
    );
    const igor = byName(a, 'Igor Konashenkov');
    expect(igor.name).toBe('Igor Konashenkov');
    expect(igor.aliases).toContain('Major-General Igor Konashenkov');
    expect(igor.role).toBe('Major-General');
    expect(byName(a, 'Anna Kowalska').role).toBe('Lt.-Col.');
    expect(byName(a, 'John Kirby').role).toBe('Rear-Admiral');
    expect(people(a).map((p) => p.name).sort()).toEqual(['Anna Kowalska', 'Igor Konashenkov', 'John Kirby']);
  });

  it('ranks and titles without their points, British style: "Maj Gen Igor Konashenkov", "Lt Col Anna Kowalska"', async () => {
    const a = await extract('Maj Gen Igor Konashenkov said the jets had returned to base. Lt Col Anna Kowalska said the drills would end soon.');
    expect(byName(a, 'Igor Konashenkov').role).toBe('Maj Gen');
    expect(byName(a, 'Anna Kowalska').role).toBe('Lt Col');
    expect(people(a).map((p) => p.name).sort()).toEqual(['Anna Kowalska', 'Igor Konashenkov']);
  });

  it('a misspelt known name: "Bashir al-Assad" is the "Bashar al-Assad" of the story (the spelling written more often names him)', async () => {
    const a = await extract(
      'Bashir al-Assad said the army would advance. Later, Bashar al-Assad said he had met his generals. Bashar al-Assad said they were ready.',
    );
    expect(people(a)).toHaveLength(1);
    expect(people(a)[0]!.name).toBe('Bashar al-Assad');
    expect(people(a)[0]!.aliases).toContain('Bashir al-Assad');
  });

  it('across articles: the titled, romanised and misspelt forms meet the stored person', async () => {
    const arts = await Promise.all([
      extract('Bashar al-Assad said the army would advance. Dmitry Medvedev said Moscow agreed. Igor Konashenkov said the jets flew.'),
      extract('Bashir al-Assad said the talks failed. Dmitri Medvedev said so too. Major-General Igor Konashenkov said the jets were back.'),
    ]);
    const [x, y] = resolveCorpus(arts);
    const id = (r: NonNullable<typeof x>, name: string) => r.ids[byName(r, name).key];
    expect(id(y!, 'Bashir al-Assad')).toBe(id(x!, 'Bashar al-Assad'));
    expect(id(y!, 'Dmitri Medvedev')).toBe(id(x!, 'Dmitry Medvedev'));
    expect(id(y!, 'Igor Konashenkov')).toBe(id(x!, 'Igor Konashenkov'));
  });
});

describe('look-alikes stay apart within an article', () => {
  it('same surname, other given names; look-alike surnames; father and son', async () => {
    const a = await extract(
      'Hunter Biden said he would testify. Joe Biden said he was proud of his son. ' +
        'Ryan Kelly said the vote was close, and Megan Kelley said it was not. ' +
        'Mohammed Salman said the oil deal stood. Mohammed Morsi said the court was wrong. ' +
        'John Peterson said the bridge was safe. John Petersen said it was not. ' +
        'Julia Roberts said the film was done, and Julie Roberts said she had not seen it. ' +
        'Donald Trump Jr. said the rally was big. Donald Trump said it was bigger.',
    );
    const names = people(a).map((p) => p.name);
    for (const n of ['Hunter Biden', 'Joe Biden', 'Ryan Kelly', 'Megan Kelley', 'Mohammed Salman', 'Mohammed Morsi', 'John Peterson', 'John Petersen', 'Julia Roberts', 'Julie Roberts', 'Donald Trump Jr.', 'Donald Trump']) {
      expect(names, n).toContain(n);
    }
    // 0 wrong merges: no person carries another's full name as an alias.
    for (const p of people(a)) for (const other of names) if (other !== p.name) expect(p.aliases, `${p.name} ⊅ ${other}`).not.toContain(other);
  });

  it('a given name alone after the full name is that person (Thai news names people by their given name); not when two share it', async () => {
    const a = await extract('Thai Foreign Minister Anan Srisuk signed the deal on Thursday.\n\n"Today we close a painful chapter," Anan said at the ceremony.');
    expect(people(a).map((p) => p.name)).toEqual(['Anan Srisuk']);
    expect(a.statements.map((s) => a.actors.find((x) => x.key === s.speakerKey)?.name)).toEqual(['Anan Srisuk']);
    const b = await extract('Anan Srisuk met Anan Chaiyo on Thursday.\n\n"We agreed," Anan said.');
    expect(b.statements.map((s) => b.actors.find((x) => x.key === s.speakerKey)?.name)).toEqual(['Anan']);
  });
});

