import { describe, expect, it } from 'vitest';
import { expectExactSpans, runEvents, statementOver } from './support/runEvents.js';

const rows = (r: ReturnType<typeof runEvents>) =>
  r.events.map((e) => [e.kind, e.name, e.status ?? null, e.date ? `${e.date.start}/${e.date.end}/${e.date.precision}/${e.date.source}` : null]);

describe('agreements and their status over time', () => {

  it('"in force since Oct. 20" dates the agreement\'s taking effect, not the report', () => {
    const r = runEvents('The memorandum of understanding between the United States and Russia, in force since Oct. 20, requires pilots to keep apart.', '2015-11-12');
    expect(rows(r)).toContainEqual(['AGREEMENT_MILESTONE', 'Russia–United States memorandum of understanding: in implementation', 'IN_IMPLEMENTATION', '2015-10-20/2015-10-20/DAY/TEXT']);
  });

  it('"the memorandum" refers back to a memorandum of understanding named before it; alone it is any memo', () => {
    const r = runEvents(
      'A Justice Department memorandum said the flights were legal. The United States and Russia agreed a memorandum of understanding on air safety. ' +
        'The memorandum was signed on Tuesday.',
      '2015-10-21',
    );
    const agreements = r.events.filter((e) => e.kind === 'AGREEMENT');
    expect(agreements.map((e) => e.name)).toEqual(['Russia–United States memorandum of understanding']);
    expect(agreements[0]!.mentions.map((m) => m.exact)).toEqual(['memorandum of understanding', 'memorandum']);
    expect(rows(r)).toContainEqual(['AGREEMENT_MILESTONE', 'Russia–United States memorandum of understanding: signed', 'SIGNED', '2015-10-20/2015-10-20/DAY/TEXT']);
    expect(runEvents('The memorandum said the program was legal. It was signed on Tuesday.', '2015-10-21').events).toEqual([]);
    const paper = runEvents('The two countries signed a memorandum of understanding. Officials released a document on Tuesday.', '2015-10-21');
    expect(paper.events.find((e) => e.kind === 'AGREEMENT')!.mentions.map((m) => m.exact)).toEqual(['memorandum of understanding']);
  });
  it('joins aliases into one agreement and dates each status by its report', () => {
    const text =
      'Officials: U.S. and Russia close to agreement on flights\n' +
      'The United States and Russia are in the process of finalizing a memorandum of understanding, a U.S. official told CNN Wednesday. ' +
      'It could be signed and implemented in the coming days. A second official said the agreement would cover all aircraft.';
    const r = runEvents(text, '2015-10-14');
    expect(rows(r)).toEqual([
      ['AGREEMENT', 'Russia–United States memorandum of understanding', null, null],
      ['AGREEMENT_MILESTONE', 'Russia–United States memorandum of understanding: in negotiation', 'IN_NEGOTIATION', '2015-10-14/2015-10-14/DAY/TEXT'],
      ['AGREEMENT_MILESTONE', 'Russia–United States memorandum of understanding: nearing completion', 'NEARING_COMPLETION', '2015-10-14/2015-10-14/DAY/PUBLICATION'],
    ]);
    expect(r.events[0]!.mentions.map((m) => m.exact)).toEqual(['agreement', 'memorandum of understanding', 'agreement']);
    expect(r.events[1]!.milestoneOf).toBe(r.events[0]!.key);
    expect(r.claims.map((c) => [c.attribute, c.normalized, c.eventKey])).toEqual([
      ['status', 'NEARING_COMPLETION', r.events[0]!.key],
      ['status', 'IN_NEGOTIATION', r.events[0]!.key],
    ]);
    expect(expectExactSpans(text, r)).toBe(true);
  });

  it('dates a signing by the text, with month precision, and implementation by its report', () => {
    const text =
      'According to the statement, officials discussed the "ongoing implementation of the US-Russia memorandum of understanding (MOU) on flight safety". ' +
      'The conference was the first since the MOU was signed in October of 2015. Later the two countries reached an agreement on drills.';
    const r = runEvents(text, '2016-01-29', [], [statementOver(text, 's1', 'pc', 'According to the statement, officials discussed the "ongoing implementation of the US-Russia memorandum of understanding (MOU) on flight safety".')]);
    expect(rows(r)).toEqual([
      ['AGREEMENT', 'Russia–United States memorandum of understanding', null, '2015-10-01/2015-10-31/MONTH/TEXT'],
      ['AGREEMENT_MILESTONE', 'Russia–United States memorandum of understanding: signed', 'SIGNED', '2015-10-01/2015-10-31/MONTH/TEXT'],
      ['AGREEMENT_MILESTONE', 'Russia–United States memorandum of understanding: in implementation', 'IN_IMPLEMENTATION', '2016-01-29/2016-01-29/DAY/PUBLICATION'],
    ]);
    const implementation = r.claims.find((c) => c.normalized === 'IN_IMPLEMENTATION')!;
    expect(implementation).toMatchObject({ sourceActorKey: 'pc', statementKey: 's1' });
  });

  it('never takes a modal or an unwritten understanding for the agreement', () => {
    const text = 'The deal could be signed soon. It could just be a reiteration of a non-written agreement.';
    const r = runEvents(text, '2015-10-15');
    expect(r.events.filter((e) => e.kind === 'AGREEMENT_MILESTONE')).toEqual([]);
    expect(r.events.flatMap((e) => e.mentions.map((m) => m.exact))).toEqual(['deal']);
  });
});

