/**
 * A deterministic synthetic news corpus for the benchmark (issue 6), with the graph it must produce.
 *
 * Articles report bilateral talks between invented officials of real countries: meetings in series with
 * ordinals ("their third round of talks"), quotes in the forms the extractor handles exactly (`"Q," X said.`,
 * `X said: "Q."`, `X told <agency> that …`, `…, according to <agency>`, `as quoted by <agency>`, split
 * quotes, pronoun back-off), statement chains (a later article re-reporting an earlier quote, sometimes
 * trimmed), incidents told by both sides with conflicting distances (miles vs kilometres) and days, and
 * relative dates ("on Tuesday") that resolve against the publication date. Everything follows from the
 * seed of a mulberry32 RNG, so the same scale and seed always give byte-identical articles.
 *
 * The generator tracks what each sentence should add to the graph, so the bench can require exact counts
 * after loading (see `Expected`). People are invented (bench/corpus/data/names.json); no person of the seed
 * articles appears (tests/bench/generate.test.ts).
 *
 * CLI: node --import tsx bench/corpus/generate.ts --scale 1000 [--seed 42] --out DIR
 *      writes DIR/manifest.json, DIR/articles/*.txt and DIR/expected.json (`chronicle ingest DIR` takes it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import names from './data/names.json' with { type: 'json' };
import quotes from './data/quotes.json' with { type: 'json' };
import world from './data/world.json' with { type: 'json' };
import { multisetOverlap } from '../../src/eval/score.js';

// ---------------------------------------------------------------------------------------------
// RNG

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[this.int(xs.length)] as T;
  }
  /** Index drawn with weight 1/(i+1) (Zipf, s=1): a few busy speakers, a long tail of quiet ones. */
  zipf(n: number): number {
    let total = 0;
    for (let i = 0; i < n; i++) total += 1 / (i + 1);
    let r = this.next() * total;
    for (let i = 0; i < n; i++) {
      r -= 1 / (i + 1);
      if (r <= 0) return i;
    }
    return n - 1;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates (UTC calendar days as ISO strings)

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function weekday(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] as string;
}

/** AP style: "Oct. 1", "March 3". */
function monthDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Days since 1970-01-01 of an ISO date, remembered (a corpus has one date per day it spans). */
const DAY_NUMBERS = new Map<string, number>();
function dayNumber(iso: string): number {
  let n = DAY_NUMBERS.get(iso);
  if (n === undefined) {
    n = Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    DAY_NUMBERS.set(iso, n);
  }
  return n;
}

const ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
];
/**
 * Above this many articles the 16 countries run out of meeting series (at 10,000, 475 of their 480 series hold
 * meetings, up to the twelfth): larger corpora add world.json's 32 moreCountries and let a series reach its
 * twentieth meeting (data/lexicon/ordinals.json's words), with the people spread over 48 countries (the same
 * total as 16 would have). Up to this scale nothing changes: the same random draws, byte-identical corpora.
 */
export const LARGE_SCALE = 10_000;
const MEETINGS_PER_SERIES = 12;
const MEETINGS_PER_SERIES_LARGE = 20;
/** Large corpora: how many places down the busiest officials of each country move every LARGE_SCALE articles. */
const ERA_SHIFT = 29;

// ---------------------------------------------------------------------------------------------
// Types

export interface CorpusArticle {
  id: string;
  file: string;
  outlet: string;
  title: string;
  publishedAt: string;
  url: string;
  text: string;
}

/** One statement the extractor must find in one article. */
export interface ExpectedReport {
  /** Global utterance id: reports of one utterance in several articles share it (one Statement node). */
  utterance: string;
  speaker: string;
  kind: 'DIRECT' | 'INDIRECT';
  /** The quoted or reported words as the article gives them (split quotes joined with " … "). */
  text: string;
  via: string[];
  form: StatementForm;
}

export type StatementForm =
  | 'quote-said'
  | 'said-colon'
  | 'said-that'
  | 'told-outlet'
  | 'according-to'
  | 'quoted-by'
  | 'split'
  | 'pronoun';

export interface ExpectedArticle {
  id: string;
  statements: ExpectedReport[];
  persons: string[];
  /** Every actor the article names or implies, as `KIND:name` (persons by their full formal name). */
  actors: string[];
  meetings: string[];
  incidents: string[];
}

/** The graph the corpus must produce, counted by the generator. */
export interface Expected extends GraphCounts {
  scale: number;
  seed: number;
  bytes: number;
  indirectStatements: number;
  /** Statement forms used, for the calibration report. */
  forms: Record<StatementForm, number>;
  /** The speaker with the most statements (who-said-what for a busy actor). */
  busiest: { name: string; statements: number };
  /** The utterance with the most reports (the statement chain). */
  longestChain: { speaker: string; text: string; reports: number };
  /** The incident reported by the most articles (an incident's claims). */
  biggestIncident: { name: string; reports: number };
  perArticle: ExpectedArticle[];
}

