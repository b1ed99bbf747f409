import { describe, expect, it } from 'vitest';
import { SEED_IDS, seed, stage } from './support/seedArticles.js';

describe('statements in the seed articles', () => {
  it('the Latin Post anonymous official: quoted via AFP, said on Wednesday (2015-10-14 for a 2015-10-15 article)', () => {
    const latin = seed(SEED_IDS.latinPost);
    const s = latin.with('We are nearing completion of a memorandum');
    expect(latin.actor(s.speakerKey)?.name).toBe('a U.S. defense official');
    expect(s.kind).toBe('DIRECT');
    expect(s.viaKeys.map((k) => latin.actor(k)?.name)).toEqual(['AFP']);
    expect(s.saidOn).toMatchObject({ start: '2015-10-14', end: '2015-10-14', precision: 'DAY' });
    // "the official said" and "the U.S. official claimed" refer back to the same source.
    expect(latin.by('a U.S. defense official')).toHaveLength(4);
  });

  it('an intermediary chain nearest the speaker first: "revealed according to AFP …, reports BBC News"', () => {
    const latin = seed(SEED_IDS.latinPost);
    const s = latin.with('"deconfliction" talks are definitely needed');
    expect(latin.actor(s.speakerKey)?.name).toBe('Steve Warren');
    expect(s.kind).toBe('INDIRECT');
    expect(s.viaKeys.map((k) => latin.actor(k)?.name)).toEqual(['AFP', 'BBC News']);
  });

  it('a quote followed by its speaker and no verb ("…," Colonel X, the spokesman … on Tuesday as quoted by AFP)', () => {
    const latin = seed(SEED_IDS.latinPost);
    const s = latin.with("There's always going to be some risk");
    expect(latin.actor(s.speakerKey)?.name).toBe('Steve Warren');
    expect(s.saidOn?.start).toBe('2015-10-13');
    expect(s.viaKeys.map((k) => latin.actor(k)?.name)).toEqual(['AFP']);
  });

  it('Warren described the distance as "miles"', () => {
    const fox = seed(SEED_IDS.fox);
    const s = fox.statements.find((x) => x.text === 'miles')!;
    expect(fox.actor(s.speakerKey)?.name).toBe('Steve Warren');
    expect(s).toMatchObject({ kind: 'DIRECT', verb: 'describe', saidOn: null });
  });

  it('Lavrov told the Russian parliament; "He said" backs off to him', () => {
    const fox = seed(SEED_IDS.fox);
    const hurtful = fox.with('It’s hurtful');
    expect(fox.actor(hurtful.speakerKey)?.name).toBe('Sergei Lavrov');
    expect(fox.actor(hurtful.audienceKey)?.name).toBe('Russian parliament');
    expect(hurtful.verb).toBe('tell');
    expect(fox.actor(fox.with('a deal to avoid incidents is paramount').speakerKey)?.name).toBe('Sergei Lavrov');
  });

  it('a said-date only from the attribution clause, never from the content', () => {
    const fox = seed(SEED_IDS.fox);
    const weekend = fox.with('came within close reach over the weekend');
    expect(fox.actor(weekend.speakerKey)?.name).toBe('United States');
    expect(weekend.saidOn).toBeNull();
    const konashenkov = fox.with('2 or 3 kilometers');
    expect(konashenkov.saidOn).toBeNull(); // "on Saturday" is when the jets met
    expect(konashenkov.viaKeys.map((k) => fox.actor(k)?.name)).toEqual(['The Wall Street Journal']);
  });

  it('"told Fox News", "told the Journal", "told CNN" make the outlet an intermediary', () => {
    const fox = seed(SEED_IDS.fox);
    expect(fox.with('deliberately targeting” CIA-trained rebels').viaKeys.map((k) => fox.actor(k)?.name)).toEqual(['Fox News']);
    const journal = fox.with('inching close');
    expect(fox.actor(journal.speakerKey)?.name).toBe('a senior U.S. military official');
    expect(journal.viaKeys.map((k) => fox.actor(k)?.name)).toEqual(['The Wall Street Journal']);
    const cnn = seed(SEED_IDS.cnn);
    const first = cnn.with('in the process of finalizing');
    expect(first.viaKeys.map((k) => cnn.actor(k)?.name)).toEqual(['CNN']);
    expect(first.saidOn?.start).toBe('2015-10-14');
  });

  it('a split quote whose second part is the next sentence is ONE statement', () => {
    const cnn = seed(SEED_IDS.cnn);
    const davis = cnn.by('Jeff Davis');
    expect(davis).toHaveLength(1);
    expect(davis[0]!.quoteSpans).toHaveLength(2);
    expect(davis[0]!.text).toContain(' … Progress was made during the discussions');
    expect(davis[0]!.kind).toBe('DIRECT');
  });

  it('a participle continues the speaker and the speech event: "told reporters Wednesday …, saying …"', () => {
    const cnn = seed(SEED_IDS.cnn);
    const said = cnn.with('approximately two miles');
    expect(cnn.actor(said.speakerKey)?.name).toBe('Igor Konashenkov');
    expect(said.saidOn?.start).toBe('2015-10-14');
    expect(cnn.actor(said.audienceKey)?.name).toBe('reporters');
  });

  it('"he told …, reports Reuters" after Carter called …', () => {
    const ibt = seed(SEED_IDS.ibt);
    const s = ibt.with('misguided strategy');
    expect(ibt.actor(s.speakerKey)?.name).toBe('Ashton Carter');
    expect(s.viaKeys.map((k) => ibt.actor(k)?.name)).toEqual(['Reuters']);
    expect(ibt.actor(s.audienceKey)?.name).toBe('group of U.S. army leaders in Washington');
  });

  it('"according to the statement" / "The statement also said" go to the statement\'s author', () => {
    const rt = seed(SEED_IDS.rt);
    expect(rt.by('Peter Cook')).toHaveLength(3);
    expect(rt.actor(rt.with('agreed to continue discussions').speakerKey)?.name).toBe('Peter Cook');
  });

  it('an outlet with no other speaker is the source: "according to a report from BBC News", "per the AFP"', () => {
    const latin = seed(SEED_IDS.latinPost);
    expect(latin.actor(latin.with('10 to 20 miles apart').speakerKey)?.name).toBe('BBC News');
    expect(latin.actor(latin.with('radio frequencies').speakerKey)?.name).toBe('AFP');
  });

  it('"called … a \'Q\'" is a direct statement; "called on" and "called for" are not statements', () => {
    const cnn = seed(SEED_IDS.cnn);
    expect(cnn.with('fundamental strategic mistake')).toMatchObject({ kind: 'DIRECT', verb: 'call', text: 'fundamental strategic mistake' });
    const fox = seed(SEED_IDS.fox);
    expect(fox.statements.some((s) => s.text.includes('terrorist groups'))).toBe(false);
  });
});

