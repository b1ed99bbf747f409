import { afterAll, describe, expect, it } from 'vitest';
import { testDriver } from '../support/neo4j.js';
import { applyMigrations, MIGRATIONS } from '../../src/graph/migrations.js';
import { DATABASE } from './helpers.js';

const CONSTRAINTS = "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN 'constraint' AS what, name, type, labelsOrTypes, properties";
const INDEXES = "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN 'index:' + state AS what, name, type, labelsOrTypes, properties";

describe('migrations', () => {
  const driver = testDriver();
  afterAll(() => driver.close());

  const schema = async () => {
    const lines: string[] = [];
    for (const cypher of [CONSTRAINTS, INDEXES]) {
      const { records } = await driver.executeQuery(cypher, {}, { database: DATABASE });
      lines.push(...records.map((r) => `${r.get('what')} ${r.get('name')} ${r.get('type')} ${r.get('labelsOrTypes')} ${r.get('properties')}`));
    }
    return lines.sort();
  };

  it('are idempotent: a second run creates nothing and leaves the same schema', async () => {
    await applyMigrations(driver, DATABASE);
    const first = await schema();
    const again = await applyMigrations(driver, DATABASE);
    expect(again.created).toBe(0);
    expect(await schema()).toEqual(first);
  });

  it('give every node label a uniqueness constraint on id', async () => {
    const lines = await schema();
    for (const label of ['Article', 'Actor', 'Statement', 'Event', 'MeetingSeries', 'Claim']) {
      expect(lines).toContainEqual(`constraint ${label === 'MeetingSeries' ? 'meeting_series' : label.toLowerCase()}_id UNIQUENESS ${label} id`);
    }
  });

  it('create the full-text and range indexes, all online', async () => {
    const lines = await schema();
    expect(lines).toContainEqual('index:ONLINE statementText FULLTEXT Statement text');
    expect(lines).toContainEqual('index:ONLINE actorNamesFolded FULLTEXT Actor name,aliases');
    for (const expected of [
      'statement_sort_date RANGE Statement sortDate',
      'event_sort_date RANGE Event sortDate',
      'event_start RANGE Event start',
      'article_published_at RANGE Article publishedAt',
      'actor_kind RANGE Actor kind',
      'statement_kind RANGE Statement kind',
      'event_kind RANGE Event kind',
      'event_kind_start RANGE Event kind,start',
      'event_kind_precision RANGE Event kind,precision',
      'meeting_series_name RANGE MeetingSeries name',
    ]) {
      expect(lines).toContainEqual(`index:ONLINE ${expected}`);
    }
    expect(lines.filter((l) => !l.startsWith('index:ONLINE') && !l.startsWith('constraint'))).toEqual([]);
  });

  it('uses only IF NOT EXISTS statements (IF EXISTS to drop a replaced index), one per migration', () => {
    for (const cypher of MIGRATIONS) expect(cypher).toMatch(/^(CREATE (CONSTRAINT|FULLTEXT INDEX|INDEX) \w+ IF NOT EXISTS |DROP INDEX \w+ IF EXISTS$)/);
  });

  it('replaces the unfolded actor-name index of older databases by the folding one', async () => {
    await driver.executeQuery('CREATE FULLTEXT INDEX actorNames IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases]', {}, { database: DATABASE });
    await applyMigrations(driver, DATABASE);
    const { records } = await driver.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, options WHERE name STARTS WITH 'actorNames' RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer",
      {},
      { database: DATABASE },
    );
    expect(records.map((r) => [r.get('name'), r.get('analyzer')])).toEqual([['actorNamesFolded', 'standard-folding']]);
  });
});