export interface Corpus {
  articles: CorpusArticle[];
  expected: Expected;
}

export interface GenerateOptions {
  scale: number;
  seed?: number;
  /** First publication day. */
  start?: string;
}

interface Country {
  name: string;
  adjective: string;
}

interface Person {
  key: string;
  given: string;
  short?: string;
  surname: string;
  female: boolean;
  country: Country;
  title: string;
  /** Cores (subject|verb|object|topic) this person has said: no two utterances contain each other. */
  cores: Set<string>;
  /** This person's direct quotes so far, oldest first (chains re-report them). */
  quotes: Utterance[];
  /** Word lists of everything this person has said, to keep new utterances clearly different. */
  said: string[][];
}

interface Utterance {
  id: string;
  speaker: Person;
  /** Full quote without final punctuation, and its trimmed form (without the qualifier). */
  quote: string;
  trimmed: string;
  publishedAt: string;
  reports: number;
}

interface Series {
  key: string;
  a: Country;
  b: Country;
  noun: string;
  held: Array<{ ordinal: number; date: string }>;
  /** dayNumber of the last meeting held (the filters below run over every series for every article). */
  lastDay?: number;
  topic: string;
}

interface Incident {
  key: string;
  a: Country;
  b: Country;
  date: string;
  vehicle: readonly string[];
  sea: string;
  reports: number;
  /** Side A's and side B's accounts already written. */
  told: Set<'a' | 'b'>;
}

// ---------------------------------------------------------------------------------------------
// The world

/** Link syllables between head and tail; the second group only for scales above 10,000 (see buildPeople). */
const LINKS = ['er', 'an', 'ov', 'el'];
const MORE_LINKS = ['am', 'ed', 'il', 'un', 'as'];

/**
 * Invented surnames (head + tail syllables, then head + link + tail), unique, never a seed name, in three
 * parts: plain, linked, more linked (enough for 100,000 articles). Returns the whole pool and where each part ends.
 */
function surnameParts(): { pool: string[]; plainEnd: number; linkedEnd: number } {
  const seen = new Set<string>();
  const part = (links: readonly string[] | null) => {
    for (const link of links ?? ['']) {
      for (const h of names.surnameHeads) for (const t of names.surnameTails) seen.add(h + link + t);
    }
    return seen.size;
  };
  const plainEnd = part(null);
  const linkedEnd = part(LINKS);
  part(MORE_LINKS);
  return { pool: [...seen], plainEnd, linkedEnd };
}

export function surnamePool(): string[] {
  return surnameParts().pool;
}

function buildPeople(rng: Rng, scale: number, countries: readonly Country[]): Map<string, Person[]> {
  const people = world.countries.length * (6 + Math.ceil(scale / 120));
  const perCountry = Math.ceil(people / countries.length);
  // Plain head+tail names first; the longer linked ones only when a large scale needs them. The third part is
  // shuffled only when the first two are too few (above ~10,000 articles): smaller corpora draw exactly the
  // random numbers they drew before it existed, so they stay byte-identical.
  const { pool, plainEnd, linkedEnd } = surnameParts();
  const needed = perCountry * countries.length;
  const surnames = [
    ...rng.shuffle(pool.slice(0, plainEnd)),
    ...rng.shuffle(pool.slice(plainEnd, linkedEnd)),
    ...(needed > linkedEnd ? rng.shuffle(pool.slice(linkedEnd)) : []),
  ];
  const givenPool = [
    ...names.female.map((g) => ({ given: g, female: true as boolean, short: undefined as string | undefined })),
    ...names.male.map((g) => ({ given: g, female: false, short: undefined as string | undefined })),
    ...names.nicknamed.map((n) => ({ given: n.formal, female: n.female, short: n.short as string | undefined })),
  ];
  const byCountry = new Map<string, Person[]>();
  let n = 0;
  for (const country of countries) {
    const list: Person[] = [];
    for (let i = 0; i < perCountry; i++) {
      const g = rng.pick(givenPool);
      const surname = surnames[n];
      if (!surname) throw new Error(`scale ${scale} needs more invented surnames than bench/corpus/data/names.json yields`);
      list.push({
        key: `p${String(n).padStart(5, '0')}`,
        given: g.given,
        short: g.short,
        surname,
        female: g.female,
        country,
        title: rng.chance(0.15) ? rng.pick(world.ranks) : rng.pick(world.titles),
        cores: new Set(),
        quotes: [],
        said: [],
      });
      n++;
    }
    byCountry.set(country.name, list);
  }
  return byCountry;
}

// ---------------------------------------------------------------------------------------------
// Text pieces

function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Clause {
  core: string;
  full: string;
  trimmed: string;
}

