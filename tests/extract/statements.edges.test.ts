/**
 * Where a statement's words begin and end, and through whom it came, on short articles written for these
 * tests (no article of any corpus), extracted with the real NLP engine (see globalSetup).
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';
import { statementWith as find } from '../support/find.js';

const extract = (text: string, publishedAt = '2024-05-10'): Promise<ExtractedArticle> =>
  extractWithEngine({ id: 'edges-test', text, outlet: 'Test Wire', title: null, publishedAt, url: null });

const name = (a: ExtractedArticle, key: string | undefined) => a.actors.find((x) => x.key === key)?.name;


describe('statement edges', () => {
  it('a verb of saying with a complement of its own is no parenthetical attribution of its host clause', async () => {
    const a = await extract('Port reopens as dockworkers agree to talks.\n\nThe strike at the port ended, union leaders said.');
    expect(a.statements.some((s) => s.text.includes('Port reopens'))).toBe(false);
    expect(find(a, 'The strike at the port ended').text).toBe('The strike at the port ended');
  });

  it('"told a news briefing that …": the briefing is where it was told, the words start after "that"', async () => {
    const a = await extract('Pentagon spokesman Peter Cook told a news briefing that the memorandum took effect on signing.');
    const s = find(a, 'the memorandum took effect');
    expect(s.text).toBe('the memorandum took effect on signing');
    expect(name(a, s.speakerKey)).toBe('Peter Cook');
  });

  it('"according to a statement from the ministry": the unnamed institution that issued it is the speaker', async () => {
    const a = await extract('The two jets came within ten miles of each other, according to a statement from the ministry.');
    expect(name(a, find(a, 'The two jets came within').speakerKey)).toBe('the ministry');
  });

  it('a paragraph that is mostly a quotation but has its own speaker does not continue the previous speaker\'s quote', async () => {
    const a = await extract(
      'Port spokesman Tomas Berg told reporters the talks went well.\n\n' +
        'In Oslo, Deputy Minister Anna Lind said the accord covered all ships. "This is a first step. We hope for more," Lind told reporters.\n\n' +
        'Berg said the accord "does not establish zones of cooperation, shared patrols or any sharing of target information at sea."',
    );
    expect(name(a, find(a, 'does not establish zones').speakerKey)).toBe('Tomas Berg');
    expect(find(a, 'This is a first step').text).not.toContain('does not establish');
  });

  it('"he" or "she" never stands for an unnamed institution; a person named before is still found', async () => {
    const alone = await extract('The company denied the claim. He denies all charges.');
    const company = find(alone, 'the claim').speakerKey;
    expect(alone.statements.filter((s) => s.text.includes('all charges')).map((s) => s.speakerKey)).not.toContain(company);
    const named = await extract('The company denied the claim. Its founder, Tomas Berg, was arrested on Monday. He denies all charges.');
    expect(name(named, find(named, 'all charges').speakerKey)).toBe('Tomas Berg');
  });

  it('"told the X news agency on Wednesday that …": the content starts after "that", said on the Wednesday, via the outlet', async () => {
    // 2024-05-10 is a Friday: "on Wednesday" is 2024-05-08.
    const a = await extract('Colonel Pavel Marek of the border guard told the RIA Novosti news agency on Wednesday that the ferry had left port without permission.');
    const s = find(a, 'the ferry had left port');
    expect(s.text).toBe('the ferry had left port without permission');
    expect(name(a, s.speakerKey)).toMatch(/Pavel Marek/);
    expect(s.saidOn).toMatchObject({ start: '2024-05-08', precision: 'DAY' });
    expect(s.viaKeys.map((k) => name(a, k))).toEqual(['RIA Novosti']);
  });

  it('"told the state news agency TASS that …": the outlet is the channel, not part of the content', async () => {
    const a = await extract('Deputy Minister Oleg Rybin told the state news agency TASS that the draft was "fair to both sides."');
    const s = find(a, 'the draft was');
    expect(s.text.startsWith('the draft was')).toBe(true);
    expect(s.viaKeys.map((k) => name(a, k))).toEqual(['TASS']);
  });

  it('"told reporters in Lima that …": where it was said is not what was said', async () => {
    const a = await extract('Health Minister Clara Ibarra told reporters in Quito that the clinic would reopen on Monday.');
    const s = find(a, 'the clinic would reopen');
    expect(s.text).toBe('the clinic would reopen on Monday');
    expect(name(a, s.audienceKey)).toBe('reporters');
  });

  it('"if", "whether" and "because" stay in the content; only "that" goes', async () => {
    const a = await extract('The mayor said in Ohio that taxes would fall. The governor said if the bill passed, he would sign it.');
    expect(find(a, 'taxes would fall').text).toBe('taxes would fall');
    expect(find(a, 'he would sign it').text).toBe('if the bill passed, he would sign it');
  });

  it('content before the speaker loses the speaker\'s title ("…, Norwegian State Secretary X said")', async () => {
    const a = await extract('The accord was reached at the second round of talks, held on May 2 in Vienna, Danish State Secretary Mette Holm said on Thursday.');
    const s = find(a, 'The accord was reached');
    expect(s.text).toBe('The accord was reached at the second round of talks, held on May 2 in Vienna');
    expect(name(a, s.speakerKey)).toMatch(/Mette Holm/);
  });

  it('never runs a headline into the lede across a blank line', async () => {
    const a = await extract(
      'Chile and Peru make progress at fisheries talks\n\nChile and Peru narrowed their differences in a round of fisheries talks in Lima on Thursday, officials said, weeks after a dispute over a trawler.',
    );
    const s = find(a, 'narrowed their differences');
    expect(s.text).not.toMatch(/make progress|\n/);
    expect(s.text.startsWith('Chile and Peru narrowed')).toBe(true);
  });

  it('"according to X": X is the source, never also its own audience', async () => {
    const a = await extract('The first round ended without a deal. On Friday the delegations agreed on a shared radio channel, according to a joint statement.');
    const s = find(a, 'agreed on a shared radio channel');
    expect(s.audienceKey).toBeUndefined();
  });

  it('"was quoted as saying by the X news agency": the agency is the channel', async () => {
    const a = await extract('"We followed the rules at every step," Colonel Pavel Marek was quoted as saying by the Interfax news agency.');
    const s = find(a, 'We followed the rules');
    expect(s.viaKeys.map((k) => name(a, k))).toEqual(['Interfax']);
  });

  it('"according to state media" after a statement: an unnamed outlet of this article is its channel', async () => {
    const a = await extract('General Anton Lebed said nobody had been hurt in the blast, according to state media.');
    const s = find(a, 'nobody had been hurt');
    expect(name(a, s.speakerKey)).toMatch(/Anton Lebed/);
    const via = s.viaKeys.map((k) => a.actors.find((x) => x.key === k)!);
    expect(via.map((v) => v.name)).toEqual(['state media']);
    expect(via[0]!.kind).toBe('ANONYMOUS_SOURCE');
  });

  it('"a spokesman told RTÉ": the broadcaster is the channel, not the audience', async () => {
    const a = await extract('The utility said most homes had power again. "Crews will work through the night," a spokesman told RTÉ.');
    const s = find(a, 'Crews will work through the night');
    expect(s.viaKeys.map((k) => name(a, k))).toEqual(['RTÉ']);
    expect(s.audienceKey).toBeUndefined();
  });

  it('"according to a statement from X": the issuer is the speaker; a statement nobody is named for stays the source', async () => {
    const a = await extract(
      'The talks will resume in June, according to a statement from the Swedish foreign ministry.\n\nThe delegations agreed on a shared radio channel, according to a joint statement.',
    );
    expect(name(a, find(a, 'The talks will resume in June').speakerKey)).toMatch(/foreign ministry/i);
    const joint = find(a, 'agreed on a shared radio channel');
    expect(name(a, joint.speakerKey)).toBe('a joint statement');
    expect(joint.audienceKey).toBeUndefined();
  });

  it('"told <show> co-host X that …": with "that" closing it, the whole hearer goes', async () => {
    // The engine reads two objects here ("the radio station", "WKXR co-host Tom Hale"); "that" says where the words begin.
    const a = await extract('Senator Ann Ross told the radio station WKXR co-host Tom Hale that she did not know why the bill failed.');
    const s = find(a, 'why the bill failed');
    expect(s.text.startsWith('she')).toBe(true);
  });

  it('a named institution ("The Central Electoral Bureau said") is an organisation, not a person; an unnamed one stays a description', async () => {
    const a = await extract('The Central Electoral Bureau said turnout was 52 percent. The regional fire service said the blaze was out.');
    const named = a.actors.find((x) => x.key === find(a, 'turnout was 52 percent').speakerKey)!;
    expect([named.kind, named.name]).toEqual(['ORGANIZATION', 'Central Electoral Bureau']);
    expect(a.actors.find((x) => x.key === find(a, 'the blaze was out').speakerKey)?.kind).toBe('ANONYMOUS_SOURCE');
    expect(a.actors.filter((x) => x.kind === 'PERSON')).toEqual([]);
  });

  it('"according to Norway\'s fisheries agency, NFD, …": the institution speaks — by its appositive name, else as described — and the words start after it', async () => {
    const a = await extract('According to Norway’s fisheries agency, NFD, the trawler sank at dawn. The crew was rescued, according to Norway’s coast guard service.');
    const first = find(a, 'the trawler sank at dawn');
    expect(first.text).toBe('the trawler sank at dawn');
    expect([name(a, first.speakerKey), a.actors.find((x) => x.key === first.speakerKey)?.kind]).toEqual(['NFD', 'ORGANIZATION']);
    expect(name(a, find(a, 'The crew was rescued').speakerKey)).toBe('Norway’s coast guard service');
  });

  it('"… killed three people, the city’s prosecutor said": an unclosed appositive after a non-person is the speaker itself; after a named person it describes him', async () => {
    const a = await extract('Police arrested two men in connection with a shooting that killed three people, the city’s prosecutor said.');
    expect(name(a, find(a, 'Police arrested two men').speakerKey)).toBe('the city’s prosecutor');
    const b = await extract('Major General Pavel Marek, a spokesman for the ministry told reporters that the ferry had left.');
    expect(name(b, find(b, 'the ferry had left').speakerKey)).toBe('Pavel Marek');
  });

  it('a verb of saying in a clause of time or cause reports nothing of the clause it hangs on ("… after negotiators concluded the deal")', async () => {
    const a = await extract('The deal was signed two weeks after negotiators concluded the deal in Ottawa.');
    expect(a.statements).toEqual([]);
    // "as X said" still attributes its host.
    const b = await extract('The talks are over, as the minister said on Monday.');
    expect(b.statements.map((s) => [name(b, s.speakerKey), s.text])).toEqual([['the minister', 'The talks are over']]);
  });

  it('"a baker who asked to be identified only as Karim told …": the one the relative clause describes speaks', async () => {
    const a = await extract('"I heard six or seven shots," a baker who asked to be identified only as Karim told France 24. A resident who declined to give her name said the shooting lasted a minute.');
    expect(name(a, find(a, 'I heard six or seven shots').speakerKey)).toBe('a baker');
    expect(name(a, find(a, 'the shooting lasted a minute').speakerKey)).toBe('a resident');
  });
});

