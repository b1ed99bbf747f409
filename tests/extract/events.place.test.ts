/**
 * Where an event happened (src/extract/events/place.ts), on sentences written for these tests (no article of any
 * corpus), with the real NLP engine's parse (see globalSetup). Published Thursday 2024-03-14.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { EventPlaces, placeName } from '../../src/extract/events/place.js';
import { Syntax } from '../../src/extract/syntax.js';
import { extractWithEngine, testNlp } from '../support/nlp.js';
import { eventMentioning as mentioning } from '../support/find.js';

const input = (text: string) => ({ id: 'place-events', text, outlet: 'Test Wire', title: null, publishedAt: '2024-03-14', url: null });
const extract = (text: string): Promise<ExtractedArticle> => extractWithEngine(input(text));


/** The place of the event mentioned as `words`, with the words it was read from (offsets checked against the text). */
async function placeOf(text: string, words: string): Promise<{ name: string; exact: string } | undefined> {
  const a = await extract(text);
  const place = mentioning(a, words).place;
  if (place) expect(text.slice(place.span.start, place.span.end)).toBe(place.span.exact);
  return place && { name: place.name, exact: place.span.exact };
}

describe('the place of an event', () => {
  it('reads a place that names a vote, as a compound or a possessive', async () => {
    const text = "Ana Ruiz won Iowa's caucuses on Monday, days before the New Hampshire primary on Feb. 9.";
    expect(await placeOf(text, 'caucuses')).toEqual({ name: 'Iowa', exact: 'Iowa' });
    expect(await placeOf(text, 'New Hampshire primary')).toEqual({ name: 'New Hampshire', exact: 'New Hampshire' });
  });

  it('reads "in/at <place>" on the event word, and a place a spot in it lies in', async () => {
    expect(await placeOf('A truck attack in Nice on Thursday killed 84 people.', 'truck attack')).toEqual({ name: 'Nice', exact: 'Nice' });
    expect(await placeOf('A shooting in the city of Springfield on Monday left two dead.', 'shooting')).toEqual({ name: 'Springfield', exact: 'Springfield' });
    expect(await placeOf('The rally at Madison Square Garden on Sunday drew thousands.', 'rally')).toEqual({
      name: 'Madison Square Garden',
      exact: 'Madison Square Garden',
    });
  });

  it('reads the place of the verb that holds the event ("held a rally in Denver")', async () => {
    expect(await placeOf('Governor Ana Ruiz held a rally in Denver on Tuesday.', 'rally')).toEqual({ name: 'Denver', exact: 'Denver' });
  });

  it('takes words the engine calls a place elsewhere in the article as a place where it misreads them', async () => {
    // The engine reads "Nice" in "The Nice attack" as an organisation; "Officials in Nice" says it is a place.
    const text = 'The Nice attack on Thursday killed 84 people. Officials in Nice closed the promenade.';
    expect(await placeOf(text, 'Nice attack')).toEqual({ name: 'Nice', exact: 'Nice' });
  });

  it('reads the place of the talks a round counts, and no place out of an event’s own name', async () => {
    expect(await placeOf('Diplomats held the first round of talks in Lisbon on Monday.', 'first round of talks')).toEqual({ name: 'Lisbon', exact: 'Lisbon' });
    // "the Atlantic Sea Fisheries Agreement" is the agreement's name; the sea it names is a place only as a place
    // the article names on its own.
    const text = 'Portugal and Morocco signed an accord on trawlers in the Atlantic Ocean. Ministers signed the Atlantic Ocean Fisheries Agreement on Tuesday.';
    const place = await placeOf(text, 'Atlantic Ocean Fisheries Agreement');
    expect(place?.name).toBe('Atlantic Ocean');
  });

  it('names a country by the gazetteer, whatever the spelling', async () => {
    expect(placeName('the U.S.')).toBe('United States');
    expect(placeName('Iowa’s')).toBe('Iowa');
    expect(placeName('New  Hampshire')).toBe('New Hampshire');
  });

  it('gives no place for an organisation, a party, a place of saying or of another verb', async () => {
    // "CNN" modifies the town hall; "Russia" and "U.S." are the talks' parties; Boston is where she said it; Paris where it was condemned.
    expect(await placeOf('Ruiz spoke at the CNN town hall on Thursday.', 'town hall')).toBeUndefined();
    expect(await placeOf('The U.S.-Russia talks on Friday ended early.', 'talks')).toBeUndefined();
    expect(await placeOf('The rally on Tuesday, she said in Boston, was a success.', 'rally')).toBeUndefined();
    expect(await placeOf('The bombing on Tuesday was condemned in Paris by the mayor.', 'bombing')).toBeUndefined();
    expect(await placeOf('In Toronto, critics on Monday denounced the rally on Sunday.', 'the rally')).toBeUndefined();
  });

  it('gives no single place to an event held in a list of places, but keeps "<city>, <state>"', async () => {
    expect(await placeOf('The talks in Geneva and Vienna on Monday ended early.', 'talks')).toBeUndefined();
    expect(await placeOf('A bombing in Kabul, Afghanistan on Monday killed 12.', 'bombing')).toEqual({ name: 'Kabul', exact: 'Kabul' });
  });

  it('keeps the talks’ place when a preposition gives it', async () => {
    expect(await placeOf('The U.S.-Russia talks in Geneva on Friday ended early.', 'talks')).toEqual({ name: 'Geneva', exact: 'Geneva' });
  });

  it('takes a state won for the vote held there as its place', async () => {
    const text = 'Sandra Vale won Idaho on Tuesday.';
    const parse = await (await testNlp()).parse(text);
    const places = new EventPlaces(text, new Syntax(parse), { actors: [], actorsIn: () => [] });
    const at = text.indexOf('Idaho');
    const mention = { start: at, end: at + 'Idaho'.length, exact: 'Idaho' };
    expect(places.placeOf(mention, { kind: 'OTHER', trigger: 'contest', participantKeys: [] })?.name).toBe('Idaho');
    // A mention that is only part of a place is no contest of it.
    expect(places.placeOf({ start: at, end: at + 2, exact: 'Id' }, { kind: 'OTHER', trigger: 'contest', participantKeys: [] })).toBeUndefined();
  });

  it('takes no name the article knows as an organisation for a place, whatever the engine’s label', async () => {
    const text = 'Governor Ana Ruiz held a rally in Denver on Tuesday.';
    const syntax = new Syntax(await (await testNlp()).parse(text));
    const mention = { start: text.indexOf('a rally'), end: text.indexOf('a rally') + 7, exact: 'a rally' };
    const event = { kind: 'MEETING' as const, trigger: 'rally', participantKeys: [] };
    expect(new EventPlaces(text, syntax, { actors: [], actorsIn: () => [] }).placeOf(mention, event)?.name).toBe('Denver');
    const org = { key: 'a1', name: 'Denver', kind: 'ORGANIZATION' as const, aliases: [], mentions: [] };
    expect(new EventPlaces(text, syntax, { actors: [org], actorsIn: () => [] }).placeOf(mention, event)).toBeUndefined();
  });

  it('gives an event mentioned several times the place most mentions give', async () => {
    const a = await extract('Ana Ruiz held a rally in Denver on Tuesday. The rally in Denver drew thousands, and the rally in Boston on Wednesday fewer.');
    expect(mentioning(a, 'a rally').place?.name).toBe('Denver');
  });
});