describe('attribution forms', () => {
  const one = (text: string, published = '2021-05-12') => {
    const s = stage(text, published);
    expect(s.statements).toHaveLength(1);
    const st = s.statements[0]!;
    return { ...st, speaker: s.actor(st.speakerKey)?.name, via: st.viaKeys.map((k) => s.actor(k)?.name), audience: s.actor(st.audienceKey)?.name };
  };

  it('"Q," X said / "Q," said X, straight and curly quotes', () => {
    expect(one('"The bridge is safe," Mayor Anna Kowalski said on Tuesday.')).toMatchObject({
      speaker: 'Anna Kowalski', text: 'The bridge is safe', kind: 'DIRECT', verb: 'say', saidOn: { start: '2021-05-11' },
    });
    expect(one('“The bridge is safe,” said Mayor Anna Kowalski.')).toMatchObject({ speaker: 'Anna Kowalski', text: 'The bridge is safe' });
  });

  it('X said: "Q" and X said (that) … (indirect)', () => {
    expect(one('Mayor Anna Kowalski said: "The bridge is safe."')).toMatchObject({ speaker: 'Anna Kowalski', kind: 'DIRECT', text: 'The bridge is safe.' });
    expect(one('Mayor Anna Kowalski said that the bridge was safe.')).toMatchObject({ kind: 'INDIRECT', text: 'the bridge was safe' });
    expect(one('Mayor Anna Kowalski said the bridge was safe.')).toMatchObject({ kind: 'INDIRECT', text: 'the bridge was safe' });
  });

  it('X told <outlet> that … (intermediary) and X told <audience> … (audience)', () => {
    expect(one('Mayor Anna Kowalski told Reuters that the bridge was safe.')).toMatchObject({ via: ['Reuters'], text: 'the bridge was safe' });
    expect(one('Mayor Anna Kowalski told reporters on Monday the bridge was safe.')).toMatchObject({
      audience: 'reporters', text: 'the bridge was safe', saidOn: { start: '2021-05-10' },
    });
  });

  it('according to X; X revealed that "Q"; X described … as "Q"', () => {
    expect(one('The bridge was closed for repairs, according to Mayor Anna Kowalski.')).toMatchObject({
      speaker: 'Anna Kowalski', text: 'The bridge was closed for repairs',
    });
    expect(one('Mayor Anna Kowalski revealed that "the bridge was never safe."')).toMatchObject({ kind: 'DIRECT', verb: 'reveal', text: 'the bridge was never safe.' });
    expect(one('Mayor Anna Kowalski described the repairs as "long overdue."')).toMatchObject({ verb: 'describe', text: 'long overdue.' });
  });

  it('a split quote in one sentence is one statement', () => {
    expect(one('"The bridge is safe," Mayor Anna Kowalski said, "and it will reopen on Friday."')).toMatchObject({
      text: 'The bridge is safe … and it will reopen on Friday.', quoteSpans: [{}, {}],
    });
  });

  it('pronoun and title back-off to the last compatible speaker', () => {
    const s = stage(
      'Mayor Anna Kowalski said the bridge was safe. Transport spokesman Ivo Marek disagreed. "It needs a full inspection," the spokesman said. She said she trusted the engineers.',
      '2021-05-12',
    );
    expect(s.actor(s.with('full inspection').speakerKey)?.name).toBe('Ivo Marek');
    // "She": the last person speaker — gender is not guessed from names.
    expect(s.actor(s.with('trusted the engineers').speakerKey)?.name).toBe('Ivo Marek');
  });

  it('a quote with nothing around it continues the previous speaker', () => {
    const s = stage('"The bridge is safe," Mayor Anna Kowalski said.\n"We checked every bolt."', '2021-05-12');
    expect(s.statements).toHaveLength(1);
    expect(s.statements[0]!.text).toBe('The bridge is safe … We checked every bolt.');
  });

  it('scare quotes alone are no statement', () => {
    expect(stage('The so-called "peace plan" was published on Monday.', '2021-05-12').statements).toEqual([]);
  });
});
