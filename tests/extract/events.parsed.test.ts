/**
 * Events of any story from the parse (src/extract/events/parsed.ts), on short articles written for these tests
 * (no article of any corpus), with the real NLP engine's parse (see globalSetup). Published Thursday 2024-03-14.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle, ExtractedEvent } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';
import { resolveCorpus } from '../../src/resolve/corpus.js';
import { eventMentioning as mentioning } from '../support/find.js';

const input = (id: string, text: string, publishedAt = '2024-03-14') => ({ id, text, outlet: 'Test Wire', title: null, publishedAt, url: null });
const extract = (text: string, publishedAt?: string): Promise<ExtractedArticle> => extractWithEngine(input('parsed-events', text, publishedAt));

const parsedEvents = (a: ExtractedArticle) => a.events.filter((e) => e.trigger !== undefined);

describe('events from the parse', () => {
  it('dates a primary by its own words and names it by the place', async () => {
    const a = await extract('Governor Ana Ruiz won Tuesday’s Montana primary by a wide margin, according to official results.');
    const e = mentioning(a, 'Montana primary');
    expect(e.kind).toBe('OTHER');
    expect(e.name).toBe('Montana primary of 2024-03-12');
    expect(e.date).toMatchObject({ start: '2024-03-12', precision: 'DAY' });
  });

  it('dates an attack by the predicate of its clause; a later undated mention by the same word joins it', async () => {
    const a = await extract(
      'A bombing killed four people at a market in the port city on Monday. Police said the bombing was the third in the region this year.',
    );
    const e = mentioning(a, 'A bombing');
    expect(e.kind).toBe('INCIDENT');
    expect(e.date).toMatchObject({ start: '2024-03-11', precision: 'DAY' });
    // "killed", dated the same Monday, is the bombing's own predicate.
    expect(e.mentions.map((m) => m.exact)).toEqual(['A bombing', 'killed', 'the bombing']);
  });

  it('reads the week of a bare weekday from the tense of its predicate, not from a "will" elsewhere in the sentence', async () => {
    // Published Thursday 2024-03-14: "held … on Tuesday" is the 12th; "will hold … on Tuesday" the 19th.
    const a = await extract(
      'Ana Ruiz held a rally on Tuesday while the port will stay closed until June. Her rival will hold a rally on Tuesday in the old port.',
    );
    const rallies = parsedEvents(a).filter((e) => e.trigger === 'rally').map((e) => e.date?.start).sort();
    expect(rallies).toEqual(['2024-03-12', '2024-03-19']);
  });

  it('reads a dated event verb ("the council voted Wednesday")', async () => {
    const a = await extract('The city council voted Wednesday to close the old bridge to heavy trucks.');
    const e = mentioning(a, 'voted');
    expect(e.date).toMatchObject({ start: '2024-03-13', precision: 'DAY' });
  });

  it('re-reads a lexical meeting’s bare weekday by the tense of its own verb, and renames it by the day', async () => {
    const a = await extract('Dozens of workers protested outside the hotel where the committee held its hearing Wednesday, in the hopes that the platform will endorse a higher wage.');
    const e = mentioning(a, 'hearing');
    expect(e.date).toMatchObject({ start: '2024-03-13', precision: 'DAY' });
    expect(e.name).toBe('hearing of 2024-03-13');
  });

  it('makes no event of a negated, hypothetical, wanted, generic or modifying use', async () => {
    const a = await extract(
      'There was no rally on Saturday. If a strike happens on Friday, the port will close. The voting law passed in May. Debates are rarely decisive. ' +
        'Rebels want to attack the port today.',
    );
    expect(parsedEvents(a).map((e) => e.name)).toEqual([]);
  });

  it('takes a place won or lost as the vote held there and joins it to that vote', async () => {
    const a = await extract('Voters in Oregon went to the polls on Tuesday in the Oregon primary. Sandra Vale won Oregon easily.');
    const e = mentioning(a, 'Oregon primary');
    expect(e.mentions.map((m) => m.exact)).toContain('Oregon');
    expect(parsedEvents(a)).toHaveLength(1);
  });

  it('dates an event by the participle that reports it ("a merger announced Monday"), even under "would"', async () => {
    const a = await extract('A $2 billion merger announced Monday would create the largest ferry operator in the region.');
    const e = mentioning(a, 'merger');
    expect(e.kind).toBe('AGREEMENT');
    expect(e.date).toMatchObject({ start: '2024-03-11', precision: 'DAY' });
  });

  it('dates an event by "scheduled for" on it, and through "after doing" by the main verb', async () => {
    const a = await extract('Her hopes rest on the two primaries scheduled for April 2 in the south.');
    expect(mentioning(a, 'primaries').date).toMatchObject({ start: '2024-04-02', precision: 'DAY' });
    const b = await extract('When Ana Ruiz took the stage on Tuesday after falling short in the Montana primary, her aides were quiet.');
    expect(mentioning(b, 'Montana primary').date).toMatchObject({ start: '2024-03-12', precision: 'DAY' });
  });

  it('joins the one parse event of a kind to the article’s one undated lexical event of that kind', async () => {
    const a = await extract(
      'The two companies are close to a deal, officials said. A $2 billion merger announced Monday would create the largest ferry operator.',
    );
    const agreements = a.events.filter((e) => e.kind === 'AGREEMENT');
    expect(agreements).toHaveLength(1);
    expect(agreements[0]!.mentions.map((m) => m.exact)).toEqual(['deal', 'A $2 billion merger']);
    expect(agreements[0]!.date).toMatchObject({ start: '2024-03-11', precision: 'DAY' });
  });

  it('dates an undated lexical event by the parse of its own words ("The accord signed on Friday …")', async () => {
    const a = await extract('The accord signed on Friday ends the month-long strike at the port. Dockworkers said the pact raises wages by 4 percent.');
    expect(mentioning(a, 'accord').date).toMatchObject({ start: '2024-03-08', precision: 'DAY' });
  });

  it('tells an incident story as one incident on the day the body gives, headline included', async () => {
    // Published Tuesday 2024-06-11; "after takeoff … on Sunday": the date is the crash's, not the takeoff's.
    const a = await extract(
      'Plane crash kills 153 near the port.\n\nA passenger plane crashed shortly after takeoff from the port on Sunday, killing all 153 people on board, ' +
        'aviation officials said.\n\nThe crash was the country’s worst since a mid-air collision over the delta in 2001.',
      '2024-06-11',
    );
    const incidents = a.events.filter((e) => e.kind === 'INCIDENT' && e.date);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.date).toMatchObject({ start: '2024-06-09', precision: 'DAY' });
    expect(incidents[0]!.mentions.map((m) => m.exact)).toEqual(['Plane crash', 'crashed', 'The crash']);
  });

  it('does not date an event by the point "since" counts from', async () => {
    // Published Thursday 2024-03-14.
    const a = await extract('Officials said it was the worst bombing in the region since March 3. Police made no arrests.');
    const bombing = a.events.find((e) => e.mentions.some((m) => m.exact.includes('bombing')));
    expect(bombing).toBeDefined();
    expect(bombing!.date?.start).not.toBe('2024-03-03');
  });

  it('does not give an event the day of something that belongs to it ("ad of the election"), but does for a phase of it', async () => {
    const a = await extract('Ana Ruiz will unveil on Monday her second ad of the general election. She signed autographs at the conclusion of a rally in the port on March 2.');
    // Before this rule the election was an event dated 2024-03-18, the ad's Monday; now it takes no date from it.
    expect(a.events.filter((e) => e.mentions.some((m) => m.exact.includes('election')) && e.date?.start === '2024-03-18')).toEqual([]);
    expect(mentioning(a, 'rally').date).toMatchObject({ start: '2024-03-02', precision: 'DAY' });
  });

  it('reads each place of a list of contests as the vote held there, on the list’s day', async () => {
    const a = await extract('Ana Ruiz won the primaries in Montana, Idaho and Utah on Tuesday, her aides said.');
    for (const place of ['Montana', 'Idaho', 'Utah']) expect(mentioning(a, place).date).toMatchObject({ start: '2024-03-12', precision: 'DAY' });
  });

  it('gives a place won with no date of its own the article’s one voting day, and no day when there are two', async () => {
    // Past the lede, where the news peg does not reach.
    const body = 'Results came in.\n\nTurnout was low.\n\n';
    const one = await extract(`${body}Voters went to the polls in Tuesday’s primaries across the west. Ana Ruiz lost Idaho to her rival.`);
    expect(mentioning(one, 'Idaho').date).toMatchObject({ start: '2024-03-12', precision: 'DAY', source: 'INFERRED' });
    const two = await extract(
      `${body}Voters went to the polls in Tuesday’s primaries in the west and in Wednesday’s caucuses in the north. Ana Ruiz lost Idaho to her rival.`,
    );
    expect(two.events.some((e) => e.mentions.some((m) => m.exact === 'Idaho'))).toBe(false);
  });

  it('dates the event a headline reports as done to the publication day or the one before (the news peg)', async () => {
    const a = await extract('Truck attack in port city kills 12.\n\nA truck drove into a crowd at the harbour market, police said.');
    expect(mentioning(a, 'attack').date).toMatchObject({ start: '2024-03-13', end: '2024-03-14', precision: 'INTERVAL', source: 'PUBLICATION' });
    // Not an ongoing campaign, not beyond the first paragraph after the headline, not in the future.
    const b = await extract(
      'Army widens air campaign.\n\nThe army widened its air campaign in the north.\n\nA bombing killed two people in the capital, officials said.',
    );
    expect(parsedEvents(b)).toEqual([]);
  });

  it('dates a clause told on the story’s day ("in the afternoon", "the next day") by the day an earlier sentence gives', async () => {
    const a = await extract(
      'The mayor spent Monday touring the flooded districts. She held a meeting in the afternoon with the fire chief. ' +
        'The council voted the next day to release emergency funds.',
    );
    expect(mentioning(a, 'a meeting').date).toMatchObject({ start: '2024-03-11', precision: 'DAY', source: 'INFERRED' });
    expect(mentioning(a, 'voted').date).toMatchObject({ start: '2024-03-12', precision: 'DAY' });
  });

  it('moves a yearless month to the coming one when near and its predicate is not past', async () => {
    const a = await extract('The committee drafts the platform before the party convention in late July.', '2024-06-09');
    expect(mentioning(a, 'convention').date).toMatchObject({ start: '2024-07-01', precision: 'MONTH' });
    const b = await extract('The party held its convention in July, and the platform followed.', '2024-06-09');
    expect(mentioning(b, 'convention').date).toMatchObject({ start: '2023-07-01', precision: 'MONTH' });
    // Four months ahead is not near: November, named in July without a year, is last November.
    const c = await extract('Officials remember the attack in November as a turning point.', '2024-07-15');
    expect(mentioning(c, 'attack').date).toMatchObject({ start: '2023-11-01', precision: 'MONTH' });
    const d = await extract('With the first nominating contest three weeks away, on Feb. 1, the campaign is busy.', '2024-01-12');
    expect(mentioning(d, 'contest').date).toMatchObject({ start: '2024-02-01', precision: 'DAY' });
  });

  describe('what a second reading found', () => {
    const exacts = (e: ExtractedEvent) => e.mentions.map((m) => `${m.start}:${m.exact}`);

    it('puts no mention in two events when the news peg joins a dated event', async () => {
      const a = await extract(
        'Attack kills 84 in Port Ellis.\n\nThe Northgate attack killed 130 people.\n\nThe Port Ellis attack happened on Thursday. The Southgate attack happened in March.',
        '2016-07-15',
      );
      const all = a.events.flatMap(exacts);
      expect(new Set(all).size).toBe(all.length);
    });

    it('joins no parse event to a lexical one whose parties it does not share', async () => {
      const a = await extract('Peru and Chile are close to a deal on gas.\n\nIn other news, a merger announced Monday would create the largest brewer.');
      const deal = mentioning(a, 'deal');
      expect(deal.mentions.map((m) => m.exact)).not.toContain('a merger');
      expect(deal.date).toBeNull();
    });

    it('keeps "last October" in the past', async () => {
      const a = await extract('Investigators are still examining last October’s attack in the capital, officials say.', '2016-08-20');
      expect(mentioning(a, 'attack').date).toMatchObject({ start: '2015-10-01', precision: 'MONTH' });
    });

    it('reads "the day before the primary" as no story day', async () => {
      const a = await extract('Ana Ruiz campaigned in the north on Tuesday, March 1. She held a rally in the port the day before the Montana primary.', '2016-03-05');
      const dates = a.events.filter((e) => e.trigger !== undefined).map((e) => e.date?.start);
      expect(dates).not.toContain('2016-02-29');
    });

    it('gives a place won no voting day that is still ahead', async () => {
      const a = await extract('Ana Ruiz lost Idaho, Utah and Montana. She now looks to the Oregon primary on March 22.', '2016-03-16');
      expect(a.events.filter((e) => e.mentions.some((m) => m.exact === 'Idaho')).map((e) => e.date?.start)).not.toContain('2016-03-22');
    });

    it('does not take "the vote on the trade bill" for the article’s one vote', async () => {
      const a = await extract('Ana Ruiz won the Montana primary on Tuesday.\n\nIn the capital, lawmakers delayed the vote on the trade bill until the fall.');
      expect(mentioning(a, 'Montana primary').mentions.map((m) => m.exact)).not.toContain('the vote');
    });

    it('pegs no event a short first paragraph only hopes for', async () => {
      const a = await extract('Ana Ruiz hopes for a win in the Montana primary.\n\nThe governor campaigned in the capital on Wednesday.', '2016-03-10');
      expect(a.events.filter((e) => e.date?.source === 'PUBLICATION')).toEqual([]);
    });

    it('dates no event by a date its clause gives something else', async () => {
      // Published Sunday 2024-03-17: "Friday" is the 15th.
      const cases = [
        'Today is two months until the presidential election.',
        'Ana Ruiz, the governor’s opponent in the upcoming gubernatorial election, called Friday for new rules.',
        'Authorities announced on Friday the arrest of a man in the shooting and said a curfew would continue through the weekend.',
        'The speech coincided this weekend with get-out-the-vote efforts across the state.',
      ];
      for (const text of cases) {
        const a = await extract(text, '2024-03-17');
        expect({ text, dated: parsedEvents(a).filter((e) => e.date).map((e) => e.name) }).toEqual({ text, dated: [] });
      }
    });

    it('takes no date from a clause inside an adjunct ("on the day they met … since strikes started on Sept. 30")', async () => {
      const a = await extract(
        'The news on the finalisation of the accord came on the day the two armies held their third video conference, focusing on missions since strikes started in the region on Sept. 30.',
        '2015-10-15',
      );
      expect(mentioning(a, 'accord').date).toBeNull();
    });

    it('makes one event of "the primary in Montana"', async () => {
      const a = await extract('Ana Ruiz won the primary in Montana on Tuesday.');
      expect(parsedEvents(a)).toHaveLength(1);
    });

    it('names a vote by the one place of its "in" phrase, so that "won" that place is the same vote', async () => {
      const a = await extract('This week’s contest in Montana is different territory for Ana Ruiz. She expects to win Montana easily.');
      const votes = parsedEvents(a);
      expect(votes).toHaveLength(1);
      expect(votes[0]!.name).toMatch(/^Montana contest of /);
      expect(votes[0]!.mentions.map((m) => m.exact)).toEqual(['This week’s contest', 'Montana']);
      // A list of places is each place's own vote, not one named by them all.
      const b = await extract('Ana Ruiz won the primaries in Montana and Idaho on Tuesday.');
      const names = parsedEvents(b).map((e) => e.name);
      expect(names).toEqual(expect.arrayContaining(['Idaho contest of 2024-03-12', 'Montana contest of 2024-03-12']));
      expect(names.filter((n) => n.includes('Montana'))).toEqual(['Montana contest of 2024-03-12']);
    });

    it('reads event words the tagger mislabels: a participle before its noun ("working dinner"), an adjective in a noun’s place', async () => {
      const a = await extract('Thursday’s working dinner at the palace drew forty leaders.');
      expect(mentioning(a, 'working dinner')).toMatchObject({ kind: 'MEETING', name: 'working dinner of 2024-03-14' });
      const b = await extract('Vale surged to prominence after she secured second place in Montana’s primary last month.');
      expect(mentioning(b, 'primary')).toMatchObject({ name: 'Montana primary of 2024-02', date: { start: '2024-02-01', precision: 'MONTH' } });
      // "scoring big in Idaho last week": the place scored in stands for its vote, in last week's Monday–Sunday.
      const c = await extract('Ruiz enters Tuesday’s contests with fresh momentum after scoring big in Idaho last week.');
      expect(mentioning(c, 'Idaho').date).toMatchObject({ start: '2024-03-04', end: '2024-03-10', precision: 'INTERVAL' });
    });

    it('tells an attack story whose date hangs on the crowd ("a crowd celebrating … on Thursday night") as one dated attack', async () => {
      const a = await extract(
        'Truck attack in port city kills 12.\n\nA truck rammed into a crowd celebrating the harbour festival in the port city on Thursday night, ' +
          'killing 12 people in an apparent terrorist attack, officials said, before being stopped by police.\n\n' +
          'The mayor said the state of emergency, imposed after gunmen killed 30 people in the capital last November, would be extended.\n\n' +
          'The president condemned the attack.',
        '2024-03-15',
      );
      // One statement: ", before being stopped by police" is no second thing the officials said, and the content's
      // "Thursday night" is no said-on date.
      const officials = a.statements.filter((s) => s.span.exact.includes('officials said'));
      expect(officials.map((s) => s.saidOn)).toEqual([null]);
      const attack = mentioning(a, 'rammed');
      expect(attack.date).toMatchObject({ start: '2024-03-14', precision: 'DAY', source: 'TEXT' });
      // The headline's "Truck attack" is the body's attack of that Thursday; "the attack" at the end is it too, not
      // the killing of last November, which only a verb named.
      expect(attack.mentions.map((m) => m.exact)).toEqual(['Truck attack', 'rammed', 'an apparent terrorist attack', 'the attack']);
      expect(a.events.filter((e) => e.kind === 'INCIDENT' && e.date?.start.startsWith('2024-03'))).toHaveLength(1);
    });

    it('pegs an accord the lede reports as news, past a date that only says when someone spoke of it', async () => {
      const a = await extract(
        'Senator Unimpressed By Fishing Treaty.\n\nSenator Ana Ruiz on Saturday criticized the fishing accord adopted after two weeks of talks ' +
          'among diplomats in Lisbon, saying the agreement goes nowhere near far enough.\n\nThe landmark agreement sets quotas for ten years.',
        '2024-03-16',
      );
      expect(mentioning(a, 'fishing accord').date).toMatchObject({ start: '2024-03-15', end: '2024-03-16', precision: 'INTERVAL', source: 'PUBLICATION' });
    });

    it('dates the setting of a clause by the date right after it, also when that is when its speaker spoke', async () => {
      const a = await extract('At a campaign rally Monday morning, Senator Ana Ruiz said the plan was dead.');
      expect(mentioning(a, 'campaign rally').date).toMatchObject({ start: '2024-03-11', precision: 'DAY' });
      // "In a call with analysts Monday": a call is a meeting with its "with"; the date follows its phrase.
      const call = await extract('In a call with analysts Monday, chief executive Ana Ruiz said the merger was safe.');
      expect(mentioning(call, 'a call')).toMatchObject({ kind: 'MEETING', date: { start: '2024-03-11', precision: 'DAY' } });
      const plea = await extract('In a call for calm Monday, the mayor asked residents to stay home.');
      expect(parsedEvents(plea).filter((e) => e.kind === 'MEETING')).toEqual([]);
    });

    it('dates the setting of what was said by the day it was said: it was said while the event took place', async () => {
      const a = await extract('At a campaign rally, Senator Ana Ruiz said on Monday that the plan was dead.');
      expect(mentioning(a, 'campaign rally').date).toMatchObject({ start: '2024-03-11', precision: 'DAY' });
      const b = await extract('Senator Ana Ruiz said on Tuesday at a rally in Porto that she would win.');
      expect(mentioning(b, 'a rally').date).toMatchObject({ start: '2024-03-12', precision: 'DAY' });
      // A meeting word of the lexical rules likewise ("said Monday during the debate").
      const c = await extract('Senator Ana Ruiz said Monday during the debate that she backs the plan.');
      expect(mentioning(c, 'the debate').date).toMatchObject({ start: '2024-03-11', precision: 'DAY' });
      // Said further down at an undated setting, in a story whose lede gives the day it reports: that day.
      const e = await extract(
        'Ruiz Calls Floods A Disaster.\n\nMarch 12 (Reuters) - Senator Ana Ruiz on Tuesday said that the floods were a disaster.\n\n' +
          '“We need help,” Ruiz said answering a question at a town hall in Porto.',
        '2024-03-13',
      );
      expect(mentioning(e, 'town hall').date).toMatchObject({ start: '2024-03-12', precision: 'DAY', source: 'INFERRED' });
      // Not when the sentence tells another time, even only a year.
      const f = await extract(
        'Ruiz Meets Vale.\n\nMarch 12 (Reuters) - Senator Ana Ruiz on Tuesday said that the talks went well.\n\n' +
          '“In my first meeting with him in 2011, he said we must work together,” Ruiz recalled.',
        '2024-03-13',
      );
      expect(f.events.filter((x) => x.date && x.mentions.some((m) => m.exact.includes('first meeting')))).toEqual([]);
      // Not an event the words are about: only the setting of the verb of saying.
      const d = await extract('The polls were calm. Senator Ana Ruiz said on Monday that the summit had failed and the rally was cancelled.');
      expect(d.events.filter((e) => e.date)).toEqual([]);
    });

    it('reads a story of talks and a deal as a reader would (rounds dated by "held on", a signing by its own verb, a treaty by its year)', async () => {
      const reached = await extract(
        'Two nations reach fishing deal at third round of talks.\n\nPortugal and Morocco have agreed on rules for their trawlers. ' +
          'The deal was reached at the third round of talks, held on March 3 in Geneva, a Portuguese minister said on Tuesday. ' +
          'The agreement will be signed in Rabat next week.',
        '2025-03-05',
      );
      expect(mentioning(reached, 'third round of talks').date).toMatchObject({ start: '2025-03-03', precision: 'DAY' });
      // The headline's deal is the article's agreement, not a second one.
      expect(reached.events.filter((e) => e.kind === 'AGREEMENT')).toHaveLength(1);
      // Not dated by the plan to sign it next week, but by the headline's news: reached by publication.
      expect(reached.events.find((e) => e.kind === 'AGREEMENT')!.date).toMatchObject({ start: '2025-03-04', end: '2025-03-05', source: 'PUBLICATION' });
      expect(mentioning(reached, 'fishing deal').kind).toBe('AGREEMENT');

      const signed = await extract('Portugal and Morocco on Tuesday signed an agreement on trawler safety in Rabat.', '2025-03-12');
      expect(signed.events.find((e) => e.kind === 'AGREEMENT_MILESTONE' && e.status === 'SIGNED')?.date).toMatchObject({ start: '2025-03-11', precision: 'DAY' });
      expect(signed.events.find((e) => e.kind === 'AGREEMENT')?.date).toMatchObject({ start: '2025-03-11' });
      const treaty = await extract('Fishing disputes have flared repeatedly since a 2010 treaty split the waters.', '2025-03-12');
      expect(mentioning(treaty, 'treaty').date).toMatchObject({ start: '2010-01-01', end: '2010-12-31', precision: 'YEAR' });
    });

    it('dates an event by a relative clause it is the subject of, not by one whose subject is someone else', async () => {
      const a = await extract('Critics said the governor ignored the blizzard that hit his state last month.', '2024-03-14');
      expect(mentioning(a, 'blizzard').date).toMatchObject({ start: '2024-02-01', precision: 'MONTH' });
      const b = await extract('The recording does not show the shooting itself, which occurred Tuesday afternoon near the school.', '2024-03-14');
      expect(mentioning(b, 'shooting').date).toMatchObject({ start: '2024-03-12', precision: 'DAY' });
      // Past the lede (where the news peg would date it), nothing dates the merger: Monday is the criticizing.
      const c = await extract('Markets rose.\n\nTraders were calm.\n\nAnalysts doubted the merger that the minister criticized on Monday.', '2024-03-14');
      expect(parsedEvents(c).filter((e) => e.date)).toEqual([]);
      const d = await extract('Markets rose.\n\nTraders were calm.\n\nThe election that was postponed on Monday will now take place in June.', '2024-03-14');
      expect(mentioning(d, 'election').date?.precision).not.toBe('DAY');
    });

    it('reads no incident into an attack made of words ("attacked her opponent as a fraud"), and keeps a physical one', async () => {
      const words = await extract('The nominee aggressively attacked her opponent as a fraud during the debate Monday night.');
      expect(parsedEvents(words).filter((e) => e.kind === 'INCIDENT')).toEqual([]);
      const named = await extract('Senator Ana Ruiz attacked Governor Tom Vale on Monday in a televised speech.');
      expect(parsedEvents(named).filter((e) => e.kind === 'INCIDENT')).toEqual([]);
      const physical = await extract('Gunmen attacked a hotel in the capital on Monday, killing 20 people.');
      expect(mentioning(physical, 'attacked')).toMatchObject({ kind: 'INCIDENT', date: { start: '2024-03-11' } });
    });

    it('reads a weekday told by an infinitive of expecting or planning as the coming one, not by a present of analysis', async () => {
      // Published Sunday 2016-09-25: Monday is the 26th when ahead, the 19th when past.
      const a = await extract('Pollsters said a majority of voters expect Ana Ruiz to win Monday’s debate at the university.', '2016-09-25');
      expect(mentioning(a, 'debate').date).toMatchObject({ start: '2016-09-26' });
      const b = await extract('Critics said she failed to win Monday’s debate at the university.', '2016-09-25');
      expect(mentioning(b, 'debate').date).toMatchObject({ start: '2016-09-19' });
    });

    it('what a third reading found: no event in figurative storms or named weapons, an attacked person is still attacked', async () => {
      const body = (t: string) => `Markets rose.\n\nTraders were calm.\n\n${t}`;
      for (const t of ['The remarks set off a storm of criticism on Monday.', 'The result was a political earthquake on Tuesday.', 'The government weathered the storm on Monday.', 'Ukraine fired Storm Shadow missiles at a base on Tuesday.']) {
        expect((await extract(body(t))).events.filter((e) => e.kind === 'INCIDENT')).toEqual([]);
      }
      const attacked = await extract(body('A man attacked Salman Rushdie on stage on Friday.'));
      expect(mentioning(attacked, 'attacked')).toMatchObject({ kind: 'INCIDENT', date: { start: '2024-03-08' } });
      // Two verbs of one kind tell two events unless a noun names one: "shot" and "stabbed" are two, "A bombing
      // killed four" is one (tested above).
      const shot = await extract('Police shot a man who had stabbed two people.\n\nThe man died in hospital.');
      expect(parsedEvents(shot).map((e) => e.mentions.map((m) => m.exact))).toEqual([['shot'], ['stabbed']]);
      // "failure to win Tuesday's primary": a noun's infinitive tells no future.
      const failed = await extract(body('Her failure to win Tuesday’s primary in Montana ended her campaign.'), '2024-03-14');
      expect(mentioning(failed, 'primary').date).toMatchObject({ start: '2024-03-12' });
    });

    it('gives the news peg to a headline or lede verb that reports the event ("Senate votes to …")', async () => {
      const a = await extract('Senate votes to repeal the tariff law.\n\nThe Senate voted 52-47 to repeal the law.\n\nThe bill now goes to the House.');
      expect(mentioning(a, 'voted').date).toMatchObject({ start: '2024-03-13', end: '2024-03-14', precision: 'INTERVAL', source: 'PUBLICATION' });
      // Not a verb politics uses for words ("attacked law enforcement officers"), not beyond the lede.
      const c = await extract('Governor calls rival a disgrace.\n\nThe governor called Ana Ruiz a disgrace after she attacked police officers nationwide.');
      expect(parsedEvents(c)).toEqual([]);
      const b = await extract('Senate debates tariffs.\n\nThe debate went on for hours.\n\nLater the Senate voted to repeal the law.');
      expect(parsedEvents(b)).toEqual([]);
    });
  });

  it('gives one node to one event across articles, by name and day', async () => {
    const first = await extractWithEngine(input('a1', 'Sandra Vale won the Oregon primary on Tuesday.', '2024-03-13'));
    const second = await extractWithEngine(input('a2', 'After Tuesday’s Oregon primary, Sandra Vale thanked her volunteers.', '2024-03-14'));
    const ids = resolveCorpus([first, second]).map((r) => r.ids[mentioning(r, 'Oregon primary').key]);
    expect(ids[0]).toBe('event:other:oregon-vote:2024-03-12');
    expect(ids[1]).toBe(ids[0]);
  });

  it('gives one node to the day’s vote named by common words only, whatever word each article uses; proper words keep theirs', async () => {
    const first = await extractWithEngine(input('d1', 'Ana Ruiz swept Tuesday’s primaries, her aides said.', '2024-03-13'));
    const second = await extractWithEngine(input('d2', 'Turnout in Tuesday’s contests was the lowest in years.', '2024-03-14'));
    const third = await extractWithEngine(input('d3', 'The Senate vote on Tuesday passed the tariff bill.', '2024-03-14'));
    const [r1, r2, r3] = resolveCorpus([first, second, third]);
    expect(r1!.ids[mentioning(r1!, 'primaries').key]).toBe('event:other:day-vote:2024-03-12');
    expect(r2!.ids[mentioning(r2!, 'contests').key]).toBe('event:other:day-vote:2024-03-12');
    expect(r3!.ids[mentioning(r3!, 'Senate vote').key]).toBe('event:other:senate-vote:2024-03-12');
    // A body's vote named by the word "vote" is not the day's election.
    const body = await extractWithEngine(input('d4', 'Lawmakers voted on Tuesday to approve the budget.', '2024-03-14'));
    const [, r4] = resolveCorpus([first, body]);
    expect(r4!.ids[mentioning(r4!, 'voted').key]).not.toBe('event:other:day-vote:2024-03-12');
  });

  it('gives one node to a vote held in one place on one day, whatever each article calls it', async () => {
    const first = await extractWithEngine(input('a1', 'Sandra Vale won the Oregon primary on Tuesday.', '2024-03-13'));
    const second = await extractWithEngine(input('a2', 'Oregon’s Tuesday caucus drew few voters, and Sandra Vale thanked her volunteers.', '2024-03-14'));
    const ids = resolveCorpus([first, second]).map((r, i) => r.ids[mentioning(r, i === 0 ? 'Oregon primary' : 'caucus').key]);
    expect(ids).toEqual(['event:other:oregon-vote:2024-03-12', 'event:other:oregon-vote:2024-03-12']);
  });

  describe('a fifth reading (fresh batch d)', () => {
    it('reads a weekday awaited by "before" in a clause not over as ahead, and as past after a simple past', async () => {
      // Published on a Sunday (2024-03-10): "Tuesday" is the coming one unless the clause is told as over.
      const ahead = await extract('Ana Ruiz’s shaky debate performance just days before Tuesday’s Oregon primary has emboldened her rivals.', '2024-03-10');
      expect(mentioning(ahead, 'Oregon primary').date).toMatchObject({ start: '2024-03-12', precision: 'DAY' });
      const over = await extract('Ana Ruiz stumbled in the debate just days before Tuesday’s primary.', '2024-03-10');
      expect(mentioning(over, 'primary').date).toMatchObject({ start: '2024-03-05', precision: 'DAY' });
    });

    it('dates a place finished in by "a week ago", and leaves a place whose vote the article names undated off the voting day', async () => {
      const a = await extract(
        'Ana Ruiz appeared poised to win Tuesday’s primary after finishing second in Oregon a week ago. She thanked the winner of the Nevada caucuses. ' +
          'Her strong finish in Nevada helped her.',
        '2024-03-12',
      );
      expect(a.events.find((e) => e.mentions.some((m) => m.exact === 'Oregon'))!.date).toMatchObject({ start: '2024-03-05', precision: 'DAY' });
      // Nevada's own vote is named ("the Nevada caucuses") and given no day: a finish there is not Tuesday's.
      const tuesday = a.events.find((e) => e.date?.start === '2024-03-12')!;
      expect(tuesday.mentions.map((m) => m.exact)).not.toContain('Nevada');
    });

    it('makes the article’s vote of the day, named by common words, the vote of the one place its other words name', async () => {
      const a = await extract(
        'Barbs before N.M. vote.\n\nSANTA FE - Candidates crossed the state on Monday, pleading with voters for their support in Tuesday’s primary election. ' +
          'Ana Ruiz finished second in Oregon a week ago. Voters in the New Mexico primary are famously late deciders.',
        '2024-03-12',
      );
      const vote = mentioning(a, 'primary election');
      expect(vote.mentions.map((m) => m.exact)).toEqual(['N.M. vote', 'Tuesday’s primary election', 'the New Mexico primary']);
      // Two spellings of one place count together, under the full one, so that the vote is that place's.
      expect(vote.place?.name).toBe('New Mexico');
      // "New Mexico" is no mention of the country Mexico (data/lexicon/countries.json, notCountries).
      expect(a.actors.filter((x) => x.kind === 'COUNTRY').map((x) => x.name)).not.toContain('Mexico');
      const [r] = resolveCorpus([a]);
      expect(r!.ids[vote.key]).toBe('event:other:new-mexico-vote:2024-03-12');
      // Two places named, nothing said: the day's vote stays the day's.
      const two = await extract('Voters went to the polls in Tuesday’s primary election. The New Mexico primary and the Oregon primary drew crowds.', '2024-03-13');
      expect(mentioning(two, 'primary election').mentions.map((m) => m.exact)).toEqual(['Tuesday’s primary election']);
    });

    it('counts an event’s day from a dated predicate ("on Wednesday, six days before the primary", "a week after the election")', async () => {
      const a = await extract('The candidates made their cases to voters on Wednesday, just six days before the state’s primary.', '2016-02-04');
      expect(mentioning(a, 'primary').date).toMatchObject({ start: '2016-02-09', precision: 'DAY', source: 'INFERRED' });
      const b = await extract('The ministers met on Monday, a week after the election.', '2016-02-04');
      expect(mentioning(b, 'election').date).toMatchObject({ start: '2016-01-25', precision: 'DAY' });
      // Uncounted, the relation dates nothing.
      const c = await extract('The ministers met on Monday, days after the election.', '2016-02-04');
      expect(c.events.filter((e) => e.date && e.mentions.some((m) => m.exact.includes('election')))).toEqual([]);
    });

    it('reads short decks under a headline as part of it, so the lede that gives the story’s day is the paragraph after them', async () => {
      const a = await extract(
        'Pleas before the vote.\n\nINTENSE CAMPAIGNING ON BOTH SIDES.\n\nRuiz, Vale lead; primary unlikely to settle race.\n\n' +
          'PORTO - Candidates crossed the region on Monday, pleading with voters for their support.\n\nRuiz held a sizable lead.\n\n' +
          '“We need change,” Vale said at a midday rally in Porto.',
        '2016-02-09',
      );
      expect(mentioning(a, 'rally').date).toMatchObject({ start: '2016-02-08', precision: 'DAY', source: 'INFERRED' });
    });

    it('reads a numbered round of voting in a sentence that names the vote ("a runoff … after neither won a majority in Sunday’s first round")', async () => {
      const a = await extract('Ana Ruiz and Tomas Vale will face each other in a runoff on May 17 after neither won a majority in Sunday’s first round.', '2026-05-04');
      expect(mentioning(a, 'first round')).toMatchObject({ kind: 'OTHER', name: 'first round of 2026-05-03', date: { start: '2026-05-03', precision: 'DAY' } });
      // A round of anything else is no vote.
      const b = await extract('The boxer won the fight in the third round on Sunday.', '2026-05-04');
      expect(parsedEvents(b)).toEqual([]);
    });

    it('reads a trial, a ceremony, a funeral or a fundraiser as a meeting, dated by its clause', async () => {
      const a = await extract('The trial opened on Tuesday in Hamburg. The leaders met at a signing ceremony on Thursday.', '2016-08-29');
      expect(mentioning(a, 'The trial')).toMatchObject({ kind: 'MEETING', date: { start: '2016-08-23' } });
      expect(mentioning(a, 'signing ceremony')).toMatchObject({ kind: 'MEETING', date: { start: '2016-08-25' } });
    });

    it('reads protests in the plural, a march and a demonstration as an incident ("joined protests in Lima on Tuesday")', async () => {
      const a = await extract('Tens of thousands joined protests in Lima on Tuesday against the pension reform.', '2026-12-03');
      expect(mentioning(a, 'protests')).toMatchObject({ kind: 'INCIDENT', date: { start: '2026-12-01', precision: 'DAY' } });
      const b = await extract('Thousands of people marched through central Lima on Friday, in the largest demonstration in years.', '2026-10-03');
      expect(mentioning(b, 'marched')).toMatchObject({ kind: 'INCIDENT', date: { start: '2026-10-02' } });
      expect(mentioning(b, 'marched').mentions.map((m) => m.exact)).toContain('the largest demonstration');
      // The month is no march; troops marching someone somewhere is no protest.
      const c = await extract('The unions held the march in March. Troops marched the prisoners to the camp on Friday.', '2026-10-03');
      expect(c.events.flatMap((e) => e.mentions.map((m) => m.exact))).toEqual(['the march']);
    });

    it('dates a bare round of talks by a participle of occurrence on it ("The second round, held in late January, …")', async () => {
      const a = await extract('Norway and Finland held a first round of fishing talks in Oslo on Sunday.\n\nThe second round, held in late January, ended without agreement.', '2026-02-12');
      const second = a.events.find((e) => e.series?.ordinal === 2)!;
      expect(second.date).toMatchObject({ start: '2026-01-01', end: '2026-01-31', precision: 'MONTH' });
    });

    it('makes no event of one said not to have happened ("without a deal") nor of several counted ("three rounds of talks")', async () => {
      const a = await extract('Markets rose.\n\nTraders were calm.\n\nThe first round in January had ended without a deal. The pact came after three rounds of talks that began in January.', '2026-02-12');
      expect(parsedEvents(a).filter((e) => e.date)).toEqual([]);
    });

    it('reads a plural named by its place or day as one event, dated by its own phrase even after "after"', async () => {
      const a = await extract('The company acted after the Lisbon attacks in November.', '2016-02-08');
      expect(mentioning(a, 'Lisbon attacks')).toMatchObject({ kind: 'INCIDENT', date: { start: '2015-11-01', precision: 'MONTH' } });
      // Several attacks named by nothing are not one event.
      const b = await extract('Rebel attacks on the town continued in November.', '2016-02-08');
      expect(parsedEvents(b)).toEqual([]);
    });

    it('reads an incident told by a verb with its object ("opened fire") or a noun with its object ("an exchange of fire"), not the same words otherwise', async () => {
      const a = await extract('A gunman opened fire at a crowded market on Saturday, killing three people. The shooting shocked the city.', '2026-04-05');
      expect(mentioning(a, 'opened')).toMatchObject({ kind: 'INCIDENT', name: 'shooting of 2026-04-04' });
      expect(mentioning(a, 'opened').mentions.map((m) => m.exact)).toContain('The shooting');
      const b = await extract('An exchange of fire near the border on Monday killed two soldiers.', '2026-04-05');
      expect(mentioning(b, 'exchange')).toMatchObject({ kind: 'INCIDENT', name: 'exchange of fire of 2026-03-30' });
      const c = await extract('The mayor opened the market on Saturday. The ministers held an exchange of views on Monday.', '2026-04-05');
      expect(parsedEvents(c)).toEqual([]);
    });
  });
});
