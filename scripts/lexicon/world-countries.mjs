/**
 * Builds data/lexicon/countries-world.json — the sovereign countries the hand-compiled gazetteer
 * (data/lexicon/countries.json) does not list — from mledoze/countries (the npm package world-countries, a
 * devDependency: nothing reads it at run time). Same entry fields as countries.json: name, aliases, demonyms,
 * modifier, government, seats. The curated file is the authority: a country it lists (by name or alias) is
 * skipped, and a phrase it claims (a name, alias, demonym or seat) is dropped from the world entries, as is a
 * seat among its notCountries places ("Kuwait City"); a phrase two world entries share ("Congolese",
 * "Dominican") is dropped from both, so it never silently names the wrong one.
 *
 * Aliases are English forms only: the official name, and the package's alternative spellings that are Latin
 * script, no ISO code, no inverted "X, Republic of" form, and made of English name words including one of
 * the country's own ("Democratic Republic of Congo", "Bosnia-Herzegovina"; not "Prathet Thai"). Names with
 * diacritics also get their plain-letter spelling ("Sao Tome", "Yaounde"), as English news writes them.
 *
 *   node scripts/lexicon/world-countries.mjs          # rewrites the data file
 *   node scripts/lexicon/world-countries.mjs --check  # exit 1 when the data file is not what the package gives
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './writeOrCheck.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, '../../data/lexicon/countries-world.json');
const CURATED = path.join(HERE, '../../data/lexicon/countries.json');

/**
 * Forms that are everyday English words, common given names or better-known other places, and would make
 * false actors ("Chad Miller said", "Victoria Beckham", "Kingston, Ontario", "Georgetown University",
 * "San Jose, Calif.", "Nassau County", "Panama City, Fla.", "St. George's Hospital"), or that name more than
 * the country ("Congo": news mostly means the Democratic Republic; "Timor" the island). Chad, whose name is
 * excluded, is left out whole: its entry would still name it "Chad". Curated by the Chronicle team.
 */
export const EXCLUDE = new Set([
  // country names and aliases
  'Chad', 'Congo', 'Timor',
  // seats
  'Victoria', 'Male', 'Malé', 'Kingston', 'Santiago', 'Georgetown', 'Hamilton', 'Sofia', 'Nassau', 'San José', 'San Jose',
  "Saint John's", "St. John's", "St. George's", 'Panama City', 'Moroni',
]);

/**
 * English forms the package lacks or spells the old way (it has "Kirghiz", "Tadzhik", "Ulan Bator"; its
 * English aliases "Burma" and "Swaziland" use no word of the country's current names): added first, so an
 * added demonym is the modifier; `modifier` replaces a demonym noun that is no adjective ("Icelander",
 * "Motswana"). Curated by the Chronicle team.
 */
const ADD = {
  Kyrgyzstan: { demonyms: ['Kyrgyz'] },
  Tajikistan: { demonyms: ['Tajik'] },
  Uzbekistan: { demonyms: ['Uzbek'] },
  'Cape Verde': { demonyms: ['Cape Verdean'], aliases: ['Cabo Verde'] },
  Maldives: { demonyms: ['Maldivian'] },
  Suriname: { demonyms: ['Surinamese'] },
  Ecuador: { demonyms: ['Ecuadorian'] },
  Iceland: { demonyms: ['Icelandic'] },
  Luxembourg: { modifier: 'Luxembourg' },
  Liechtenstein: { modifier: 'Liechtenstein' },
  Botswana: { modifier: 'Botswana' },
  Lesotho: { modifier: 'Lesotho' },
  'Solomon Islands': { modifier: 'Solomon Islands' },
  Myanmar: { aliases: ['Burma'] },
  Eswatini: { aliases: ['Swaziland'], seats: ['Mbabane'] },
  'Timor-Leste': { aliases: ['East Timor'] },
  'DR Congo': { aliases: ['DRC', 'Democratic Republic of Congo'] },
  Mongolia: { seats: ['Ulaanbaatar'] },
};

/** Plain letters for a name with diacritics ("São Tomé" → "Sao Tome"). */
export function plain(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/ł/g, 'l');
}

const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;
const words = (s) => plain(s).split(/[\s-]+/).filter(Boolean);