function wordsOf(s: string): string[] {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
}

/** Share of the shorter word list's words (as a bag) found in the longer one. */
export function wordOverlap(a: string[], b: string[]): number {
  return multisetOverlap(a, b) / Math.max(1, Math.min(a.length, b.length));
}

/** Distinct utterances of one speaker stay below this word overlap (resolution merges at 85%). */
export const MAX_OVERLAP = 0.7;

function candidateClause(rng: Rng, p: Person, topic: string, kind: 'direct' | 'indirect', attempt: number): Clause | undefined {
  const parts = quotes[kind];
  const subject = rng.pick(parts.subjects);
  const verb = rng.pick(parts.verbs);
  const object = rng.pick(quotes.objects);
  const t = attempt < 100 ? topic : rng.pick(world.topics);
  const core = `${subject.toLowerCase()}|${verb}|${object}|${t}`;
  if (p.cores.has(core)) return undefined;
  const trimmed = `${subject} ${verb} ${object} ${t}`;
  return { core, trimmed, full: `${trimmed} ${rng.pick(parts.qualifiers)}` };
}

/** Less than MAX_OVERLAP of the words shared with anything `p` said before (both ways: split quotes are long). */
function fresh(p: Person, words: string[]): boolean {
  return !p.said.some((x) => wordOverlap(words, x) >= MAX_OVERLAP);
}

/**
 * New quotes (direct) or reported clauses (indirect) for `p`, `n` of them said together (2 for a split
 * quote): each with a core p has never used, and each — and all of them together — sharing less than
 * MAX_OVERLAP of their words with anything p said before.
 */
function newClauses(rng: Rng, p: Person, topic: string, kind: 'direct' | 'indirect', n = 1): Clause[] {
  for (let attempt = 0; attempt < 400; attempt++) {
    const list: Clause[] = [];
    for (let k = 0; k < n; k++) {
      const c = candidateClause(rng, p, topic, kind, attempt);
      if (!c || !fresh(p, wordsOf(c.full)) || list.some((x) => x.core === c.core)) break;
      list.push(c);
    }
    if (list.length < n) continue;
    const together = wordsOf(list.map((c) => c.full).join(' '));
    if (n > 1 && (!fresh(p, together) || wordOverlap(wordsOf(list[0]!.full), wordsOf(list[1]!.full)) >= MAX_OVERLAP)) continue;
    for (const c of list) {
      p.cores.add(c.core);
      p.said.push(wordsOf(c.full));
    }
    if (n > 1) p.said.push(together);
    return list;
  }
  throw new Error(`no fresh clause left for ${p.given} ${p.surname}: add words to bench/corpus/data/quotes.json`);
}

function newClause(rng: Rng, p: Person, topic: string, kind: 'direct' | 'indirect'): Clause {
  return newClauses(rng, p, topic, kind, 1)[0]!;
}

// ---------------------------------------------------------------------------------------------
// Generation

const SPAN_DAYS_PER_ARTICLE = 0.125; // 8 articles a day: 10,000 articles cover about 3.4 years

