/**
 * Calibration: extracts every generated article (no Neo4j) and compares what the extractor found with
 * what the generator says each article holds — per statement form — so the generator only uses forms the
 * extractor handles exactly. `node --import tsx bench/calibrate.ts [--scale 100] [--seed 42] [--show 5]`.
 */
import { extractArticle } from '../src/extract/index.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { nlpRuntime } from '../src/nlp/index.js';
import { generateCorpus } from './corpus/generate.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

// The extractor reads the NLP engine's parses: NLP_URL's engine, else the local worker (stopped at the end).
const config = loadConfig();
const nlp = nlpRuntime(config, createLogger(config.LOG_LEVEL));
const corpus = generateCorpus({ scale: Number(arg('--scale', '100')), seed: Number(arg('--seed', '42')) });
const show = Number(arg('--show', '5'));
const byForm = new Map<string, { expected: number; found: number }>();
let extra = 0;
let actorMismatch = 0;
let eventMismatch = 0;
let claimsTotal = 0;
const claimKinds = new Map<string, number>();
const eventLog: string[] = [];
let shown = 0;
const kinds = new Map<string, number>();
for (const [i, article] of corpus.articles.entries()) {
  const exp = corpus.expected.perArticle[i]!;
  const { text, ...meta } = article;
  const x = extractArticle({ id: meta.id, text, outlet: meta.outlet, title: meta.title, publishedAt: meta.publishedAt, url: meta.url }, (await nlp.parseMany([text]))[0]!);
  const actorName = new Map(x.actors.map((a) => [a.key, a]));
  for (const a of x.actors) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  const got = x.actors.map((a) => `${a.kind}:${a.name}`).sort();
  const want = [...exp.actors].sort();
  const actorProblems = [
    ...want.filter((k) => !got.some((g) => g === k || (k.startsWith('PERSON:') && g.startsWith('PERSON:') && g.endsWith(k.split(' ').at(-1)!)))).map((k) => `MISSING ACTOR ${k}`),
    ...got.filter((g) => !want.some((k) => g === k || (k.startsWith('PERSON:') && g.startsWith('PERSON:') && g.endsWith(k.split(' ').at(-1)!)))).map((g) => `EXTRA ACTOR ${g}`),
  ];
  actorMismatch += actorProblems.length;
  const found = x.statements.map((s) => ({
    speaker: actorName.get(s.speakerKey)?.name ?? '?',
    text: norm(s.text),
    kind: s.kind,
    via: s.viaKeys.map((k) => actorName.get(k)?.name ?? '?'),
    used: false,
  }));
  const meetings = x.events.filter((e) => e.kind === 'MEETING');
  const incidents = x.events.filter((e) => e.kind === 'INCIDENT');
  const others = x.events.filter((e) => e.kind !== 'MEETING' && e.kind !== 'INCIDENT');
  const eventProblems: string[] = [];
  if (meetings.length !== exp.meetings.length) eventProblems.push(`MEETINGS ${meetings.length} != ${exp.meetings.length}: ${meetings.map((e) => `${e.name}#${e.series?.ordinal}@${e.date?.start}`).join('; ')}`);
  if (incidents.length !== exp.incidents.length) eventProblems.push(`INCIDENTS ${incidents.length} != ${exp.incidents.length}`);
  if (others.length > 0) eventProblems.push(`OTHER EVENTS ${others.map((e) => `${e.kind}:${e.name}`).join('; ')}`);
  for (const e of meetings) eventLog.push(`${e.name}|${e.series?.name}|${e.series?.ordinal}|${e.date?.start}|${e.date?.precision}`);
  claimsTotal += x.claims.length;
  for (const c of x.claims) claimKinds.set(`${c.attribute}`, (claimKinds.get(c.attribute) ?? 0) + 1);
  if (exp.incidents.length > 0 && x.claims.length !== 2) eventProblems.push(`CLAIMS ${x.claims.map((c) => `${c.attribute}=${c.value}→${c.normalized}`).join('; ')}`);
  eventMismatch += eventProblems.length;
  const problems: string[] = [...actorProblems, ...eventProblems];
  for (const e of exp.statements) {
    const f = byForm.get(e.form) ?? { expected: 0, found: 0 };
    f.expected++;
    const hit = found.find((s) => !s.used && s.text === norm(e.text) && s.speaker.endsWith(e.speaker.split(' ').at(-1)!) && s.kind === e.kind);
    if (hit && hit.via.length === e.via.length) {
      hit.used = true;
      f.found++;
    } else {
      problems.push(`MISSING ${e.form} ${e.kind} [${e.speaker}] via=${e.via.join(',')} "${e.text}"${hit ? ` (found via=${hit.via.join(',')})` : ''}`);
    }
    byForm.set(e.form, f);
  }
  for (const s of found.filter((s) => !s.used)) {
    extra++;
    problems.push(`EXTRA ${s.kind} [${s.speaker}] via=${s.via.join(',')} "${s.text}"`);
  }
  if (problems.length > 0 && shown < show) {
    shown++;
    console.log(`--- ${article.id} (${article.publishedAt})\n${text}\n${problems.join('\n')}\n`);
    console.log('actors:', x.actors.map((a) => `${a.kind}:${a.name}[${a.aliases.join('|')}]`).join('; '));
  }
}
console.log('form            expected  found  recall');
for (const [form, f] of [...byForm.entries()].sort()) {
  console.log(`${form.padEnd(16)}${String(f.expected).padStart(8)}${String(f.found).padStart(7)}  ${(f.found / f.expected).toFixed(3)}`);
}
console.log(`extra statements: ${extra}; actor mismatches: ${actorMismatch}`);
console.log(`event mismatches: ${eventMismatch}; claims: ${claimsTotal}`, Object.fromEntries(claimKinds));
console.log('sample meetings:', eventLog.slice(0, 6));
console.log('actors by kind (per-article sums):', Object.fromEntries(kinds));
await nlp.close();
