/**
 * A small graph written straight in Cypher, following docs/graph-model.md (labels, properties, relationship
 * properties, Date values, integer offsets), so the API is tested independently of extraction and loading.
 * Every id carries the marker `t4api`, and cleanup deletes only nodes with that marker. The people,
 * outlets and places are fictional; "Zorblax" is a word no real article contains (full-text tests).
 */
import type { Driver } from 'neo4j-driver';

export const MARK = 't4api';
const DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';

export interface Span {
  start: number;
  end: number;
  exact: string;
}

/** Builds an article's text sentence by sentence and finds spans in it, checking every offset. */
class TextBuilder {
  text = '';
  add(sentence: string): (exact: string) => Span {
    const base = this.text.length + (this.text ? 1 : 0);
    this.text += (this.text ? ' ' : '') + sentence;
    return (exact: string) => {
      const i = sentence.indexOf(exact);
      if (i < 0) throw new Error(`fixture: "${exact}" not in "${sentence}"`);
      return { start: base + i, end: base + i + exact.length, exact };
    };
  }
}

export const ids = {
  mira: `actor:person:${MARK}-mira-vantoren`,
  tomas: `actor:person:${MARK}-tomas-kell`,
  gov: `actor:government:${MARK}-republic-of-ostrava`,
  wire: `actor:media_outlet:${MARK}-wireline-agency`,
  anon: `actor:anonymous:${MARK}-art-2:a-senior-official`,
  art1: `${MARK}-art-1`,
  art2: `${MARK}-art-2`,
  art3: `${MARK}-art-3`,
  series: `series:${MARK}-video-call`,
  m1: `event:meeting:${MARK}-video-call:1`,
  m2: `event:meeting:${MARK}-video-call:2`,
  m3: `event:meeting:${MARK}-video-call:3`,
  inc: `event:incident:${MARK}-strait-intercept`,
  agr: `event:agreement:${MARK}-ceasefire`,
  ms1: `event:agreement_milestone:${MARK}-ceasefire-negotiation`,
  ms2: `event:agreement_milestone:${MARK}-ceasefire-signed`,
  undated: `event:other:${MARK}-unscheduled-review`,
  s1: `stmt:${MARK}-01-back-down`,
  s2: `stmt:${MARK}-02-talks`,
  s3: `stmt:${MARK}-03-five-miles`,
  s4: `stmt:${MARK}-04-about-all`,
  c1: `claim:${MARK}-distance-mira`,
  c2: `claim:${MARK}-distance-anon`,
  c3: `claim:${MARK}-date-article`,
};

export const S1_TEXT = 'We will not back down, and we will defend the Zorblax Strait.';
export const S1_TRIMMED = 'We will not back down';

interface ActorF { id: string; label: string; name: string; kind: string; aliases: string[]; role: string | null }
interface StatementF {
  id: string; speakerId: string; text: string; kind: 'DIRECT' | 'INDIRECT'; verb: string;
  saidOnStart: string | null; saidOnEnd: string | null; datePrecision: string | null; sortDate: string;
}
interface ReportF { sid: string; articleId: string; span: Span; quotes: Span[]; verb: string }
interface EventF {
  id: string; label: string; name: string; kind: string; start: string | null; end: string | null;
  precision: string | null; sortDate: string | null; implied: boolean; ordinal: number | null; status: string | null;
}

