/**
 * What the bounded known-graph read asks for (src/resolve/candidates.ts): pure, no Neo4j. That the
 * read then finds every match is checked against a real database in tests/graph/knownGraph.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle, ExtractedEvent } from '../../src/domain/types.js';
import { actorProbe, NARROW_EVENT_DAYS, restProbe, searchTerms } from '../../src/resolve/candidates.js';
import { INCIDENT_WINDOW_DAYS } from '../../src/resolve/events.js';
import { statementId } from '../../src/resolve/statements.js';

const span = { start: 0, end: 1, exact: 'x' };
const article = (parts: Partial<ExtractedArticle>): ExtractedArticle => ({
  article: { id: 'art-1', text: 'x', outlet: 'Wire', title: null, publishedAt: '2023-03-10', url: null, sha256: 'sha' },
  actors: [],
  statements: [],
  events: [],
  claims: [],
  ...parts,
});

describe('searchTerms', () => {
  it('keeps words with and without diacritics, and apostrophe words whole, as the full-text analyzer sees them', () => {
    expect(searchTerms(['José Núñez'], 2)).toEqual(['josé', 'jose', 'nunez', 'núñez'].sort());
    expect(searchTerms(['Sean O’Brien'], 2)).toEqual(['brien', "o'brien", 'sean']);
    expect(searchTerms(['AND OR NOT'], 2)).toEqual(['and', 'not', 'or']);
  });
});

describe('actorProbe', () => {
  it("searches a person's name without titles, other kinds by name and aliases, never anonymous sources", () => {
    const probe = actorProbe(
      article({
        actors: [
          { key: 'a1', name: 'Kate Brennick', kind: 'PERSON', aliases: ['Foreign Minister Kate Brennick', 'Brennick'], mentions: [span] },
          { key: 'a2', name: 'U.S.', kind: 'COUNTRY', aliases: ['United States'], mentions: [span] },
          { key: 'a3', name: 'a senior official', kind: 'ANONYMOUS_SOURCE', aliases: [], mentions: [span] },
        ],
      }),
    );
    // Near misses of a surname of 6+ letters: a one-edit fuzzy term (Lucene `~1`).
    expect(probe.actorQueries).toEqual(['brennick OR kate OR brennick~1', 'states OR united']);
    expect(probe.actorKinds).toEqual(['COUNTRY', 'PERSON']);
  });

  it("adds a surname's other romanised endings", () => {
    const probe = actorProbe(article({ actors: [{ key: 'a1', name: 'Ivan Zelenskiy', kind: 'PERSON', aliases: [], mentions: [span] }] }));
    expect(probe.actorQueries[0]!.split(' OR ').sort()).toEqual(
      ['ivan', 'zelenskiy', 'zelensky', 'zelenskyy', 'zelenskii', 'zelenski', 'zelensky~1'].sort(),
    );
  });

  it('gives every actor its own query, so a crowded article cannot push a name out', () => {
    const people = Array.from({ length: 30 }, (_, i) => ({
      key: `p${i}`, name: `Ann ${String.fromCharCode(97 + (i % 26))}son${i}`, kind: 'PERSON' as const, aliases: [], mentions: [span],
    }));
    const probe = actorProbe(article({ actors: [...people, { key: 'w', name: 'Zhao Wang', kind: 'PERSON', aliases: [], mentions: [span] }] }));
    expect(probe.actorQueries).toHaveLength(31);
    expect(probe.actorQueries).toContain('wang OR zhao');
  });
});

describe('restProbe', () => {
  const incident = (date: ExtractedEvent['date']): ExtractedEvent => ({
    key: 'e1', kind: 'INCIDENT', name: 'Aland–Borduria close encounter', date, participantKeys: ['a1'], mentions: [span],
  });

  it('asks for the resolved speakers, the statements\' own ids, series by name and agreements by id', () => {
    const known = [{ id: 'actor:person:kate-brennick', name: 'Kate Brennick', kind: 'PERSON' as const, aliases: [] }];
    const probe = restProbe(
      article({
        actors: [{ key: 'a1', name: 'Brennick', kind: 'PERSON', aliases: [], mentions: [span] }],
        statements: [{ key: 's1', speakerKey: 'a1', text: 'We will talk', kind: 'DIRECT', verb: 'say', saidOn: null, viaKeys: [], span, quoteSpans: [span], aboutKeys: [] }],
        events: [
          { key: 'e1', kind: 'MEETING', name: 'third video conference', date: null, series: { name: 'Aland–Borduria video conference', ordinal: 3 }, participantKeys: [], mentions: [span] },
          { key: 'e2', kind: 'AGREEMENT', name: 'Fisheries Accord', date: null, participantKeys: [], mentions: [span] },
        ],
      }),
      known,
    );
    expect(probe.speakerIds).toEqual(['actor:person:kate-brennick']);
    // A statement's own id hashes its speaker's own content id ("Brennick"), not the stored person it joins.
    expect(probe.statementIds).toEqual([statementId('actor:person:brennick', 'We will talk')]);
    expect(probe.seriesNames).toEqual(['Aland–Borduria video conference']);
    expect(probe.agreementIds).toEqual(['event:agreement:fisheries-accord']);
    expect(probe.dateProbes).toEqual([]);
  });

  it('gives a dated incident a window of the rule\'s days (narrow events by start, wide ones by precision) and an undated-match probe', () => {
    const probe = restProbe(article({ events: [incident({ start: '2023-03-04', end: '2023-03-05', precision: 'INTERVAL', source: 'TEXT' })] }), []);
    expect(INCIDENT_WINDOW_DAYS).toBe(3);
    expect(NARROW_EVENT_DAYS).toBe(62);
    expect(probe.dateProbes).toEqual([{ kind: 'INCIDENT', lo: '2023-03-01', hi: '2023-03-08', narrowFrom: '2022-12-29' }]);
    expect(probe.undatedProbes).toEqual([{ cls: 'proximity', participantIds: ['a1'], anyDate: false }]);
  });

  it('lets an undated incident match any stored date', () => {
    const probe = restProbe(article({ events: [incident(null)] }), []);
    expect(probe.dateProbes).toEqual([]);
    expect(probe.undatedProbes).toEqual([{ cls: 'proximity', participantIds: ['a1'], anyDate: true }]);
  });
  it('gives an event of the parse a probe for stored events of its kind whose dates overlap its date (nested dates)', () => {
    const primary = (date: ExtractedEvent['date']): ExtractedEvent => ({ key: 'e1', kind: 'OTHER', name: 'Ohio primary of 2016-03', date, trigger: 'primary', participantKeys: [], mentions: [span] });
    const month = restProbe(article({ events: [primary({ start: '2016-03-01', end: '2016-03-31', precision: 'MONTH', source: 'TEXT' })] }), []);
    expect(month.dateProbes).toEqual([{ kind: 'OTHER', lo: '2016-03-01', hi: '2016-03-31', narrowFrom: '2015-12-30' }]);
    expect(restProbe(article({ events: [primary(null)] }), []).dateProbes).toEqual([]);
  });

  it('needs no undated-match probe for an incident naming no participant (only a shared one ties undated incidents)', () => {
    const probe = restProbe(article({ events: [{ ...incident(null), participantKeys: [] }] }), []);
    expect(probe.undatedProbes).toEqual([]);
  });
});
