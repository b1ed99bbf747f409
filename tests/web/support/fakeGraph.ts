/**
 * A small hand-made graph of the seed articles, served through the REAL schema (schema/*.graphql) with
 * plain resolvers, so the timeline page and the exports can be exercised in a browser without Neo4j or
 * extraction. Offsets are computed from the seed texts, so every span is checked: text.slice(start, end) === exact.
 * The end-to-end test (timeline.e2e.int.test.ts) runs the same page against the real pipeline and API.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Execute } from '../../../src/export/execute.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

type Obj = Record<string, unknown>;

interface Article {
  id: string;
  outlet: string;
  title: string | null;
  publishedAt: string;
  url: string | null;
  text: string;
}

function loadArticles(): Map<string, Article> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'seed/manifest.json'), 'utf8')) as Array<Omit<Article, 'text'> & { file: string }>;
  return new Map(
    manifest.map((m) => [
      m.id,
      { id: m.id, outlet: m.outlet, title: m.title, publishedAt: m.publishedAt, url: m.url, text: readFileSync(path.join(ROOT, 'seed/articles', m.file), 'utf8') },
    ]),
  );
}

export interface FakeGraph {
  articles: Map<string, Article>;
  actors: Obj[];
  statements: Obj[];
  events: Obj[];
}

export function emptyGraph(): FakeGraph {
  return { articles: new Map(), actors: [], statements: [], events: [] };
}

/** The seed story in miniature: four conferences, the incident with both sides' claims, the MoU, statements. */
export function seedLikeGraph(): FakeGraph {
  const articles = loadArticles();
  const art = (id: string) => {
    const a = articles.get(id);
    if (!a) throw new Error(`no seed article ${id}`);
    return a;
  };
  const span = (articleId: string, exact: string, via: Obj[] = []) => {
    const a = art(articleId);
    const start = a.text.indexOf(exact);
    if (start < 0) throw new Error(`"${exact}" is not in ${articleId}`);
    return { article: a, via, start, end: start + exact.length, exact };
  };
  const actor = (id: string, name: string, kind: string, role: string | null = null) => ({ __typename: 'Actor', id, name, kind, role, aliases: [], curated: false });

  const warren = actor('actor:person:steve-warren', 'Steve Warren', 'PERSON', 'spokesman for the U.S.-led coalition');
  const konashenkov = actor('actor:person:igor-konashenkov', 'Igor Konashenkov', 'PERSON', 'Russian defense ministry spokesman');
  const carter = actor('actor:person:ashton-carter', 'Ashton Carter', 'PERSON', 'Defense Secretary');
  const davis = actor('actor:person:jeff-davis', 'Jeff Davis', 'PERSON', 'Pentagon spokesman');
  const lavrov = actor('actor:person:sergei-lavrov', 'Sergei Lavrov', 'PERSON', 'Russian Foreign Minister');
  const cook = actor('actor:person:peter-cook', 'Peter Cook', 'PERSON', 'Pentagon Press Secretary');
  const official = actor('actor:anonymous:000_13a7a3ee9cba360b:a-u-s-defense-official', 'a U.S. defense official', 'ANONYMOUS_SOURCE');
  const afp = actor('actor:media-outlet:afp', 'AFP', 'MEDIA_OUTLET');
  const wsj = actor('actor:media-outlet:the-wall-street-journal', 'The Wall Street Journal', 'MEDIA_OUTLET');
  const reuters = actor('actor:media-outlet:reuters', 'Reuters', 'MEDIA_OUTLET');
  const us = actor('actor:government:united-states', 'United States', 'GOVERNMENT');
  const russia = actor('actor:government:russia', 'Russia', 'GOVERNMENT');
  const actors = [warren, konashenkov, carter, davis, lavrov, cook, official, afp, wsj, reuters, us, russia];

  const day = (d: string) => ({ start: d, end: d, precision: 'DAY' });
  const statement = (id: string, speaker: Obj, text: string, saidOn: Obj | null, sources: Obj[], extra: Obj = {}) => ({
    __typename: 'Statement',
    id,
    speaker,
    text,
    kind: 'DIRECT',
    verb: 'say',
    saidOn,
    sortDate: (saidOn?.start as string) ?? [...sources].map((s) => (s.article as Article).publishedAt).sort()[0],
    audience: [],
    sources,
    claims: [],
    ...extra,
  });

  const sKonashenkov = statement('stmt:konashenkov-identify', konashenkov, 'not to intimidate, but to identify the object', null, [
    span('003_95363f65d31180cf', 'Maj. Gen. Igor Konashenkov, a Russian defense ministry spokesman, said the jets came within 2 or 3 kilometers (1.2 to 1.8 miles) from the U.S. plane on Saturday, “not to intimidate, but to identify the object," according to the Wall Street Journal', [wsj]),
  ]);
  const sWarren = statement('stmt:warren-miles-apart', warren, 'close enough for them to get some visual contact, but they were miles apart', day('2015-10-13'), [
    span('004_aa3a53a6edca9073', 'In a briefing with reporters Tuesday, Col. Steve Warren, a spokesman for the U.S.-led coalition, said the two planes were "close enough for them to get some visual contact, but they were miles apart,"'),
  ]);
  const statements = [
    statement('stmt:official-nearing-completion', official, 'We are nearing completion of a memorandum of agreement that would set up procedures to enhance air safety', day('2015-10-14'), [
      span('000_13a7a3ee9cba360b', '"We are nearing completion of a memorandum of agreement that would set up procedures to enhance air safety," the official said anonymously on Wednesday as quoted by AFP', [afp]),
    ]),
    statement('stmt:davis-progress', davis, 'Progress was made during the discussions, which were professional and focused narrowly on the implementation of specific safety procedures.', null, [
      span('004_aa3a53a6edca9073', '"Progress was made during the discussions, which were professional and focused narrowly on the implementation of specific safety procedures."'),
      span('000_13a7a3ee9cba360b', 'Pentagon spokesman Captain Jeff Davis revealed that "Progress was made during the discussions, which were professional and focused narrowly on the implementation of specific safety procedures."'),
    ]),
    statement('stmt:warren-risk', warren, "There's always going to be some risk if there are uncoordinated actors in the battle space", day('2015-10-13'), [
      span('000_13a7a3ee9cba360b', `"There's always going to be some risk if there are uncoordinated actors in the battle space," Colonel Steve Warren, the spokesman for the U.S.-led coalition on Tuesday as quoted by AFP`, [afp]),
    ]),
    statement('stmt:carter-misguided', carter, 'will not agree to cooperate with Russia as long as they continue to pursue a misguided strategy', day('2015-10-14'), [
      span('001_45fd82710821ae0a', '“We have not, for our part, and will not agree, to cooperate with Russia as long as they continue to pursue a misguided strategy,” he told a group of U.S. army leaders in Washington, reports Reuters', [reuters]),
      span('004_aa3a53a6edca9073', 'Carter said the United States "will not agree to cooperate with Russia as long as they continue to pursue a misguided strategy,"'),
    ]),
    statement('stmt:lavrov-hurtful', lavrov, 'It’s hurtful', day('2015-10-14'), [span('003_95363f65d31180cf', '“It’s hurtful,” Lavrov told the Russian parliament.')]),
    sKonashenkov,
    sWarren,
    statement('stmt:cook-measures', cook, 'The two sides discussed measures to enhance operational safety ... including the means to avoid accidents and unintended confrontation between coalition and Russian forces whenever the two sides operate in close proximity', null, [
      span('002_539924f05e644d9d', '“The two sides discussed measures to enhance operational safety ... including the means to avoid accidents and unintended confrontation between coalition and Russian forces whenever the two sides operate in close proximity,” Pentagon Press Secretary Peter Cook said in a statement'),
    ]),
  ];

  const series = { __typename: 'MeetingSeries', id: 'series:us-russia-video-conference', name: 'US–Russia video conference' };
  const event = (typename: string, kind: string, id: string, name: string, date: Obj | null, sources: Obj[], extra: Obj = {}) => ({
    __typename: typename,
    id,
    name,
    kind,
    start: date?.start ?? null,
    end: date?.end ?? null,
    precision: date?.precision ?? null,
    sortDate: date?.start ?? null,
    implied: false,
    sources,
    statements: [],
    claims: [],
    claimsByAttribute: [],
    ...extra,
  });
  const meeting = (ordinal: number | null, id: string, name: string, date: Obj, sources: Obj[], implied = false) =>
    event('Meeting', 'MEETING', id, name, date, sources, { ordinal, series, participants: [us, russia], implied });

  const claim = (id: string, attribute: string, value: string, normalized: string, speaker: Obj | null, src: ReturnType<typeof span>) => ({
    __typename: 'Claim',
    id,
    attribute,
    value,
    normalized,
    curated: false,
    curationSource: null,
    source: { speaker, article: src.article, statement: null, curationSource: null },
    sources: [src],
  });
  const claims = [
    claim('claim:warren-10-20', 'distance', '10 to 20 miles', '16.1-32.2 km', warren, span('004_aa3a53a6edca9073', 'perhaps as much as 10 to 20 miles')),
    claim('claim:warren-miles', 'distance', 'miles apart', '1.6-? km', warren, span('003_95363f65d31180cf', 'U.S. Army Colonel Steve Warren described the distance apart as "miles,"')),
    claim('claim:konashenkov-2-3km', 'distance', '2 or 3 kilometers (1.2 to 1.8 miles)', '2-3 km', konashenkov, span('003_95363f65d31180cf', 'within 2 or 3 kilometers (1.2 to 1.8 miles)')),
    claim('claim:konashenkov-2mi', 'distance', 'approximately two miles', '3.2-3.2 km', konashenkov, span('004_aa3a53a6edca9073', 'approximately two miles')),
    claim('claim:konashenkov-saturday', 'date', 'Saturday', '2015-10-10', konashenkov, span('003_95363f65d31180cf', 'on Saturday')),
    claim('claim:konashenkov-sunday', 'date', 'Sunday', '2015-10-11', konashenkov, span('004_aa3a53a6edca9073', 'on Sunday')),
  ];
  const byAttribute = (cs: typeof claims) =>
    [...new Set(cs.map((c) => c.attribute))].map((attribute) => {
      const group = cs.filter((c) => c.attribute === attribute);
      const values = [...new Set(group.map((c) => c.normalized))].sort();
      return { attribute, values, conflicting: values.length > 1, claims: group };
    });

  const incident = event(
    'Incident',
    'INCIDENT',
    'event:incident:close-encounter-over-syria',
    'U.S. and Russian jets’ close encounter over Syria',
    { start: '2015-10-10', end: '2015-10-11', precision: 'INTERVAL' },
    [span('003_95363f65d31180cf', 'the two nations\' fighter jets came within close reach over the weekend'), span('004_aa3a53a6edca9073', 'a U.S. and Russian jet came within miles of each other')],
    { claims, claimsByAttribute: byAttribute(claims), statements: [sKonashenkov, sWarren] },
  );
  const events = [
    meeting(1, 'event:meeting:us-russia-video-conference:1', 'first video conference', day('2015-10-01'), [span('001_45fd82710821ae0a', 'their first meet on the matter on Oct. 1')]),
    meeting(2, 'event:meeting:us-russia-video-conference:2', 'second video conference', { start: '2015-10-02', end: '2015-10-13', precision: 'INTERVAL' }, [], true),
    meeting(3, 'event:meeting:us-russia-video-conference:3', 'third video conference', day('2015-10-14'), [
      span('004_aa3a53a6edca9073', 'their third video conference'),
      span('001_45fd82710821ae0a', 'their third video conference'),
    ]),
    meeting(null, 'event:meeting:us-russia-video-conference:2016-01-28', 'video conference', day('2016-01-28'), [span('002_539924f05e644d9d', 'Thursday’s video conference')]),
    incident,
    event('Campaign', 'CAMPAIGN', 'event:campaign:russian-air-campaign-in-syria', 'Russian air campaign in Syria', day('2015-09-30'), [span('003_95363f65d31180cf', 'Russia began carrying out airstrikes in Syria on Sept. 30')]),
    event('AgreementMilestone', 'AGREEMENT_MILESTONE', 'event:agreement-milestone:mou-signed', 'Memorandum of understanding on flight safety signed', { start: '2015-10-01', end: '2015-10-31', precision: 'MONTH' }, [
      span('002_539924f05e644d9d', 'the MOU was signed in October of 2015'),
    ], { status: 'SIGNED' }),
  ];
  return { articles, actors, statements, events };
}