export function buildFixture() {
  const actors: ActorF[] = [
    { id: ids.mira, label: 'Person', name: 'Mira Vantoren', kind: 'PERSON', aliases: ['Minister Vantoren', 'Vantoren'], role: 'Defense Minister' },
    { id: ids.tomas, label: 'Person', name: 'Tomas Kell', kind: 'PERSON', aliases: ['Kell'], role: 'Foreign Minister' },
    { id: ids.gov, label: 'Government', name: 'Republic of Ostrava', kind: 'GOVERNMENT', aliases: ['Ostrava'], role: null },
    { id: ids.wire, label: 'MediaOutlet', name: 'Wireline Agency', kind: 'MEDIA_OUTLET', aliases: ['Wireline'], role: null },
    { id: ids.anon, label: 'AnonymousSource', name: 'a senior official', kind: 'ANONYMOUS_SOURCE', aliases: [], role: null },
  ];

  // --- article 1: The Daily Ledger, 2016-10-01
  const a1 = new TextBuilder();
  const a1s1 = a1.add(`Defense Minister Mira Vantoren said on Friday: "${S1_TEXT}"`);
  const a1s2 = a1.add('Vantoren said the jets came within 10 to 20 miles of the patrol during the Zorblax intercept.');
  const a1s3 = a1.add('The first video call between the ministers took place on Wednesday.');
  // --- article 2: Evening Courier, 2016-10-03
  const a2 = new TextBuilder();
  const a2s1 = a2.add(`"${S1_TRIMMED}," Vantoren told Wireline Agency.`);
  const a2s2 = a2.add('Foreign Minister Tomas Kell said the Zorblax talks were productive.');
  const a2s3 = a2.add('"The jets came within five miles," a senior official said.');
  // --- article 3: Harbor Times, 2016-10-05, also carries the statements used for paging
  const a3 = new TextBuilder();
  const a3s1 = a3.add(`"${S1_TEXT}" Vantoren said, according to Wireline Agency.`);
  const a3s2 = a3.add('The intercept happened on Sunday.');
  const a3s3 = a3.add('Kell said the Zorblax agreement, the negotiation, the signing and the review all matter.');
  const paging: Array<{ n: number; date: string; add: (exact: string) => Span }> = [];
  const pagingDates = ['2016-10-10', '2016-10-10', '2016-10-10', '2016-10-10', '2016-10-11', '2016-10-11', '2016-10-12', '2016-10-14', '2016-10-14', '2016-10-15'];
  pagingDates.forEach((date, i) => {
    const n = i + 10;
    paging.push({ n, date, add: a3.add(`Vantoren said: "Update ${n} on the Zorblax patrols."`) });
  });

  const articles = [
    { id: ids.art1, outlet: 'The Daily Ledger', title: 'Minister vows to hold the strait', publishedAt: '2016-10-01', url: 'https://ledger.example/1', text: a1.text },
    { id: ids.art2, outlet: 'Evening Courier', title: 'Talks productive, says Kell', publishedAt: '2016-10-03', url: null, text: a2.text },
    { id: ids.art3, outlet: 'Harbor Times', title: 'Strait week in review', publishedAt: '2016-10-05', url: 'https://harbor.example/3', text: a3.text },
  ];

  const statements: StatementF[] = [
    { id: ids.s1, speakerId: ids.mira, text: S1_TEXT, kind: 'DIRECT', verb: 'say', saidOnStart: '2016-09-30', saidOnEnd: '2016-09-30', datePrecision: 'DAY', sortDate: '2016-09-30' },
    { id: ids.s2, speakerId: ids.tomas, text: 'the Zorblax talks were productive', kind: 'INDIRECT', verb: 'say', saidOnStart: null, saidOnEnd: null, datePrecision: null, sortDate: '2016-10-03' },
    { id: ids.s3, speakerId: ids.anon, text: 'The jets came within five miles', kind: 'DIRECT', verb: 'say', saidOnStart: null, saidOnEnd: null, datePrecision: null, sortDate: '2016-10-03' },
    { id: ids.s4, speakerId: ids.tomas, text: 'the Zorblax agreement, the negotiation, the signing and the review all matter', kind: 'INDIRECT', verb: 'say', saidOnStart: null, saidOnEnd: null, datePrecision: null, sortDate: '2016-10-05' },
    ...paging.map((p) => ({
      id: `stmt:${MARK}-${p.n}-update`, speakerId: ids.mira, text: `Update ${p.n} on the Zorblax patrols.`, kind: 'DIRECT' as const, verb: 'say',
      saidOnStart: null, saidOnEnd: null, datePrecision: null, sortDate: p.date,
    })),
  ];

  const reports: ReportF[] = [
    { sid: ids.s1, articleId: ids.art1, span: a1s1(`Defense Minister Mira Vantoren said on Friday: "${S1_TEXT}"`), quotes: [a1s1(S1_TEXT)], verb: 'say' },
    { sid: ids.s1, articleId: ids.art2, span: a2s1(`"${S1_TRIMMED}," Vantoren told Wireline Agency`), quotes: [a2s1(S1_TRIMMED)], verb: 'tell' },
    { sid: ids.s1, articleId: ids.art3, span: a3s1(`"${S1_TEXT}" Vantoren said, according to Wireline Agency`), quotes: [a3s1(S1_TEXT)], verb: 'say' },
    { sid: ids.s2, articleId: ids.art2, span: a2s2('Foreign Minister Tomas Kell said the Zorblax talks were productive'), quotes: [], verb: 'say' },
    { sid: ids.s3, articleId: ids.art2, span: a2s3('"The jets came within five miles," a senior official said'), quotes: [a2s3('The jets came within five miles')], verb: 'say' },
    { sid: ids.s4, articleId: ids.art3, span: a3s3('Kell said the Zorblax agreement, the negotiation, the signing and the review all matter'), quotes: [], verb: 'say' },
    ...paging.map((p) => ({
      sid: `stmt:${MARK}-${p.n}-update`, articleId: ids.art3,
      span: p.add(`Vantoren said: "Update ${p.n} on the Zorblax patrols."`), quotes: [p.add(`Update ${p.n} on the Zorblax patrols.`)], verb: 'say',
    })),
  ];

  const via = [
    { sid: ids.s1, actorId: ids.wire, articleId: ids.art2, position: 0 },
    { sid: ids.s1, actorId: ids.wire, articleId: ids.art3, position: 0 },
  ];

  const events: EventF[] = [
    { id: ids.m1, label: 'Meeting', name: 'the first video call', kind: 'MEETING', start: '2016-09-28', end: '2016-09-28', precision: 'DAY', sortDate: '2016-09-28', implied: false, ordinal: 1, status: null },
    { id: ids.m2, label: 'Meeting', name: 'the second video call', kind: 'MEETING', start: '2016-09-29', end: '2016-10-04', precision: 'INTERVAL', sortDate: '2016-09-29', implied: true, ordinal: 2, status: null },
    { id: ids.m3, label: 'Meeting', name: 'the third video call', kind: 'MEETING', start: '2016-10-05', end: '2016-10-05', precision: 'DAY', sortDate: '2016-10-05', implied: false, ordinal: 3, status: null },
    { id: ids.inc, label: 'Incident', name: 'the Zorblax intercept', kind: 'INCIDENT', start: '2016-10-02', end: '2016-10-02', precision: 'DAY', sortDate: '2016-10-02', implied: false, ordinal: null, status: null },
    { id: ids.agr, label: 'Agreement', name: 'the Zorblax ceasefire agreement', kind: 'AGREEMENT', start: '2016-10-01', end: '2016-10-31', precision: 'MONTH', sortDate: '2016-10-01', implied: false, ordinal: null, status: null },
    { id: ids.ms1, label: 'AgreementMilestone', name: 'ceasefire negotiation', kind: 'AGREEMENT_MILESTONE', start: '2016-10-01', end: '2016-10-01', precision: 'DAY', sortDate: '2016-10-01', implied: false, ordinal: null, status: 'IN_NEGOTIATION' },
    { id: ids.ms2, label: 'AgreementMilestone', name: 'ceasefire signed', kind: 'AGREEMENT_MILESTONE', start: '2016-10-06', end: '2016-10-06', precision: 'DAY', sortDate: '2016-10-06', implied: false, ordinal: null, status: 'SIGNED' },
    { id: ids.undated, label: 'Event', name: 'an unscheduled review', kind: 'OTHER', start: null, end: null, precision: null, sortDate: null, implied: false, ordinal: null, status: null },
  ];

  const mentions = [
    { nodeId: ids.mira, articleId: ids.art1, span: a1s1('Mira Vantoren') },
    { nodeId: ids.mira, articleId: ids.art1, span: a1s2('Vantoren') },
    { nodeId: ids.mira, articleId: ids.art2, span: a2s1('Vantoren') },
    { nodeId: ids.tomas, articleId: ids.art2, span: a2s2('Tomas Kell') },
    { nodeId: ids.wire, articleId: ids.art2, span: a2s1('Wireline Agency') },
    { nodeId: ids.anon, articleId: ids.art2, span: a2s3('a senior official') },
    { nodeId: ids.inc, articleId: ids.art1, span: a1s2('the Zorblax intercept') },
    { nodeId: ids.m1, articleId: ids.art1, span: a1s3('The first video call') },
    { nodeId: ids.inc, articleId: ids.art3, span: a3s2('The intercept') },
  ];

  const claims = [
    { id: ids.c1, eventId: ids.inc, attribute: 'distance', value: '10 to 20 miles', normalized: '16.1-32.2 km', articleId: ids.art1, span: a1s2('10 to 20 miles'), claimant: ids.mira, statement: null },
    { id: ids.c2, eventId: ids.inc, attribute: 'distance', value: 'five miles', normalized: '8.0-8.0 km', articleId: ids.art2, span: a2s3('five miles'), claimant: null, statement: ids.s3 },
    { id: ids.c3, eventId: ids.inc, attribute: 'date', value: 'Sunday', normalized: '2016-10-02', articleId: ids.art3, span: a3s2('on Sunday'), claimant: null, statement: null },
  ];

  const rels = {
    affiliations: [{ from: ids.mira, to: ids.gov, role: 'Defense Minister' }],
    participants: [
      { actorId: ids.mira, eventId: ids.m1 }, { actorId: ids.tomas, eventId: ids.m1 },
      { actorId: ids.mira, eventId: ids.m2 }, { actorId: ids.mira, eventId: ids.m3 },
    ],
    partOf: [{ eventId: ids.m1, ordinal: 1 }, { eventId: ids.m2, ordinal: 2 }, { eventId: ids.m3, ordinal: 3 }],
    milestones: [{ from: ids.ms1, to: ids.agr }, { from: ids.ms2, to: ids.agr }],
    about: [
      { sid: ids.s1, targetId: ids.inc },
      { sid: ids.s2, targetId: ids.m2 },
      { sid: ids.s3, targetId: ids.inc },
      ...[ids.agr, ids.ms1, ids.ms2, ids.undated].map((targetId) => ({ sid: ids.s4, targetId })),
      { sid: ids.s2, targetId: ids.mira },
    ],
    audience: [{ sid: ids.s1, actorId: ids.wire, articleId: ids.art2 }],
  };

  return { actors, articles, statements, reports, via, events, mentions, claims, rels };
}