describe('campaigns', () => {
  it('dates campaign starts, "since last year" with year precision, and "a week later" from its anchor', () => {
    const text =
      'Russia started its military campaign on Sept. 30 and fired missiles while the U.S. coalition had been actively in operation since last year. ' +
      'Russia began carrying out airstrikes in Syria on Sept. 30, and Syrian troops and allied militiamen began a ground offensive a week later.';
    const r = runEvents(text, '2015-10-15');
    expect(rows(r)).toEqual([
      ['CAMPAIGN', 'Russian military campaign', null, '2015-09-30/2015-09-30/DAY/TEXT'],
      ['CAMPAIGN', 'U.S. military campaign', null, '2014-01-01/2014-12-31/YEAR/TEXT'],
      ['CAMPAIGN', 'Syrian offensive', null, '2015-10-07/2015-10-07/DAY/INFERRED'],
    ]);
    expect(r.events[0]!.mentions.map((m) => m.exact)).toEqual(['started its military campaign', 'began carrying out airstrikes']);
    expect(r.events[2]!.date?.span?.exact).toBe('a week later');
  });

  it('leaves undated campaigns out', () => {
    expect(runEvents('Russia began its aerial campaign against the group.', '2016-01-29').events).toEqual([]);
  });

  it('makes no agreement of one that was not reached ("ended without a deal", "no agreement")', () => {
    const text = 'Talks between Norway and Finland ended without a deal on Wednesday. No agreement was reached on quotas, officials said.';
    expect(rows(runEvents(text, '2024-05-10')).filter(([kind]) => kind === 'AGREEMENT')).toEqual([]);
  });

  it('names an agreement by the parties its mentions name most often, not by every country listed near it', () => {
    const text =
      'Uruguay ratified the free trade agreement between Canada and the Mercosur bloc on Wednesday. ' +
      'The agreement was signed on Nov. 5 by the leaders of Canada, Brazil, Argentina, Uruguay and Paraguay. ' +
      'Canada and the four Mercosur countries say the trade agreement will cut tariffs.';
    const agreements = runEvents(text, '2026-12-03').events.filter((e) => e.kind === 'AGREEMENT');
    expect(agreements.map((e) => e.name)).toEqual(['Canada–Mercosur trade agreement']);
  });
});

