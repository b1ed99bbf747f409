/**
 * Third outside probe (tests/fixtures/probe3, expectations in expected.md): twelve invented articles ingested in
 * publication and reverse order. Asserts what the probe's fixes made right; the findings still open are listed in
 * tests/fixtures/probe3/README.md.
 */
import { expect } from 'vitest';
import { describeProbeInBothOrders } from './probeOrders.js';

describeProbeInBothOrders('tests/fixtures/probe3', 'one crash with its distance, the rounds and the planned meeting on their days, no dateline or "march" in statements', async (q) => {
  // One crash across the three reports ("on Monday evening", "Monday's crash", "last week" / "the 16 November crash").
  const incidents = await q("MATCH (e:Incident) WHERE e.id CONTAINS 'crash' RETURN e.id AS id, toString(e.start) AS start, toString(e.end) AS end");
  expect(incidents.map((e) => [e.start, e.end])).toEqual([['2026-11-16', '2026-11-16']]);
  const claims = await q("MATCH (c:Claim)-[:ON]->(e:Incident) WHERE e.id CONTAINS 'crash' AND c.attribute IN ['deaths', 'distance'] RETURN c.attribute AS attribute, c.normalized AS value");
  const values = (attribute: string) => [...new Set(claims.filter((c) => c.attribute === attribute).map((c) => c.value as string))].sort();
  expect(values('deaths')).toEqual(['47', '52', '>=31']);
  // "about 3 kilometers (2 miles) short of the runway", the sentence after the crash's.
  expect(values('distance')).toEqual(['2.7-3.3 km']);
  // The second round, "held in Ottawa in June", by its participle; the fourth: "concluded on 20 October … over the next decade" (told in November) is this October's 20th;
  // "would take place in Ottawa in October" (told in September) this October, not last year's.
  const rounds = await q("MATCH (e:Meeting)-[p:PART_OF]->(s:MeetingSeries) WHERE s.name ENDS WITH 'talks' AND p.ordinal > 0 RETURN DISTINCT p.ordinal AS ordinal, toString(e.start) AS start ORDER BY ordinal");
  expect(rounds.map((r) => [Number(r.ordinal), r.start])).toEqual([[2, '2026-06-01'], [3, '2026-09-16'], [4, '2026-10-20']]);
  // "said the first meeting … would be held on Tuesday", told on Friday 10-09: the coming Tuesday.
  const planned = await q("MATCH (e:Meeting) WHERE e.place = 'Government Palace' RETURN toString(e.start) AS start");
  expect(planned.map((m) => m.start)).toEqual(['2026-10-13']);
  // No statement opens with the wire's dateline; none is dated March 1 by "join the march".
  const ledes = await q("MATCH (s:Statement) WHERE s.text =~ '^[A-Z]{4,}.*\\\\((Reuters|AP)\\\\).*' RETURN s.text AS text");
  expect(ledes).toEqual([]);
  const march = await q("MATCH (s:Statement) WHERE s.saidOnStart = date('2026-03-01') RETURN s.text AS text");
  expect(march).toEqual([]);
  // "said 260 people were detained" keeps its number.
  const detained = await q("MATCH (s:Statement) WHERE s.text CONTAINS 'were detained during the protests' RETURN s.text AS text");
  expect(detained.map((s) => s.text)).toEqual(['260 people were detained during the protests and that all but 14 had been released']);
  // "according to the Kenya Civil Aviation Authority": the authority's words, not Kenya's.
  const kcaa = await q("MATCH (a:Actor)-[:SAID]->(s:Statement) WHERE s.text STARTS WITH 'The plane came down about 5 km' RETURN a.name AS name");
  expect(kcaa.map((s) => s.name)).toEqual(['Kenya Civil Aviation Authority']);
  // "Today we turn years of negotiation into jobs": no meeting.
  expect(await q("MATCH (e:Meeting) WHERE e.id CONTAINS 'negotiation' RETURN e.id AS id")).toEqual([]);
  // The Lima march: one incident, with the crowd as the police and the organisers each count it.
  const crowd = await q("MATCH (c:Claim)-[:ON]->(e:Incident) WHERE e.id CONTAINS 'march' AND c.attribute = 'crowd' RETURN DISTINCT c.normalized AS value ORDER BY value");
  expect(crowd.map((c) => c.value)).toEqual(expect.arrayContaining(['~25000', '150000']));
  // "Latin America", "the South American trade bloc": no United States.
  expect(await q("MATCH (a:Actor {name: 'United States'}) RETURN a.id AS id")).toEqual([]);
});