export type Fixture = ReturnType<typeof buildFixture>;

const ACTOR_LABELS = new Set(['Person', 'Government', 'MediaOutlet', 'AnonymousSource']);
const EVENT_LABELS = new Set(['Meeting', 'Incident', 'Agreement', 'AgreementMilestone', 'Event']);

export async function deleteFixture(driver: Driver): Promise<void> {
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Article OR n:Actor OR n:Statement OR n:Event OR n:MeetingSeries OR n:Claim) AND n.id CONTAINS $mark
     DETACH DELETE n`,
    { mark: MARK },
    { database: DATABASE },
  );
}

export async function countFixtureNodes(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (n) WHERE n.id CONTAINS $mark RETURN count(n) AS n', { mark: MARK }, { database: DATABASE });
  return Number(records[0]?.get('n'));
}

export async function writeFixture(driver: Driver, f: Fixture): Promise<void> {
  const run = (cypher: string, params: Record<string, unknown>) => driver.executeQuery(cypher, params, { database: DATABASE });
  const spanProps = 'start: toInteger(x.span.start), end: toInteger(x.span.end), exact: x.span.exact';
  await run(
    `UNWIND $articles AS a
     CREATE (n:Article {id: a.id, outlet: a.outlet, title: a.title, publishedAt: date(a.publishedAt), url: a.url,
       sha256: 'fixture', text: a.text, ingestedAt: datetime('2016-10-06T00:00:00Z')})`,
    { articles: f.articles },
  );
  for (const label of ACTOR_LABELS) {
    // Labels cannot be parameters; these come from the fixed set above.
    await run(
      `UNWIND $actors AS a CREATE (n:Actor:${label} {id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, role: a.role, curated: false})`,
      { actors: f.actors.filter((a) => a.label === label) },
    );
  }
  for (const label of EVENT_LABELS) {
    const extra = label === 'Event' ? '' : `:${label}`;
    await run(
      `UNWIND $events AS e CREATE (n:Event${extra} {id: e.id, name: e.name, kind: e.kind, start: date(e.start), end: date(e.end),
         precision: e.precision, sortDate: date(e.sortDate), implied: e.implied, ordinal: toInteger(e.ordinal), status: e.status})`,
      { events: f.events.filter((e) => e.label === label) },
    );
  }
  await run(`CREATE (:MeetingSeries {id: $id, name: 'video call between the ministers'})`, { id: ids.series });
  await run(
    `UNWIND $statements AS s MATCH (sp:Actor {id: s.speakerId})
     CREATE (sp)-[:SAID]->(:Statement {id: s.id, text: s.text, kind: s.kind, verb: s.verb, saidOnStart: date(s.saidOnStart),
       saidOnEnd: date(s.saidOnEnd), datePrecision: s.datePrecision, sortDate: date(s.sortDate)})`,
    { statements: f.statements },
  );
  await run(
    `UNWIND $reports AS x MATCH (s:Statement {id: x.sid}), (a:Article {id: x.articleId})
     CREATE (s)-[:REPORTED_IN {${spanProps}, verb: x.verb,
       quoteStarts: [q IN x.quotes | toInteger(q.start)], quoteEnds: [q IN x.quotes | toInteger(q.end)]}]->(a)`,
    { reports: f.reports },
  );
  await run(
    `UNWIND $via AS v MATCH (s:Statement {id: v.sid}), (x:Actor {id: v.actorId})
     CREATE (s)-[:VIA {articleId: v.articleId, position: toInteger(v.position)}]->(x)`,
    { via: f.via },
  );
  await run(
    `UNWIND $rows AS r MATCH (s:Statement {id: r.sid}), (x:Actor {id: r.actorId}) CREATE (s)-[:TO {articleId: r.articleId}]->(x)`,
    { rows: f.rels.audience },
  );
  await run(
    `UNWIND $rows AS r MATCH (s:Statement {id: r.sid}), (t) WHERE (t:Event OR t:Actor) AND t.id = r.targetId CREATE (s)-[:ABOUT]->(t)`,
    { rows: f.rels.about },
  );
  await run(
    `UNWIND $rows AS r MATCH (a:Actor {id: r.from}), (b:Actor {id: r.to}) CREATE (a)-[:AFFILIATED_WITH {role: r.role}]->(b)`,
    { rows: f.rels.affiliations },
  );
  await run(
    `UNWIND $rows AS r MATCH (a:Actor {id: r.actorId}), (e:Event:Meeting {id: r.eventId}) CREATE (a)-[:PARTICIPATED_IN]->(e)`,
    { rows: f.rels.participants },
  );
  await run(
    `UNWIND $rows AS r MATCH (e:Event:Meeting {id: r.eventId}), (s:MeetingSeries {id: $series}) CREATE (e)-[:PART_OF {ordinal: toInteger(r.ordinal)}]->(s)`,
    { rows: f.rels.partOf, series: ids.series },
  );
  await run(
    `UNWIND $rows AS r MATCH (m:Event:AgreementMilestone {id: r.from}), (g:Event:Agreement {id: r.to}) CREATE (m)-[:MILESTONE_OF]->(g)`,
    { rows: f.rels.milestones },
  );
  await run(
    `UNWIND $rows AS x MATCH (n {id: x.nodeId}), (a:Article {id: x.articleId}) WHERE n:Actor OR n:Event
     CREATE (n)-[:MENTIONED_IN {${spanProps}}]->(a)`,
    { rows: f.mentions },
  );
  await run(
    `UNWIND $rows AS x MATCH (e:Event {id: x.eventId}), (a:Article {id: x.articleId})
     CREATE (c:Claim {id: x.id, attribute: x.attribute, value: x.value, normalized: x.normalized, curated: false})-[:ON]->(e)
     CREATE (c)-[:STATED_IN {${spanProps}}]->(a)
     WITH c, x
     OPTIONAL MATCH (who:Actor {id: x.claimant})
     OPTIONAL MATCH (s:Statement {id: x.statement})
     FOREACH (_ IN CASE WHEN who IS NULL THEN [] ELSE [1] END | CREATE (who)-[:CLAIMS]->(c))
     FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | CREATE (s)-[:ASSERTS]->(c))`,
    { rows: f.claims },
  );
}

/** Timeline order the API must produce for the fixture: (sortDate, id), undated last. */
export function expectedTimelineIds(f: Fixture): string[] {
  const items = [
    ...f.statements.map((s) => ({ id: s.id, key: s.sortDate })),
    ...f.events.map((e) => ({ id: e.id, key: e.sortDate ?? '9999-12-31' })),
  ];
  return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((i) => i.id);
}
