/**
 * Second outside probe (tests/fixtures/probe2, expectations in expected.md): twelve invented articles ingested in
 * publication and reverse order. Asserts what the probe's fixes made right; the findings still open are listed in
 * tests/fixtures/probe2/README.md.
 */
import { expect } from 'vitest';
import { describeProbeInBothOrders } from './probeOrders.js';

describeProbeInBothOrders('tests/fixtures/probe2', 'one earthquake, the shooting on its own day, the arrests apart, speakers of "she wrote"/"he said", one ceasefire, three rounds', async (q) => {
  const incidents = await q("MATCH (e:Incident) RETURN e.id AS id, toString(e.start) AS start ORDER BY id");
  expect(incidents.filter((e) => /earthquake/.test(e.id as string)).map((e) => e.start)).toEqual(['2026-03-05']);
  // "arrested two men on Sunday in connection with a shooting": Sunday (04-05) is no shooting's day.
  expect(incidents.filter((e) => /shooting/.test(e.id as string)).map((e) => e.start)).toEqual(['2026-04-04']);
  // "Nobody expected a ceasefire in one day": no agreement on the day after the first round.
  const agreements = await q('MATCH (e:Agreement) RETURN e.id AS id, toString(e.start) AS start');
  expect(agreements.map((a) => a.start)).not.toContain('2026-01-20');
  // One ceasefire, whatever each article calls it ("the ceasefire agreement", "the Kuala Lumpur ceasefire"), named
  // by its parties; no deal out of "ended without a deal".
  expect(agreements.map((a) => a.id)).toEqual(['event:agreement:cambodia-thailand-ceasefire-agreement']);
  // Three rounds of one series across the articles.
  const rounds = await q("MATCH (e:Meeting)-[p:PART_OF]->(s:MeetingSeries) WHERE s.name CONTAINS 'talks' RETURN s.name AS series, p.ordinal AS ordinal ORDER BY ordinal");
  expect(rounds.map((r) => [r.series, Number(r.ordinal)])).toEqual([['Cambodia–Thailand talks', 1], ['Cambodia–Thailand talks', 2], ['Cambodia–Thailand talks', 3]]);
  const speakers = await q(
    "MATCH (a:Actor)-[:SAID]->(s:Statement) WHERE s.text STARTS WITH 'I look forward' OR s.text STARTS WITH 'We will not let the drug gangs' RETURN s.text AS text, a.name AS name ORDER BY text",
  );
  expect(speakers.map((s) => s.name)).toEqual(['Katja Lind', 'Laurent Giraud']);
  const asks = await q("MATCH (s:Statement) WHERE s.text STARTS WITH 'not to be named' OR s.text STARTS WITH 'to be identified only' RETURN s.text AS text");
  expect(asks).toEqual([]);
  // The earthquake's tolls and magnitudes, each the claim of whoever gave it, side by side on the one node.
  const counts = await q(
    "MATCH (c:Claim)-[:ON]->(e:Incident) WHERE e.id CONTAINS 'earthquake' AND c.attribute IN ['deaths', 'injured', 'magnitude'] RETURN c.attribute AS attribute, c.normalized AS value",
  );
  const values = (attribute: string) => [...new Set(counts.filter((c) => c.attribute === attribute).map((c) => c.value as string))].sort();
  expect(values('deaths')).toEqual(['131', '142', '160', '>=142', '>=150']);
  expect(values('magnitude')).toEqual(['6.8', '6.9', '7.0']);
  expect(values('injured')).toEqual(['1200', '>=900']);
});