export function generateCorpus(opts: GenerateOptions): Corpus {
  const scale = opts.scale;
  const seed = opts.seed ?? 42;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  const rng = new Rng(seed);
  const start = opts.start ?? '2023-01-02';
  const spanDays = Math.max(45, Math.ceil(scale * SPAN_DAYS_PER_ARTICLE));
  const large = scale > LARGE_SCALE;
  const countries: Country[] = large ? [...world.countries, ...world.moreCountries] : world.countries;
  const maxHeld = large ? MEETINGS_PER_SERIES_LARGE : MEETINGS_PER_SERIES;
  const people = buildPeople(rng, scale, countries);

  const utterances: Utterance[] = [];
  const series: Series[] = [];
  const incidents: Incident[] = [];
  const seenPersons = new Map<string, { person: Person; statements: Set<string> }>();
  const seenOutlets = new Set<string>();
  const seenCountries = new Set<string>();
  const seenGovernments = new Set<string>();
  let claims = 0;
  const seenMeetings = new Set<string>();
  const seenSeries = new Set<string>();
  const forms = {
    'quote-said': 0, 'said-colon': 0, 'said-that': 0, 'told-outlet': 0, 'according-to': 0, 'quoted-by': 0, split: 0, pronoun: 0,
  } satisfies Record<StatementForm, number>;
  let reports = 0;
  let via = 0;
  let direct = 0;
  let indirect = 0;
  let bytes = 0;
  const articles: CorpusArticle[] = [];
  const perArticle: ExpectedArticle[] = [];

  for (let i = 0; i < scale; i++) {
    const publishedAt = addDays(start, Math.floor((i * spanDays) / scale));
    const id = `bench-${String(i).padStart(5, '0')}`;
    const paragraphs: string[] = [];
    const exp: ExpectedArticle = { id, statements: [], persons: [], actors: [], meetings: [], incidents: [] };
    const mentionCountry = (c: Country) => {
      seenCountries.add(c.name);
      addActor(exp, `COUNTRY:${c.name}`);
    };

    // ---- the story: a meeting of a series, or an incident told by one side
    let a: Country;
    let b: Country;
    let topic: string;
    let title: string;
    const recentIncident = incidents.find((x) => x.told.size < 2 && daysBetween(x.date, publishedAt) >= 1 && daysBetween(x.date, publishedAt) <= 3);
    const incidentStory = recentIncident !== undefined ? rng.chance(0.8) : rng.chance(0.22);
    if (incidentStory) {
      let inc = recentIncident;
      if (!inc) {
        inc = newIncident(rng, incidents, countries, publishedAt);
      }
      if (inc) {
        a = inc.a;
        b = inc.b;
        topic = rng.pick(world.topics);
        const side: 'a' | 'b' = inc.told.has('a') ? 'b' : 'a';
        inc.told.add(side);
        inc.reports++;
        exp.incidents.push(inc.key);
        claims += 2;
        paragraphs.push(incidentParagraph(rng, inc, side, publishedAt));
        mentionCountry(a);
        mentionCountry(b);
        title = `${side === 'a' ? a.name : b.name} says ${inc.vehicle[0]} came close to ${side === 'a' ? b.adjective : a.adjective} craft`;
        if (side === 'b') [a, b] = [b, a];
      } else {
        ({ a, b, topic, title } = meetingStory(rng, series, countries, maxHeld, publishedAt, paragraphs, exp, seenMeetings, seenSeries));
        mentionCountry(a);
        mentionCountry(b);
      }
    } else {
      ({ a, b, topic, title } = meetingStory(rng, series, countries, maxHeld, publishedAt, paragraphs, exp, seenMeetings, seenSeries));
      mentionCountry(a);
      mentionCountry(b);
    }

    // ---- the cast: one to three officials of the two sides, busy ones more often
    const cast: Person[] = [];
    const castSize = 1 + rng.int(3);
    for (let k = 0; k < castSize * 3 && cast.length < castSize; k++) {
      const side = (people.get((k % 2 === 0 ? a : b).name) ?? []) as Person[];
      // Large corpora (decades of news) change their busy officials every LARGE_SCALE articles: otherwise the
      // busiest would say so much that no clause stays fresh for them (MAX_OVERLAP).
      const rank = rng.zipf(side.length);
      const p = side[large ? (rank + Math.floor(i / LARGE_SCALE) * ERA_SHIFT) % side.length : rank] as Person;
      // Two people of one gender would make "he"/"she" ambiguous only for the pronoun form, which checks it.
      if (!cast.includes(p)) cast.push(p);
    }

    // ---- statements: 3 to 6, each in one of the attribution forms
    const introduced = new Set<string>();
    const reported = new Set<string>();
    let lastSpeaker: Person | undefined;
    const nStatements = 4 + rng.int(5);
    for (let k = 0; k < nStatements; k++) {
      const p = rng.pick(cast);
      const firstMention = !introduced.has(p.key);
      // Later mentions: the surname alone (the extractor merges it into the full name's actor).
      const full = firstMention ? fullReference(rng, p) : undefined;
      const ref = full ? full.ref : p.surname;
      if (full?.adjective) {
        addActor(exp, `GOVERNMENT:${p.country.adjective} government`);
        seenGovernments.add(p.country.name);
      }
      const statement = writeStatement(rng, {
        p,
        ref,
        firstMention,
        canPronoun: !firstMention && lastSpeaker === p && onlyOneOfGender(cast, p),
        topic,
        publishedAt,
        utterances,
        articleId: id,
        reported,
      });
      introduced.add(p.key);
      lastSpeaker = p;
      paragraphs.push(statement.sentence);
      if (rng.chance(0.5)) paragraphs[paragraphs.length - 1] += ` ${rng.pick(quotes.fillers).replace('{topic}', topic)}`;
      const r = statement.report;
      // An utterance is reported at most once per article (the generator never repeats one inside an article).
      exp.statements.push(r);
      forms[r.form]++;
      reports++;
      via += r.via.length;
      for (const v of r.via) {
        seenOutlets.add(v);
        addActor(exp, `MEDIA_OUTLET:${v}`);
      }
      addActor(exp, `PERSON:${p.given} ${p.surname}`);
      if (r.kind === 'DIRECT') direct++;
      else indirect++;
      const entry = seenPersons.get(p.key) ?? { person: p, statements: new Set<string>() };
      entry.statements.add(r.utterance);
      seenPersons.set(p.key, entry);
      if (!exp.persons.includes(p.key)) exp.persons.push(p.key);
    }
    // Background: two sentences that add words but no facts.
    const background = rng.shuffle([...quotes.fillers]).slice(0, 2).map((f) => f.replace('{topic}', topic));
    paragraphs.splice(1, 0, background.join(' '));

    const text = `${paragraphs.join('\n\n')}\n`;
    bytes += Buffer.byteLength(text, 'utf8');
    const outlet = world.publishers[i % world.publishers.length] as string;
    articles.push({
      id,
      file: `${id}.txt`,
      outlet,
      title,
      publishedAt,
      url: `https://news.example/${id}`,
      text,
    });
    perArticle.push(exp);
  }

  const statementIds = new Set<string>();
  for (const e of perArticle) for (const s of e.statements) statementIds.add(s.utterance);
  const chains = utterances.filter((u) => u.reports > 1).length;
  const busiest = [...seenPersons.values()].sort((x, y) => y.statements.size - x.statements.size || (x.person.key < y.person.key ? -1 : 1))[0];
  const longest = [...utterances].sort((x, y) => y.reports - x.reports || (x.id < y.id ? -1 : 1))[0];
  const biggest = [...incidents].sort((x, y) => y.reports - x.reports || (x.key < y.key ? -1 : 1))[0];
  const actors = {
    PERSON: seenPersons.size,
    MEDIA_OUTLET: seenOutlets.size,
    COUNTRY: seenCountries.size,
    GOVERNMENT: seenGovernments.size,
    total: 0,
  };
  actors.total = actors.PERSON + actors.MEDIA_OUTLET + actors.COUNTRY + actors.GOVERNMENT;
  return {
    articles,
    expected: {
      scale,
      seed,
      articles: articles.length,
      bytes,
      statements: statementIds.size,
      reports,
      chains,
      directStatements: direct,
      indirectStatements: indirect,
      via,
      actors,
      meetings: seenMeetings.size,
      meetingSeries: seenSeries.size,
      incidents: incidents.filter((x) => x.reports > 0).length,
      claims,
      forms,
      busiest: busiest
        ? { name: `${busiest.person.given} ${busiest.person.surname}`, statements: busiest.statements.size }
        : { name: '', statements: 0 },
      longestChain: longest
        ? { speaker: `${longest.speaker.given} ${longest.speaker.surname}`, text: longest.quote, reports: longest.reports }
        : { speaker: '', text: '', reports: 0 },
      biggestIncident: biggest ? { name: biggest.key, reports: biggest.reports } : { name: '', reports: 0 },
      perArticle,
    },
  };
}