const overlaps = (item: Obj, from?: string, to?: string) => {
  const start = (item.start as string | undefined) ?? (item.sortDate as string | null);
  const end = (item.end as string | undefined) ?? start;
  if (!start) return !from && !to;
  return (!from || (end as string) >= from) && (!to || start <= to);
};

function page<T extends { id: string }>(all: T[], first: number, after: string | null | undefined) {
  const from = after ? all.findIndex((x) => x.id === after) + 1 : 0;
  const slice = all.slice(from, from + first);
  return {
    edges: slice.map((node) => ({ cursor: node.id, node })),
    pageInfo: { hasNextPage: from + first < all.length, endCursor: slice.at(-1)?.id ?? null },
  };
}

/** Root resolvers over a FakeGraph, honouring the filters the page uses (from, to, actorIds) and cursor paging. */
export function fakeRoot(g: FakeGraph): Obj {
  const involves = (item: Obj, ids: string[]) => {
    if (item.__typename === 'Statement') return ids.includes((item.speaker as Obj).id as string);
    const people = [...((item.participants as Obj[]) ?? []), ...((item.claims as Array<{ source: { speaker: Obj | null } }>).map((c) => c.source.speaker).filter(Boolean) as Obj[])];
    return people.some((p) => ids.includes(p.id as string));
  };
  return {
    apiVersion: 'fake',
    timeline: ({ filter = {}, first = 50, after }: { filter?: { from?: string; to?: string; actorIds?: string[] }; first?: number; after?: string }) => {
      const items = [...g.events, ...g.statements]
        .map((node) => {
          const isStatement = node.__typename === 'Statement';
          const date = isStatement ? (node.saidOn as Obj | null) : node.start ? { start: node.start, end: node.end, precision: node.precision } : null;
          return { id: node.id as string, node, kind: isStatement ? 'STATEMENT' : node.kind, sortDate: node.sortDate, date, start: (date?.start as string) ?? node.sortDate, end: (date?.end as string) ?? node.sortDate };
        })
        .filter((e) => overlaps(e, filter.from, filter.to))
        .filter((e) => !filter.actorIds?.length || involves(e.node, filter.actorIds))
        .sort((a, b) => String(a.sortDate ?? '9999').localeCompare(String(b.sortDate ?? '9999')) || a.id.localeCompare(b.id));
      const p = page(items, first, after);
      return { edges: p.edges.map((e) => ({ ...e.node, cursor: e.cursor })), pageInfo: p.pageInfo };
    },
    actors: ({ first = 20, after }: { first?: number; after?: string }) =>
      page([...g.actors].sort((a, b) => String(a.name).localeCompare(String(b.name))) as Array<Obj & { id: string }>, first, after),
    statement: ({ id }: { id: string }) => g.statements.find((s) => s.id === id) ?? null,
    event: ({ id }: { id: string }) => g.events.find((e) => e.id === id) ?? null,
    article: ({ id }: { id: string }) => g.articles.get(id) ?? null,
  };
}

export function loadSchema(): GraphQLSchema {
  const dir = path.join(ROOT, 'schema');
  const sdl = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  return buildSchema(sdl);
}

export async function runFake(schema: GraphQLSchema, root: Obj, source: string, variableValues?: Obj) {
  return graphql({ schema, source, rootValue: root, variableValues });
}

/** An Execute over the fake graph, for exports. */
export function fakeExecute(schema: GraphQLSchema, root: Obj): Execute {
  return async <TData, TVariables extends Record<string, unknown>>(doc: TypedDocumentNode<TData, TVariables>, variables: TVariables) => {
    const res = await runFake(schema, root, print(doc), variables);
    if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
    return res.data as TData;
  };
}
