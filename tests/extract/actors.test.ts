import { describe, expect, it } from 'vitest';
import { SEED_IDS, seed, stage } from './support/seedArticles.js';

const named = (s: ReturnType<typeof stage>, name: string) => {
  const a = s.actors.actors.find((x) => x.name === name);
  if (!a) throw new Error(`no actor "${name}" (have: ${s.actors.actors.map((x) => x.name).join(', ')})`);
  return a;
};

describe('actors in the seed articles', () => {
  it('merges a person\'s forms within an article and keeps the fullest name', () => {
    const cnn = seed(SEED_IDS.cnn);
    const carter = named(cnn, 'Ashton Carter');
    expect(carter.kind).toBe('PERSON');
    expect(carter.aliases).toEqual(expect.arrayContaining(['Carter', 'Defense Secretary Ashton Carter']));
    expect(carter.role).toBe('Defense Secretary');
    const warren = named(cnn, 'Steve Warren');
    expect(warren.aliases).toEqual(expect.arrayContaining(['Col. Steve Warren', 'Warren']));
    expect(named(seed(SEED_IDS.latinPost), 'Steve Warren').aliases).toEqual(expect.arrayContaining(['Colonel Steve Warren', 'Warren']));
  });

  it('reads roles and affiliations from titles and appositives', () => {
    const cnn = seed(SEED_IDS.cnn);
    const warren = named(cnn, 'Steve Warren');
    expect(warren.role).toBe('spokesman for the U.S.-led coalition');
    expect(cnn.actor(warren.affiliationKey)?.name).toBe('U.S.-led coalition');
    const konashenkov = named(cnn, 'Igor Konashenkov');
    expect(cnn.actor(konashenkov.affiliationKey)?.name).toBe('Russian Defense Ministry');
    const davis = named(cnn, 'Jeff Davis');
    expect(davis.role).toBe('spokesman');
    expect(cnn.actor(davis.affiliationKey)?.name).toBe('Pentagon');
    const fox = seed(SEED_IDS.fox);
    expect(fox.actor(named(fox, 'Sergei Lavrov').affiliationKey)?.name).toBe('Russian government');
    expect(named(fox, 'Igor Konashenkov').role).toBe('Russian defense ministry spokesman');
  });

  it('finds media outlets, the Journal only after its full name', () => {
    const fox = seed(SEED_IDS.fox);
    const wsj = named(fox, 'The Wall Street Journal');
    expect(wsj.kind).toBe('MEDIA_OUTLET');
    expect(wsj.aliases).toEqual(expect.arrayContaining(['Wall Street Journal', 'the Journal']));
    expect(named(fox, 'Fox News').kind).toBe('MEDIA_OUTLET');
    expect(named(seed(SEED_IDS.latinPost), 'AFP').aliases).toContain('the AFP');
    expect(stage('The official told the Journal that talks went well.', '2015-10-15').actors.actors.map((a) => a.name)).not.toContain(
      'The Wall Street Journal',
    );
  });

  it('keeps anonymous sources apart and lets "the official" refer back to the last compatible one', () => {
    const latin = seed(SEED_IDS.latinPost);
    const official = named(latin, 'a U.S. defense official');
    expect(official.kind).toBe('ANONYMOUS_SOURCE');
    expect(official.aliases).toEqual(expect.arrayContaining(['the official', 'the U.S. official']));
    expect(latin.actor(official.affiliationKey)?.name).toBe('U.S. government');
    // "the official language" is no reference to a source.
    expect(official.mentions.some((m) => latin.doc.text.slice(m.start, m.end + 9) === 'the official language')).toBe(false);

    const cnn = seed(SEED_IDS.cnn);
    const anonymous = cnn.actors.actors.filter((a) => a.kind === 'ANONYMOUS_SOURCE').map((a) => a.name);
    expect(anonymous).toEqual(expect.arrayContaining(['a U.S. official', 'a second official', 'one of the officials', 'U.S. and Russian defense officials']));
    // "another official" / "a second official" are new sources of the same side.
    expect(cnn.actor(named(cnn, 'a second official').affiliationKey)?.name).toBe('U.S. government');
  });

  it('reads metonyms and unqualified ministries from context', () => {
    const ibt = seed(SEED_IDS.ibt);
    expect(named(ibt, 'Russian government').aliases).toContain('Moscow');
    expect(named(ibt, 'Russian Defense Ministry').aliases).toContain('defence ministry');
    // "in Washington" is a place, not the U.S. government.
    expect(ibt.actors.actors.some((a) => a.aliases.includes('Washington'))).toBe(false);
  });

  it('knows a ship is not a person and a photo credit is', () => {
    const ibt = seed(SEED_IDS.ibt);
    const people = ibt.actors.actors.filter((a) => a.kind === 'PERSON').map((a) => a.name);
    expect(people).toContain('Carlos M. Vazquez');
    expect(people).not.toContain('Arleigh Burke');
  });
});

describe('actors in text the seeds do not have', () => {
  it('never merges two people who share a surname; a lone surname goes to the nearest one before it', () => {
    const s = stage(
      'Jeff Davis, a spokesman for the agency, said the plan was ready. Later, Senator Jefferson Davis said he opposed it. Davis added that he would vote no.',
      '2020-01-10',
    );
    const jeff = named(s, 'Jeff Davis');
    const jefferson = named(s, 'Jefferson Davis');
    expect(jeff.key).not.toBe(jefferson.key);
    const lone = s.doc.text.lastIndexOf('Davis added');
    expect(jefferson.mentions.some((m) => m.start === lone)).toBe(true);
    expect(jeff.mentions.some((m) => m.start === lone)).toBe(false);
  });

  it('merges a nickname with the formal name in one article', () => {
    const s = stage('Defense Secretary Bill Hart spoke first. William Hart later said the talks would resume.', '2020-01-10');
    const hart = named(s, 'William Hart');
    expect(hart.aliases).toContain('Bill Hart');
  });

  it('reads a role set before the name', () => {
    const s = stage('A spokeswoman for the European Commission, Ana Ribeiro, said the bloc welcomed the move.', '2023-06-14');
    const ana = named(s, 'Ana Ribeiro');
    expect(ana.role).toBe('spokeswoman for the European Commission');
    expect(s.actor(ana.affiliationKey)?.name).toBe('European Commission');
  });
});