function addActor(exp: ExpectedArticle, key: string): void {
  if (!exp.actors.includes(key)) exp.actors.push(key);
}

function onlyOneOfGender(cast: Person[], p: Person): boolean {
  return cast.filter((x) => x.female === p.female).length === 1;
}

/** First mention: a title before the full name, sometimes the country's adjective too, sometimes the short given name. */
function fullReference(rng: Rng, p: Person): { ref: string; adjective: boolean } {
  const given = p.short && rng.chance(0.4) ? p.short : p.given;
  const name = `${given} ${p.surname}`;
  const r = rng.next();
  if (r < 0.45) return { ref: `${p.title} ${name}`, adjective: false };
  // "Norwegian Foreign Minister X": the extractor also adds the Norwegian government (X's affiliation).
  if (r < 0.75) return { ref: `${p.country.adjective} ${p.title} ${name}`, adjective: true };
  return { ref: name, adjective: false };
}

interface StatementInput {
  p: Person;
  ref: string;
  firstMention: boolean;
  canPronoun: boolean;
  topic: string;
  publishedAt: string;
  utterances: Utterance[];
  articleId: string;
  /** Utterances this article already reports: each is reported at most once per article. */
  reported: Set<string>;
}

/** One attribution sentence (or two, for a split quote) and what it must add to the graph. */
function writeStatement(rng: Rng, s: StatementInput): { sentence: string; report: ExpectedReport } {
  const { p, ref } = s;
  const speaker = `${p.given} ${p.surname}`;
  const Ref = sentenceCase(ref);
  // A chain: re-report one of the speaker's earlier quotes from the last month (sometimes trimmed).
  const earlier = p.quotes.filter((u) => daysBetween(u.publishedAt, s.publishedAt) <= 30 && !s.reported.has(u.id));
  if (earlier.length > 0 && rng.chance(0.3)) {
    const u = rng.pick(earlier);
    u.reports++;
    s.reported.add(u.id);
    const words = rng.chance(0.3) ? u.trimmed : u.quote;
    const agency = rng.pick(world.agencies);
    const r = rng.next();
    if (r < 0.4) return report(`“${words},” ${ref} said.`, u.id, speaker, 'DIRECT', words, [], 'quote-said');
    if (r < 0.7) return report(`${Ref} said: “${words}.”`, u.id, speaker, 'DIRECT', words, [], 'said-colon');
    return report(`“${words},” ${ref} said, as quoted by ${agency}.`, u.id, speaker, 'DIRECT', words, [agency], 'quoted-by');
  }

  const forms: StatementForm[] = ['quote-said', 'said-colon', 'said-that', 'told-outlet', 'according-to', 'quoted-by'];
  if (!s.firstMention) forms.push('split');
  if (s.canPronoun) forms.push('pronoun', 'pronoun');
  const form = rng.pick(forms);
  const agency = rng.pick(world.agencies);
  const newUtterance = (q: Clause): Utterance => {
    const u: Utterance = {
      id: `${s.articleId}:${s.utterances.length}`,
      speaker: p,
      quote: q.full,
      trimmed: q.trimmed,
      publishedAt: s.publishedAt,
      reports: 1,
    };
    s.utterances.push(u);
    p.quotes.push(u);
    if (p.quotes.length > 64) p.quotes.shift(); // only the last month's can be re-reported anyway
    s.reported.add(u.id);
    return u;
  };
  const dateWords = rng.chance(0.25) ? ` on ${weekday(addDays(s.publishedAt, -1 - rng.int(3)))}` : '';
  switch (form) {
    case 'quote-said': {
      const q = newClause(rng, p, s.topic, 'direct');
      const u = newUtterance(q);
      return report(`“${q.full},” ${ref} said${dateWords}.`, u.id, speaker, 'DIRECT', q.full, [], form);
    }
    case 'said-colon': {
      const q = newClause(rng, p, s.topic, 'direct');
      const u = newUtterance(q);
      return report(`${Ref} said${dateWords}: “${q.full}.”`, u.id, speaker, 'DIRECT', q.full, [], form);
    }
    case 'quoted-by': {
      const q = newClause(rng, p, s.topic, 'direct');
      const u = newUtterance(q);
      return report(`“${q.full},” ${ref} said, as quoted by ${agency}.`, u.id, speaker, 'DIRECT', q.full, [agency], form);
    }
    case 'said-that': {
      const q = newClause(rng, p, s.topic, 'indirect');
      return report(`${Ref} said${dateWords} that ${q.full}.`, `${s.articleId}:i${rng.next()}`, speaker, 'INDIRECT', q.full, [], form);
    }
    case 'told-outlet': {
      const q = newClause(rng, p, s.topic, 'indirect');
      return report(`${Ref} told ${agency} that ${q.full}.`, `${s.articleId}:i${rng.next()}`, speaker, 'INDIRECT', q.full, [agency], form);
    }
    case 'according-to': {
      const q = newClause(rng, p, s.topic, 'direct');
      const u = newUtterance(q);
      return report(`“${q.full},” ${ref} said, according to ${agency}.`, u.id, speaker, 'DIRECT', q.full, [agency], form);
    }
    case 'split': {
      const [q1, q2] = newClauses(rng, p, s.topic, 'direct', 2) as [Clause, Clause];
      const words = `${q1.full} … ${q2.full}`;
      // Split quotes are never re-reported: a later report of one half would be the same utterance.
      return report(`“${q1.full},” ${ref} said. “${q2.full}.”`, `${s.articleId}:s${rng.next()}`, speaker, 'DIRECT', words, [], form);
    }
    case 'pronoun': {
      const q = newClause(rng, p, s.topic, 'direct');
      const u = newUtterance(q);
      return report(`“${q.full},” ${p.female ? 'she' : 'he'} said.`, u.id, speaker, 'DIRECT', q.full, [], form);
    }
  }
}

