import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curatedClaims, parseCuration } from '../../src/resolve/curation.js';
import type { KnownGraph } from '../../src/domain/types.js';

const vc = 'Russia–United States video conference';
const events: KnownGraph['events'] = [
  { id: 'event:meeting:vc:1', kind: 'MEETING', name: 'first', start: '2015-10-01', end: '2015-10-01', seriesName: vc, ordinal: 1, participantIds: [] },
  { id: 'event:meeting:vc:2', kind: 'MEETING', name: 'second', start: '2015-10-02', end: '2015-10-13', seriesName: vc, ordinal: 2, participantIds: [] },
  { id: 'event:meeting:vc:2016-01-28', kind: 'MEETING', name: 'later', start: '2016-01-28', end: '2016-01-28', seriesName: vc, ordinal: null, participantIds: [] },
  { id: 'event:incident:x', kind: 'INCIDENT', name: 'Russia–United States close encounter', start: '2015-10-10', end: '2015-10-10', seriesName: null, ordinal: null, participantIds: [] },
];

describe('curation', () => {
  it('validates the seed curation file: every fact has a source label', () => {
    const file = parseCuration(JSON.parse(readFileSync('seed/curation.json', 'utf8')));
    expect(file.facts.length).toBeGreaterThan(0);
    expect(file.facts.every((f) => f.source.length > 0)).toBe(true);
  });

  it('turns facts into curated claims on exactly the selected events', () => {
    const file = parseCuration({
      source: 'test',
      facts: [
        { select: { kind: 'MEETING', seriesName: vc, ordinal: 2 }, attribute: 'date', value: 'Oct. 10', normalized: '2015-10-10', source: 'wire' },
        { select: { kind: 'MEETING', seriesName: vc, overlaps: ['2016-01-01', '2016-01-31'] }, attribute: 'date', value: 'Jan. 28', normalized: '2016-01-28', source: 'wire' },
        { select: { kind: 'MEETING', seriesName: vc }, attribute: 'date', value: '?', normalized: '?', source: 'wire' },
        { select: { kind: 'CAMPAIGN' }, attribute: 'start', value: '?', normalized: '?', source: 'wire' },
      ],
    });
    const { claims, unmatched } = curatedClaims(file, events);
    expect(claims.map((c) => [c.eventId, c.normalized, c.curated, c.curationSource])).toEqual([
      ['event:meeting:vc:2', '2015-10-10', true, 'wire'],
      ['event:meeting:vc:2016-01-28', '2016-01-28', true, 'wire'],
    ]);
    expect(unmatched.map((u) => u.reason)).toEqual([expect.stringMatching(/^3 events match/), 'no stored event matches']);
    expect(curatedClaims(file, events).claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
  });

  it('names the fact and field to fix in a bad file', () => {
    expect(() => parseCuration({ source: 's', facts: [{ select: { kind: 'PARTY' } }] })).toThrow(/facts\[0\].*select\.kind/);
    expect(() => parseCuration({ facts: [] })).toThrow(/"source"/);
    expect(() =>
      parseCuration({ source: 's', facts: [{ select: { kind: 'MEETING', overlaps: ['2015'] }, attribute: 'a', value: 'v', normalized: 'n', source: 's' }] }),
    ).toThrow(/overlaps/);
  });
});
