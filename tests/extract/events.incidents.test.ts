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
  it('dates an incident by a date on its own words, not by the date of the event it anchors (issue 10)', () => {
    // "last week's collision" is the collision's week; "on Monday" dates the talks the collision came before.
    const after = runEvents(
      'Diplomats from Norway and Russia held talks in Geneva on Monday on rules for their vessels, after last week\'s collision between a Russian patrol boat and a Norwegian trawler.',
      '2025-02-10',
    );
    const incident = after.events.find((e) => e.kind === 'INCIDENT')!;
    expect(incident.date).toMatchObject({ start: '2025-02-03', end: '2025-02-09', precision: 'INTERVAL' });
    expect(after.claims.map((c) => [c.attribute, c.value])).toEqual([['date', 'last week']]);
    // "on Tuesday" dates the signing; "a month after a collision" gives the collision no day.
    const signing = runEvents(
      'Norway and Russia on Tuesday signed an agreement on their ships in the Barents Sea, a month after a collision between a Russian patrol boat and a Norwegian trawler.',
      '2025-03-12',
    );
    expect(signing.events.find((e) => e.kind === 'INCIDENT')?.date ?? null).toBeNull();
    expect(signing.claims.filter((c) => c.attribute === 'date')).toEqual([]);
    // A phrase the anchor opens and a comma closes does not cut the date off: the crash is Tuesday's.
    const closed = runEvents('On Tuesday, shortly after takeoff, the plane crashed near the airport.', '2025-03-12');
    expect(closed.events.find((e) => e.kind === 'INCIDENT')?.date).toMatchObject({ start: '2025-03-11', precision: 'DAY' });
  });

  it('counts a definite "the … collision" without a vehicle when the article told that collision with one', () => {
    const text =
      'A Russian patrol boat and a Norwegian trawler collided in the Barents Sea, ending weeks of calm. ' +
      'The two sides did not settle their dispute over where the February 4 collision took place.';
    const r = runEvents(text, '2025-03-05');
    const incidents = r.events.filter((e) => e.kind === 'INCIDENT');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.date).toMatchObject({ start: '2025-02-04', precision: 'DAY' });
    expect(incidents[0]!.mentions.map((m) => m.exact)).toEqual(['collided', 'collision']);
    // Alone (nothing told before), "the collision" with no vehicle is no incident: "the collision of interests".
    expect(runEvents('The two sides did not settle their dispute over where the February 4 collision took place.', '2025-03-05').events.filter((e) => e.kind === 'INCIDENT')).toEqual([]);
  });

  it('takes no distance a rule sets from a follow-up sentence ("a minimum distance of two nautical miles")', () => {
    const text =
      'The talks came more than a week after a collision between a Russian patrol boat and a Norwegian trawler. ' +
      'On Thursday the delegations agreed on a minimum distance of two nautical miles between vessels. ' +
      'The boats were 300 metres apart, a witness said.';
    const r = runEvents(text, '2025-02-14');
    expect(r.claims.filter((c) => c.attribute === 'distance').map((c) => c.value)).toEqual(['300 metres apart']);
  });
  it('tells how the vehicles of an incident travel', () => {
    const r = runEvents('A Russian patrol boat and a Norwegian trawler collided in the Barents Sea on Tuesday.', '2025-02-05');
    expect(r.events.find((e) => e.kind === 'INCIDENT')?.vehicles).toEqual(['sea']);
    const plane = runEvents('A small passenger plane crashed in the Andes on Monday.', '2025-02-18');
    expect(plane.events.find((e) => e.kind === 'INCIDENT')?.vehicles).toEqual(['air']);
  });
});