function report(
  sentence: string,
  utterance: string,
  speaker: string,
  kind: 'DIRECT' | 'INDIRECT',
  text: string,
  via: string[],
  form: StatementForm,
): { sentence: string; report: ExpectedReport } {
  return { sentence, report: { utterance, speaker, kind, text, via, form } };
}

/** The series by key (a key is unique: `<a>|<b>|<noun>` with a < b), kept beside the list. */
const SERIES_INDEX = new WeakMap<Series[], Map<string, Series>>();
function seriesByKey(series: Series[]): Map<string, Series> {
  let m = SERIES_INDEX.get(series);
  if (!m) {
    m = new Map(series.map((s) => [s.key, s]));
    SERIES_INDEX.set(series, m);
  }
  return m;
}

/** A meeting lead: a new meeting of a (new or running) series, or another report of a recent one. */
function meetingStory(
  rng: Rng,
  series: Series[],
  countries: Country[],
  /** Meetings a series may hold (ordinals up to this one). */
  maxHeld: number,
  publishedAt: string,
  paragraphs: string[],
  exp: ExpectedArticle,
  seenMeetings: Set<string>,
  seenSeries: Set<string>,
): { a: Country; b: Country; topic: string; title: string } {
  // Meetings held in the last 6 days can be named by weekday ("on Tuesday").
  const today = dayNumber(publishedAt);
  const recent = series.filter((s) => s.lastDay !== undefined && today - s.lastDay >= 1 && today - s.lastDay <= 6);
  const write = (s: Series, m: { ordinal: number; date: string }) =>
    writeMeeting(rng, s, m, paragraphs, exp, seenMeetings, seenSeries);
  if (recent.length > 0 && rng.chance(0.35)) {
    const s = rng.pick(recent);
    return write(s, s.held[s.held.length - 1] as { ordinal: number; date: string });
  }
  // A new meeting, at least a week after the series' last one.
  const date = addDays(publishedAt, -1 - rng.int(4));
  const day = dayNumber(date);
  const canMeet = (x: Series) => x.lastDay === undefined || (day - x.lastDay >= 7 && x.held.length < maxHeld);
  const running = series.filter((x) => x.held.length > 0 && canMeet(x));
  let s: Series | undefined = running.length > 0 && rng.chance(0.75) ? rng.pick(running) : undefined;
  for (let attempt = 0; !s && attempt < 50; attempt++) {
    const a = rng.pick(countries);
    const b = rng.pick(countries);
    if (a === b) continue;
    const [x, y] = a.name < b.name ? [a, b] : [b, a];
    const noun = rng.pick(world.meetingNouns);
    const existing = seriesByKey(series).get(`${x.name}|${y.name}|${noun}`);
    if (existing && canMeet(existing)) s = existing;
    else if (!existing) {
      s = { key: `${x.name}|${y.name}|${noun}`, a: x, b: y, noun, held: [], topic: rng.pick(world.topics) };
      series.push(s);
      seriesByKey(series).set(s.key, s);
    }
  }
  if (!s) throw new Error('no series can meet: add countries or meeting nouns to bench/corpus/data/world.json');
  const meeting = { ordinal: s.held.length + 1, date };
  s.held.push(meeting);
  s.lastDay = day;
  return write(s, meeting);
}

