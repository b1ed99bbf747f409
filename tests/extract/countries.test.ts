/**
 * The country gazetteer: the curated countries.json first, then countries-world.json generated from
 * mledoze/countries (scripts/lexicon/world-countries.mjs), and what the world entries give an article.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import curatedData from '../../data/lexicon/countries.json' with { type: 'json' };
import worldData from '../../data/lexicon/countries-world.json' with { type: 'json' };
import { COUNTRY_ENTRIES, NOT_COUNTRIES } from '../../src/extract/countries.js';
import { countryOfForm } from '../../src/extract/events/parties.js';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';

const input = (id: string, text: string) => ({ id, text, outlet: 'Test Wire', title: null, publishedAt: '2025-07-28', url: null });
const extract = (text: string): Promise<ExtractedArticle> => extractWithEngine(input('countries', text));
const key = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const phrases = (c: (typeof COUNTRY_ENTRIES)[number]) => [c.name, ...c.aliases, ...c.demonyms, ...c.seats];

describe('country gazetteer', () => {
  it('is what the generator makes of world-countries and countries.json', () => {
    // Exits non-zero (and throws here) when the data file is stale.
    execFileSync(process.execPath, ['scripts/lexicon/world-countries.mjs', '--check'], { stdio: 'pipe' });
    expect(worldData.source).toMatch(/world-countries 5\.1\.0, ODbL-1\.0.*world-countries\.mjs/);
  });

  it('lists the curated countries first, then every other sovereign country once', () => {
    expect(COUNTRY_ENTRIES.slice(0, curatedData.countries.length).map((c) => c.name)).toEqual(curatedData.countries.map((c) => c.name));
    expect(COUNTRY_ENTRIES.length).toBeGreaterThanOrEqual(190);
    const names = COUNTRY_ENTRIES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Thailand', 'Cambodia', 'Malaysia', 'Sudan', 'South Sudan', 'Kuwait', 'Myanmar', 'DR Congo']));
    expect(NOT_COUNTRIES).toContain('New Mexico');
  });

  it('gives a world entry no phrase the curated file claims, another world entry shares, or that is an everyday name', () => {
    const curated = new Set(curatedData.countries.flatMap((c) => [...phrases(c), c.modifier]).map(key));
    const seen = new Map<string, string>();
    for (const c of worldData.countries) {
      for (const p of phrases(c)) {
        expect(curated.has(key(p)), `${c.name}: ${p}`).toBe(false);
        const other = seen.get(key(p));
        expect(other === undefined || other === c.name, `${c.name} and ${other}: ${p}`).toBe(true);
        seen.set(key(p), c.name);
      }
    }
    for (const p of ['Chad', 'Congo', 'Congolese', 'Dominican', 'Victoria', 'Male', 'Kingston', 'Georgetown', 'Sofia', 'Nassau', 'San Jose', 'Kuwait City']) {
      expect(seen.has(key(p)), p).toBe(false);
    }
    // Curated wins: the package's "Türkiye" / "Turkiye" is the curated Turkey.
    expect(countryOfForm('Turkiye')).toBe('Turkey');
    expect(countryOfForm('Thai')).toBe('Thailand');
    expect(countryOfForm('Burma')).toBe('Myanmar');
  });
});

describe('newly covered countries in an article', () => {
  it('makes the countries of a meeting actors and its parties; a capital after "in" is a place, not a speaker', async () => {
    const a = await extract('Thailand and Cambodia held a first round of ceasefire talks in Kuala Lumpur on Sunday.');
    const byKey = new Map(a.actors.map((x) => [x.key, x]));
    expect(a.actors.filter((x) => x.kind === 'COUNTRY').map((x) => x.name).sort()).toEqual(['Cambodia', 'Thailand']);
    expect(a.actors.some((x) => x.name === 'Malaysian government' || x.name === 'Malaysia')).toBe(false);
    expect(a.statements).toEqual([]);
    const talks = a.events.filter((e) => e.kind === 'MEETING');
    expect(talks).toHaveLength(1);
    expect(talks[0]!.series).toMatchObject({ name: 'Cambodia–Thailand talks', ordinal: 1 });
    expect(talks[0]!.participantKeys.map((k) => byKey.get(k)?.name).sort()).toEqual(['Cambodia', 'Thailand']);
  });

  it('reads a demonym as the speaker’s country', async () => {
    const a = await extract('Thai negotiators said the ceasefire would hold, according to a statement from Bangkok.');
    const speaker = a.actors.find((x) => x.key === a.statements[0]?.speakerKey);
    expect(speaker?.name).toBe('Thai negotiators');
    expect(a.actors.find((x) => x.key === speaker?.affiliationKey)?.name).toBe('Thai government');
  });

  it('makes no country of a given name that is one', async () => {
    const a = await extract('Chad Miller said the team would win the final.');
    expect(a.actors.filter((x) => x.kind === 'COUNTRY')).toEqual([]);
    expect(a.actors.map((x) => [x.kind, x.name])).toEqual([['PERSON', 'Chad Miller']]);
  });

  it('makes no United States of Latin America, South America or a South American bloc (probe 3)', async () => {
    const a = await extract('Chile and the South American trade bloc agreed a pact on Tuesday. "This is our best deal with Latin America," minister Ana Roca told reporters. Exports to North America fell.');
    expect(a.actors.filter((x) => x.kind === 'COUNTRY').map((x) => x.name)).toEqual(['Chile']);
  });
});
