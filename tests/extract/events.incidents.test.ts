import { describe, expect, it } from 'vitest';
import { expectExactSpans, runEvents, statementOver } from './support/runEvents.js';

const claimRows = (r: ReturnType<typeof runEvents>) =>
  r.claims.map((c) => [c.attribute, c.value, c.normalized, c.sourceActorKey ?? null, c.statementKey ?? null]);

describe('incidents', () => {
  it('collects one incident with every source’s distance, date and purpose claims side by side', () => {
    const text =
      'It came a few days after a U.S. and Russian jet came within miles of each other. ' +
      'A ministry spokesman told reporters Wednesday the Russian jet approached the U.S. jet on Sunday to identify it and "not to scare it," saying the two jets came as close as approximately two miles of each other. ' +
      'A coalition spokesman said the two planes were "close enough for them to get some visual contact, but they were miles apart," perhaps as much as 10 to 20 miles.';
    const s1Text = 'A ministry spokesman told reporters Wednesday the Russian jet approached the U.S. jet on Sunday to identify it and "not to scare it," saying the two jets came as close as approximately two miles of each other.';
    const s2Text = 'A coalition spokesman said the two planes were "close enough for them to get some visual contact, but they were miles apart," perhaps as much as 10 to 20 miles.';
    const day = { start: '2015-10-14', end: '2015-10-14', precision: 'DAY' as const, source: 'TEXT' as const };
    const r = runEvents(text, '2015-10-14', [], [statementOver(text, 's1', 'ru', s1Text, day), statementOver(text, 's2', 'us', s2Text)]);
    const incidents = r.events.filter((e) => e.kind === 'INCIDENT');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ name: 'Russia–United States close encounter', date: { start: '2015-10-11', precision: 'DAY' } });
    expect(claimRows(r)).toEqual([
      ['distance', 'within miles of each other', '3.2-32.2 km', null, null],
      ['date', 'on Sunday', '2015-10-11', 'ru', 's1'],
      ['purpose', 'to identify it', 'identify', 'ru', 's1'],
      ['purpose', 'not to scare it', 'not scare', 'ru', 's1'],
      ['distance', 'approximately two miles of each other', '2.9-3.5 km', 'ru', 's1'],
      ['distance', 'miles apart', '3.2-32.2 km', 'us', 's2'],
      ['distance', 'perhaps as much as 10 to 20 miles', '16.1-32.2 km', 'us', 's2'],
    ]);
    // The statements now say they are about the incident.
    expect(r.statements.map((s) => s.aboutKeys)).toEqual([[incidents[0]!.key], [incidents[0]!.key]]);
    expect(expectExactSpans(text, r)).toBe(true);
  });

  it('reads distances from a follow-up sentence and dates from the incident sentence', () => {
    const text = 'On Saturday, the aircraft of the former rivals came close enough to offer visual contact. The aeroplanes were 10 to 20 miles apart.';
    const r = runEvents(text, '2015-10-15');
    expect(claimRows(r)).toEqual([
      ['date', 'On Saturday', '2015-10-10', null, null],
      ['distance', '10 to 20 miles apart', '16.1-32.2 km', null, null],
    ]);
  });

  it('keeps conflicting dates as claims and dates the incident by what they share, or span both', () => {
    const agree = runEvents('The jets flew too close last Saturday. Just last weekend, the jets flew within a close few miles.', '2015-10-15');
    expect(agree.events[0]?.date).toMatchObject({ start: '2015-10-10', end: '2015-10-10', precision: 'DAY' });
    expect(agree.claims.filter((c) => c.attribute === 'date').map((c) => c.normalized)).toEqual(['2015-10-10', '2015-10-10/2015-10-11']);
    const conflict = runEvents('The jets came within 2 km on Saturday, one side said. The other side said the jets came within 20 miles on Sunday.', '2015-10-15');
    expect(conflict.events.filter((e) => e.kind === 'INCIDENT')).toHaveLength(1);
    expect(conflict.events[0]?.date).toMatchObject({ start: '2015-10-10', end: '2015-10-11', precision: 'INTERVAL' });
  });

  it('ignores habitual and preventive mentions', () => {
    const text =
      'Russian planes have repeatedly been exposed to close encounters with drones. ' +
      'The talks aim to avoid crashes between the jets. Planes have continuously been seen coming close to drones.';
    expect(runEvents(text, '2016-01-29').events.filter((e) => e.kind === 'INCIDENT')).toEqual([]);
  });

  it('gives an incident naming no parties the article’s parties only when the article names them together more than once', () => {
    // Past the article's opening (500 characters), where parties named together once are what the story is about.
    const aside =
      'Two passenger jets came within 300 feet of each other at the airport on Saturday, the agency said. ' +
      'The planes had taken off minutes apart, and controllers noticed the problem late. '.repeat(5) +
      'Earlier this year, the airline added flights to Peru and Chile.';
    const once = runEvents(aside, '2023-03-06').events.find((e) => e.kind === 'INCIDENT')!;
    expect([once.name, once.participantKeys]).toEqual(['close encounter', []]);
    const story = `${aside} Peru and Chile share the airspace, and officials from Peru and Chile will meet.`;
    const twice = runEvents(story, '2023-03-06').events.find((e) => e.kind === 'INCIDENT')!;
    expect(twice.name).toBe('Chile–Peru close encounter');
  });

  it('finds a plane near-miss in an unrelated story', () => {
    const text =
      'Two passenger jets came within 300 feet of each other at the airport on Saturday, the agency said. ' +
      'The near miss happened as a cargo plane was landing. "The crew avoided a collision," a spokeswoman said. ' +
      'A union official said the planes were only about 100 feet apart.';
    const r = runEvents(text, '2023-03-06');
    expect(r.events.map((e) => [e.kind, e.name, e.date?.start])).toEqual([['INCIDENT', 'near miss', '2023-03-04']]);
    expect(r.claims.map((c) => [c.attribute, c.normalized])).toEqual([
      ['distance', '0.091-0.091 km'],
      ['date', '2023-03-04'],
      ['distance', '0.027-0.034 km'],
    ]);
  });
});