function writeMeeting(
  rng: Rng,
  s: Series,
  meeting: { ordinal: number; date: string },
  paragraphs: string[],
  exp: ExpectedArticle,
  seenMeetings: Set<string>,
  seenSeries: Set<string>,
): { a: Country; b: Country; topic: string; title: string } {
  const [a, b] = rng.chance(0.5) ? [s.a, s.b] : [s.b, s.a];
  const ord = ORDINALS[meeting.ordinal - 1] as string;
  const day = weekday(meeting.date);
  const verb = rng.pick(['held', 'concluded', 'wrapped up']);
  let lead = `${a.name} and ${b.name} ${verb} their ${ord} ${s.noun} on ${s.topic} on ${day}.`;
  const key = (o: number) => `${s.key}|${o}`;
  exp.meetings.push(key(meeting.ordinal));
  seenMeetings.add(key(meeting.ordinal));
  seenSeries.add(s.key);
  // Sometimes the previous meeting of the series, with its calendar date (consecutive ordinals: nothing implied).
  const prev = s.held.find((h) => h.ordinal === meeting.ordinal - 1);
  if (prev && rng.chance(0.4)) {
    lead += ` Their ${ORDINALS[prev.ordinal - 1]} ${s.noun} took place on ${monthDay(prev.date)}.`;
    exp.meetings.push(key(prev.ordinal));
    seenMeetings.add(key(prev.ordinal));
  }
  paragraphs.push(lead);
  return { a, b, topic: s.topic, title: `${a.name} and ${b.name} hold ${ord} ${s.noun} on ${s.topic}` };
}

/** A new incident between two countries with no other incident of either within a week (so none merge). */
function newIncident(rng: Rng, incidents: Incident[], countries: Country[], publishedAt: string): Incident | undefined {
  const date = addDays(publishedAt, -1);
  const day = dayNumber(date);
  for (let attempt = 0; attempt < 20; attempt++) {
    const a = rng.pick(countries);
    const b = rng.pick(countries);
    if (a === b) continue;
    // Incidents are pushed in date order (a day before the article, articles in date order): only the last
    // ones can be within 8 days, so the scan stops at the first older one.
    let clash = false;
    for (let j = incidents.length - 1; j >= 0 && !clash; j--) {
      const x = incidents[j]!;
      if (day - dayNumber(x.date) > 8) break;
      clash = Math.abs(day - dayNumber(x.date)) <= 8 && (x.a === a || x.b === a || x.a === b || x.b === b);
    }
    if (clash) continue;
    const inc: Incident = {
      key: `incident:${a.name}|${b.name}|${date}`,
      a,
      b,
      date,
      vehicle: rng.pick(world.vehicles),
      sea: rng.pick(world.seas),
      reports: 0,
      told: new Set(),
    };
    incidents.push(inc);
    return inc;
  }
  return undefined;
}