/** The world entries for `countries` (the package's records) given the curated gazetteer. */
export function buildWorld(countries, curated) {
  const key = (s) => plain(s).replace(/’/g, "'").toLowerCase();
  const curatedNames = new Set(curated.countries.flatMap((c) => [c.name, ...c.aliases]).map(key));
  const claimed = new Set(curated.countries.flatMap((c) => [c.name, ...c.aliases, ...c.demonyms, c.modifier, ...c.seats]).map(key));
  // Curated places that are no country: a world seat among them ("Kuwait City") is dropped. A world country's
  // own name among them ("South Sudan") is kept: the curated entry is there so that "Sudan" is not matched inside.
  const otherPlaces = new Set(curated.notCountries.names.map(key));
  // Words of English names (every record's common and official name, capitals): what an English alias is built from.
  const english = new Set(countries.flatMap((c) => [c.name.common, c.name.official, ...(c.capital ?? [])].flatMap(words)).map((w) => w.toLowerCase()));

  const sovereign = countries.filter((c) => c.unMember || c.independent);
  const entries = [];
  for (const c of sovereign) {
    const names = [c.name.common, c.name.official, ...c.altSpellings];
    if (names.some((n) => curatedNames.has(key(n)))) continue;
    const add = ADD[c.name.common] ?? {};
    const codes = new Set([c.cca2, c.cca3, c.cioc, c.ccn3].filter(Boolean));
    const own = new Set([c.name.common, c.name.official, ...(c.capital ?? [])].flatMap(words).map((w) => w.toLowerCase()));
    const isEnglishAlias = (a) =>
      /^\p{Lu}/u.test(a) && !a.includes(',') && words(a).every((w) => english.has(w.toLowerCase())) && words(a).some((w) => own.has(w.toLowerCase()));
    const withPlain = (list) => list.flatMap((s) => [s, plain(s)]);
    const demonyms = withPlain([...(add.demonyms ?? []), c.demonyms.eng.m, c.demonyms.eng.f].flatMap((d) => d.split(/,\s*|\s+or\s+/)));
    const aliases = withPlain([
      ...[c.name.official].filter((a) => !a.includes(',')),
      ...(add.aliases ?? []),
      ...c.altSpellings.filter((a) => LATIN.test(a) && !codes.has(a) && isEnglishAlias(a)),
    ]);
    entries.push({
      name: c.name.common,
      aliases,
      demonyms,
      modifier: add.modifier,
      seats: withPlain([...(c.capital ?? []), ...(add.seats ?? [])]),
      plainName: plain(c.name.common),
    });
  }

  // Who claims each phrase among the world entries: a phrase two of them claim is dropped from both.
  const owners = new Map();
  for (const e of entries) {
    for (const p of new Set([e.name, e.plainName, ...e.aliases, ...e.demonyms, ...e.seats].map(key))) owners.set(p, (owners.get(p) ?? 0) + 1);
  }
  const free = (p) => !claimed.has(key(p)) && owners.get(key(p)) === 1 && !EXCLUDE.has(p) && !EXCLUDE.has(plain(p));
  const unique = (list) => [...new Set(list)];
  const out = [];
  for (const e of entries) {
    if (!free(e.name)) continue; // "Chad": a given name, no country actor; its other forms stay
    // A demonym spelled like the country ("Djibouti") is the country; one among its other spellings ("Thai") is a demonym.
    const demonyms = unique(e.demonyms).filter((d) => key(d) !== key(e.name) && free(d));
    const demonymKeys = new Set(demonyms.map(key));
    const aliases = unique([e.plainName, ...e.aliases]).filter((a) => a !== e.name && !demonymKeys.has(key(a)) && free(a));
    const nameKeys = new Set([e.name, ...aliases].map(key));
    // The adjective institutions take ("Thai government"); the name itself when no demonym is the country's alone
    // ("Dominica government", not the "Dominican government" of the Dominican Republic).
    const modifier = e.modifier ?? demonyms[0] ?? e.name;
    out.push({
      name: e.name,
      aliases,
      demonyms,
      modifier,
      government: `${modifier} government`,
      // A capital spelled like the country (Singapore, Luxembourg) is the country.
      seats: unique(e.seats).filter((s) => !nameKeys.has(key(s)) && !otherPlaces.has(key(s)) && free(s)),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The data file's text, as the script writes it. */
export function buildFile() {
  const pkgDir = path.dirname(require.resolve('world-countries/package.json'));
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const countries = JSON.parse(fs.readFileSync(path.join(pkgDir, 'countries.json'), 'utf8'));
  const curated = JSON.parse(fs.readFileSync(CURATED, 'utf8'));
  const licence = (pkg.licenses ?? []).map((l) => l.type).join(', ') || pkg.license;
  const file = {
    source: `mledoze/countries (npm ${pkg.name} ${pkg.version}, ${licence}): sovereign states (UN members or independent) not in countries.json, English common and official names, demonyms and capitals; regenerate with node scripts/lexicon/world-countries.mjs (--check verifies)`,
    curated: 'Chronicle team: countries.json wins on any conflict; forms that are everyday words, given names or other places excluded, a few English forms added (see the script)',
    countries: buildWorld(countries, curated),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeOrCheck(OUT, buildFile(), 'world-countries', 'scripts/lexicon/world-countries.mjs');
}
