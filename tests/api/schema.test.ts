/** Pure checks of the API: every SDL element described, examples valid within limits, cursors, full-text escaping. */
import { describe, expect, it } from 'vitest';
import {
  buildASTSchema,
  concatAST,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  validate,
  specifiedRules,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/api/server.js';
import { EXAMPLES } from '../../src/api/examples.js';
import { costLimitRule, measureDocument } from '../../src/api/limits.js';
import { decodeCursor, encodeCursor, pageRequest } from '../../src/api/paging.js';
import { fulltextQuery } from '../../src/graph/repositories/common.js';
import { normaliseWording, otherWordings } from '../../src/graph/repositories/statements.js';
import { loadConfig } from '../../src/config.js';

// buildASTSchema applies the `extend type Query` blocks of the same document.
const schema: GraphQLSchema = buildASTSchema(concatAST(loadTypeDefs().map((sdl) => parse(sdl))));
const config = loadConfig({});

describe('schema', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description?.trim()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (!f.description?.trim()) missing.push(`${type.name}.${f.name}`);
          for (const a of f.args) if (!a.description?.trim()) missing.push(`${type.name}.${f.name}(${a.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) if (!f.description?.trim()) missing.push(`${type.name}.${f.name}`);
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description?.trim()) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('keeps the contract names other tools rely on', () => {
    const q = schema.getQueryType()!.getFields();
    for (const f of ['timeline', 'statements', 'actors', 'actor', 'events', 'articles', 'article']) expect(q[f], f).toBeDefined();
    const contract = parse(`{
      statements { edges { cursor node { id text kind verb saidOn { start end precision } speaker { id name kind aliases }
        sources { article { id outlet publishedAt url } via { name } start end exact } } } pageInfo { hasNextPage endCursor } }
      events { edges { node { id name kind start end precision sources { exact }
        ... on Meeting { ordinal series { name } participants { name } }
        ... on Incident { claims { attribute value normalized source { speaker { name } article { id } } } claimsByAttribute { attribute } }
        ... on Agreement { statusHistory { status } } } } }
      timeline(filter: { from: "2016-01-01", to: "2016-12-31", actorIds: [], kinds: [STATEMENT], eventIds: [], text: "x" }) { edges { cursor } pageInfo { hasNextPage } }
      article(id: "x") { text annotations { type start end exact targetId } }
    }`);
    expect(validate(schema, contract)).toEqual([]);
  });
});

describe('example queries', () => {
  it('are valid and within the default depth and field limits', () => {
    const rules = [...specifiedRules, costLimitRule({ maxDepth: config.MAX_QUERY_DEPTH, maxFields: config.MAX_QUERY_FIELDS })];
    for (const e of EXAMPLES) {
      const doc = parse(e.query);
      expect(validate(schema, doc, rules)).toEqual([]);
      const [cost] = measureDocument(doc);
      expect(cost!.depth).toBeLessThanOrEqual(config.MAX_QUERY_DEPTH);
    }
  });

  it('contain no names of people or outlets', () => {
    for (const e of EXAMPLES) expect(JSON.stringify(e.variables)).not.toMatch(/[A-Z][a-z]+ [A-Z][a-z]+/);
  });
});

describe('cursors and page size', () => {
  it('round-trips keyset positions and rejects anything else', () => {
    const c = encodeCursor(['2016-10-01', 'stmt:abc']);
    expect(decodeCursor(c, 'timeline.after')).toEqual(['2016-10-01', 'stmt:abc']);
    expect(() => decodeCursor('%%%', 'timeline.after')).toThrow(/timeline.after/);
    expect(() => pageRequest('statements', { first: 101 }, 100)).toThrow('statements.first must be between 1 and 100 (MAX_PAGE_SIZE); got 101');
    expect(pageRequest('statements', { first: 5, after: c }, 100)).toEqual({ limit: 5, after: ['2016-10-01', 'stmt:abc'] });
  });
});

describe('full-text queries', () => {
  it('escapes Lucene syntax and requires every word', () => {
    expect(fulltextQuery('Defend the strait')).toBe('defend AND the AND strait');
    expect(fulltextQuery('"quoted" (group) //')).toBe('\\"quoted\\" AND \\(group\\)');
    expect(fulltextQuery('a AND b OR NOT c')).toBe('a AND and AND b AND or AND not AND c');
    expect(fulltextQuery('{ } // **')).toBeNull();
    expect(fulltextQuery('Vanto', { prefix: true })).toBe('(vanto OR vanto*)');
  });
});

describe('wordings', () => {
  it('ignores case, spacing, quote style and edge punctuation, and keeps real differences', () => {
    expect(normaliseWording('  “We will,”  ')).toBe(normaliseWording('we will'));
    const article = { id: 'a', outlet: 'X', title: null, publishedAt: '2016-01-01', url: null, sha256: null, ingestedAt: null };
    const report = (wording: string) => ({ article, via: [], start: 0, end: 1, exact: wording, verb: null, quotes: [], path: [], wording });
    expect(otherWordings('We will go.', [report('we will go'), report('We will')])).toEqual([{ text: 'We will', articles: [article] }]);
  });
});