/** One side's account: side A gives miles and the real day, side B kilometres and the next day. */
function incidentParagraph(rng: Rng, inc: Incident, side: 'a' | 'b', publishedAt: string): string {
  const [own, other] = side === 'a' ? [inc.a, inc.b] : [inc.b, inc.a];
  const day = side === 'a' ? inc.date : addDays(inc.date, 1) < publishedAt ? addDays(inc.date, 1) : inc.date;
  const distance =
    side === 'a'
      ? rng.pick(['2 miles', '3 miles', '5 miles', '10 to 20 miles', 'approximately two miles'])
      : rng.pick(['2 or 3 kilometers', '4 kilometers', '6 kilometers (3.7 miles)', '8 to 10 kilometers']);
  const [generic, specific] = inc.vehicle as [string, string];
  return (
    `On ${weekday(day)}, ${own.adjective} and ${other.adjective} ${specific} came within ${distance} of each other over ${inc.sea}. ` +
    `The ${generic} did not exchange radio calls.`
  );
}

// ---------------------------------------------------------------------------------------------
// Counts of any subset of the corpus

/** The graph counts `articles` alone must produce (the bench uses it when some articles fail to load). */
export interface GraphCounts {
  articles: number;
  /** Distinct utterances = Statement nodes. */
  statements: number;
  directStatements: number;
  /** (statement, article) pairs = REPORTED_IN relationships. */
  reports: number;
  /** Statements reported by more than one article. */
  chains: number;
  /** VIA relationships: one per (statement, article, intermediary). */
  via: number;
  actors: { PERSON: number; MEDIA_OUTLET: number; COUNTRY: number; GOVERNMENT: number; total: number };
  meetings: number;
  meetingSeries: number;
  incidents: number;
  /** Claims: each incident report states a date and a distance (claim ids include the article). */
  claims: number;
}

export function countsOf(articles: readonly ExpectedArticle[]): GraphCounts {
  const reportsOf = new Map<string, number>();
  const direct = new Set<string>();
  const kinds = { PERSON: new Set<string>(), MEDIA_OUTLET: new Set<string>(), COUNTRY: new Set<string>(), GOVERNMENT: new Set<string>() };
  const meetings = new Set<string>();
  const incidents = new Set<string>();
  let reports = 0;
  let via = 0;
  let claims = 0;
  for (const a of articles) {
    for (const s of a.statements) {
      reportsOf.set(s.utterance, (reportsOf.get(s.utterance) ?? 0) + 1);
      if (s.kind === 'DIRECT') direct.add(s.utterance);
      reports++;
      via += s.via.length;
    }
    for (const k of a.actors) {
      const kind = k.slice(0, k.indexOf(':')) as keyof typeof kinds;
      kinds[kind]?.add(k);
    }
    for (const m of a.meetings) meetings.add(m);
    for (const i of a.incidents) incidents.add(i);
    claims += 2 * a.incidents.length;
  }
  const actors = {
    PERSON: kinds.PERSON.size,
    MEDIA_OUTLET: kinds.MEDIA_OUTLET.size,
    COUNTRY: kinds.COUNTRY.size,
    GOVERNMENT: kinds.GOVERNMENT.size,
    total: 0,
  };
  actors.total = actors.PERSON + actors.MEDIA_OUTLET + actors.COUNTRY + actors.GOVERNMENT;
  return {
    articles: articles.length,
    statements: reportsOf.size,
    directStatements: direct.size,
    reports,
    chains: [...reportsOf.values()].filter((n) => n > 1).length,
    via,
    actors,
    meetings: meetings.size,
    // A meeting key is `<series key>|<ordinal>`.
    meetingSeries: new Set([...meetings].map((m) => m.slice(0, m.lastIndexOf('|')))).size,
    incidents: incidents.size,
    claims,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

export function writeCorpus(corpus: Corpus, dir: string): void {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  for (const a of corpus.articles) writeFileSync(path.join(dir, 'articles', a.file), a.text);
  const manifest = corpus.articles.map(({ text: _text, ...m }) => m);
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(dir, 'expected.json'), `${JSON.stringify(corpus.expected, null, 2)}\n`);
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const scale = Number(argValue(args, '--scale') ?? '100');
  const seed = Number(argValue(args, '--seed') ?? '42');
  const out = argValue(args, '--out') ?? path.join('bench', 'corpus', 'out', String(scale));
  const corpus = generateCorpus({ scale, seed });
  writeCorpus(corpus, out);
  const { perArticle: _p, ...summary } = corpus.expected;
  console.log(JSON.stringify(summary, null, 2));
  console.log(`wrote ${corpus.articles.length} articles to ${out}`);
}
