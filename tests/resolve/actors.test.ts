import { describe, expect, it } from 'vitest';
import type { ExtractedActor } from '../../src/domain/types.js';
import { resolveCorpus } from '../../src/resolve/corpus.js';
import { actorId, article, seedCorpus } from './support.js';

// Seed articles through the real NLP engine, extracted and resolved once for the file.
const { resolved } = await seedCorpus();

const person = (key: string, name: string, aliases: string[] = []): ExtractedActor => ({ key, name, kind: 'PERSON', aliases, mentions: [] });

describe('actor ids across the seed articles', () => {
  const [latin, ibt, rt, fox, cnn] = resolved as [typeof resolved[0], typeof resolved[0], typeof resolved[0], typeof resolved[0], typeof resolved[0]];

  it('one person, one id, whatever the form: "Ash Carter" / "Ashton Carter", "Bashar al-Assad" / "Bashar Assad"', () => {
    expect(actorId(latin, 'Ash Carter')).toBe('actor:person:ashton-carter');
    expect(actorId(ibt, 'Ashton Carter')).toBe('actor:person:ashton-carter');
    expect(actorId(cnn, 'Ashton Carter')).toBe('actor:person:ashton-carter');
    const warren = actorId(latin, 'Steve Warren');
    expect(actorId(fox, 'Steve Warren')).toBe(warren);
    expect(actorId(cnn, 'Steve Warren')).toBe(warren);
    expect(actorId(latin, 'Jeff Davis')).toBe(actorId(cnn, 'Jeff Davis'));
    expect(actorId(ibt, 'Bashar al-Assad')).toBe(actorId(fox, 'Bashar Assad'));
    expect(actorId(fox, 'Igor Konashenkov')).toBe(actorId(cnn, 'Igor Konashenkov'));
  });

  it('institutions and outlets meet on their canonical names', () => {
    expect(actorId(latin, 'Pentagon')).toBe('actor:organization:pentagon');
    expect(actorId(rt, 'Pentagon')).toBe('actor:organization:pentagon');
    expect(actorId(ibt, 'Russian Defense Ministry')).toBe(actorId(cnn, 'Russian Defense Ministry'));
    expect(actorId(ibt, 'CNN')).toBe('actor:media-outlet:cnn');
  });

  it('anonymous sources are distinct per article', () => {
    expect(actorId(cnn, 'a U.S. official')).toBe('actor:anonymous:004_aa3a53a6edca9073:a-u-s-official');
    expect(actorId(ibt, 'a U.S. official')).not.toBe(actorId(cnn, 'a U.S. official'));
    expect(actorId(fox, 'a U.S. official')).not.toBe(actorId(cnn, 'a U.S. official'));
  });
});

describe('person resolution', () => {
  it('merges a nickname with the formal name across articles (data/lexicon/nicknames.json)', () => {
    const [a, b] = resolveCorpus([article('a', [person('p', 'Bill Hart')]), article('b', [person('p', 'William Hart')])]);
    expect(a!.ids.p).toBe('actor:person:william-hart');
    expect(b!.ids.p).toBe('actor:person:william-hart');
  });

  it('never merges two different people who share a surname', () => {
    const [a, b] = resolveCorpus([article('a', [person('p', 'Jeff Davis')]), article('b', [person('p', 'Jefferson Davis')])]);
    expect(a!.ids.p).not.toBe(b!.ids.p);
  });

  it('a surname alone joins the only stored person with that surname, and nobody when two share it', () => {
    const one = resolveCorpus([article('a', [person('p', 'Jeff Davis')]), article('b', [person('p', 'Davis')])]);
    expect(one[1]!.ids.p).toBe(one[0]!.ids.p);
    const two = resolveCorpus([
      article('a', [person('p', 'Jeff Davis')]),
      article('b', [person('p', 'Jefferson Davis')]),
      article('c', [person('p', 'Davis')]),
    ]);
    expect([two[0]!.ids.p, two[1]!.ids.p]).not.toContain(two[2]!.ids.p);
  });

  it('a full name later joins a person first stored by surname alone', () => {
    const [a, b] = resolveCorpus([article('a', [person('p', 'Kowalski')]), article('b', [person('p', 'Anna Kowalski')])]);
    expect(b!.ids.p).toBe(a!.ids.p);
  });
});
