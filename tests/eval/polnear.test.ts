import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import cueData from '../../data/eval/speech-act-cues.json' with { type: 'json' };
import { BratError, dateFromFileName, parseAnn, readCorpus, type Attribution } from '../../src/eval/polnear/brat.js';
import { diagnoseArticle, formatDiagnosis } from '../../src/eval/polnear/diagnose.js';
import { evaluatePolnear, type SystemRunner } from '../../src/eval/polnear/index.js';
import {
  contentMatches,
  isSpeechCue,
  maximumMatching,
  multisetOverlap,
  scoreArticle,
  scorePolnear,
  speakerMatches,
  speakerRule,
  words,
  type SystemStatement,
} from '../../src/eval/polnear/measure.js';
import { extractionRunner, systemStatements } from '../../src/eval/polnear/runner.js';
import type { ExtractedArticle } from '../../src/domain/types.js';

// Every article and annotation below is written for these tests.

/** "start end" of `phrase` in `text` (the n-th occurrence). */
function at(text: string, phrase: string, n = 1): string {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(phrase, i + 1);
  if (i < 0) throw new Error(`"${phrase}" not in text`);
  return `${i} ${i + phrase.length}`;
}

/** One attribution as .ann lines; roles left out when not given. */
function ann(
  text: string,
  n: number,
  parts: { source?: string; cue?: string; content?: string },
): string {
  const lines: string[] = [];
  const roles: string[] = [];
  let t = n * 10;
  const add = (role: string, phrase: string | undefined) => {
    if (phrase === undefined) return;
    t++;
    lines.push(`T${t}\t${role} ${at(text, phrase)}\t${phrase}`);
    roles.push(`${role}:T${t}`);
  };
  add('Source', parts.source);
  add('Cue', parts.cue);
  add('Content', parts.content);
  t++;
  const trigger = parts.cue ?? parts.content ?? '';
  lines.push(`T${t}\tAttribution ${at(text, trigger)}\t${trigger}`);
  lines.push(`E${n}\tAttribution:T${t} ${roles.join(' ')}`);
  return lines.join('\n');
}

const gold = (text: string, ...parts: Array<{ source?: string; cue?: string; content?: string }>): Attribution[] =>
  parseAnn(parts.map((p, i) => ann(text, i + 1, p)).join('\n'), 'test.ann', text);

const stmt = (text: string, ...speakerNames: string[]): SystemStatement => ({ text, speakerNames });

describe('BRAT standoff', () => {
  const text =
    'The harbour will close for repairs, Mayor Ana Ruiz said on Monday, and it will reopen in May.\n' +
    'Council members believe the repairs are overdue.\n';

  it('reads T and E lines, discontinuous spans, Content2, missing roles, and skips A, R and # lines', () => {
    const content1 = 'The harbour will close for repairs';
    const content2 = 'it will reopen in May';
    const a = text.indexOf(content1);
    const b = text.indexOf(content2);
    const file = [
      `T1\tSource ${at(text, 'Mayor Ana Ruiz')}\tMayor Ana Ruiz`,
      `T2\tCue ${at(text, 'said')}\tsaid`,
      `T3\tContent ${a} ${a + content1.length};${b} ${b + content2.length}\t${content1} ${content2}`,
      `T4\tAttribution ${at(text, 'said')}\tsaid`,
      `E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3`,
      `A1\tFactuality E1 Certain`,
      `R1\tCoref Arg1:T1 Arg2:T5`,
      `#1\tAnnotatorNotes T3\tsplit by the attribution`,
      `T5\tContent ${at(text, 'the repairs are overdue')}\tthe repairs are overdue`,
      `T6\tSource ${at(text, 'Council members')}\tCouncil members`,
      `E2\tAttribution-no-source:T7 Content:T5 Content2:T8`,
      `T7\tCue ${at(text, 'believe')}\tbelieve`,
      `T8\tContent ${at(text, 'harbour')}\tharbour`,
      '',
    ].join('\n');
    const [e1, e2] = parseAnn(file, 'x.ann', text);
    expect(e1!.source).toEqual({ text: 'Mayor Ana Ruiz', spans: [[a + 36, a + 50]] });
    expect(e1!.cue?.text).toBe('said');
    expect(e1!.content?.spans).toEqual([
      [a, a + content1.length],
      [b, b + content2.length],
    ]);
    expect(e1!.content?.text).toBe(`${content1} ${content2}`);
    expect(e2).toMatchObject({ id: 'E2', line: 11, type: 'Attribution-no-source', content: { text: 'the repairs are overdue harbour' } });
    expect(e2!.source).toBeUndefined();
    expect(e2!.cue).toBeUndefined();
  });

  it('accepts a span text that runs over a line break, and converts code points to UTF-16 offsets', () => {
    const t = 'Ruiz 🚢 said:\n\n"We will sail."';
    const cp = [...t];
    const start = cp.indexOf('\n');
    const file = `T1\tContent ${start - 5} ${cp.length}\tsaid:\n\n"We will sail."\nT2\tCue 7 11\tsaid\nE1\tAttribution:T2 Cue:T2 Content:T1`;
    const [e] = parseAnn(file, 'x.ann', t);
    expect(e!.cue).toEqual({ text: 'said', spans: [[8, 12]] });
    expect(e!.content?.text).toBe('said:\n\n"We will sail."');
  });

  it('names the file, the line and the fix on malformed input', () => {
    const bad = (content: string, t = text) => {
      try {
        parseAnn(content, 'bad.ann', t);
      } catch (e) {
        expect(e).toBeInstanceOf(BratError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(bad('T1\tSource 4 x\tharbour')).toMatch(/^bad\.ann:1: T1 has a malformed span "4 x" — write offsets as "start end"/);
    expect(bad('T1\tCue 0 3\tThe\nthis is not brat')).toMatch(/^bad\.ann:2: unrecognised line "this is not brat" — each BRAT standoff line starts with an id/);
    expect(bad('T1\tCue 0 3\tThe\n\nE1\tAttribution:T1 Cue:T9')).toMatch(/^bad\.ann:3: E1 refers to T9, which the file does not define/);
    expect(bad('T1\tCue 4 11\tharbor!\nE1\tAttribution:T1 Cue:T1')).toMatch(/^bad\.ann:1: T1's offsets do not match the text/);
    expect(bad('T1\tCue 4 9999\tharbour\nE1\tAttribution:T1 Cue:T1')).toMatch(/^bad\.ann:1: T1 span ends at 9999, past the end of the text/);
    expect(bad('E1\tAttribution:T1 Cue')).toMatch(/^bad\.ann:1: E1 has a malformed argument "Cue"/);
  });
});

describe('reading a corpus directory', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'polnear-test-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const split = path.join(root, 'dev');
  fs.mkdirSync(path.join(split, 'text'), { recursive: true });
  fs.mkdirSync(path.join(split, 'attributions'), { recursive: true });
  const t1 = 'The ferry is late, Captain Ines Moro said.';
  const t2 = 'Nobody said anything about the weather, the clerk said.';
  fs.writeFileSync(path.join(split, 'text', 'gazette_2019-03-04_ferry-late.txt'), t1);
  fs.writeFileSync(path.join(split, 'text', 'courier_2019-05-06_quiet-day.txt'), t2);
  fs.writeFileSync(path.join(split, 'text', 'courier_2019-05-07_unannotated.txt'), 'Not annotated.');
  // Two annotators for the ferry article: "aa11" sorts first and is the one read.
  fs.writeFileSync(path.join(split, 'attributions', 'gazette_2019-03-04_ferry-late_zz99.ann'), ann(t1, 1, { source: 'Captain', cue: 'said', content: 'The ferry' }));
  fs.writeFileSync(
    path.join(split, 'attributions', 'gazette_2019-03-04_ferry-late_aa11.ann'),
    ann(t1, 1, { source: 'Captain Ines Moro', cue: 'said', content: 'The ferry is late' }),
  );
  fs.writeFileSync(path.join(split, 'attributions', 'courier_2019-05-06_quiet-day_bb22.ann'), ann(t2, 1, { source: 'the clerk', cue: 'said', content: 'Nobody said anything about the weather' }));

  it('uses the first annotator in sorted order and dates articles from their file names', () => {
    const c = readCorpus(split);
    expect(c.articles.map((a) => a.id)).toEqual(['courier_2019-05-06_quiet-day', 'gazette_2019-03-04_ferry-late']);
    const ferry = c.articles[1]!;
    expect(path.basename(ferry.annotationFile)).toBe('gazette_2019-03-04_ferry-late_aa11.ann');
    expect(ferry.otherAnnotationFiles.map((f) => path.basename(f))).toEqual(['gazette_2019-03-04_ferry-late_zz99.ann']);
    expect(ferry.attributions[0]!.source?.text).toBe('Captain Ines Moro');
    expect(ferry.publishedAt).toBe('2019-03-04');
    expect(c.warnings).toEqual([expect.stringContaining('courier_2019-05-07_unannotated.txt has no annotation')]);
    expect(dateFromFileName('outlet_2020-01-31_slug')).toBe('2020-01-31');
    expect(dateFromFileName('no-date')).toBeUndefined();
  });

  it("takes dates from a metadata.tsv in the directory's parent", () => {
    fs.writeFileSync(
      path.join(root, 'metadata.tsv'),
      'compartment\tfilename\tpublisher\tpublication_date\ttitle\ndev\tgazette_2019-03-04_ferry-late\tgazette\t2019-03-05\tFerry late\n',
    );
    const c = readCorpus(split);
    expect(c.metadataFile).toBe(path.join(split, '..', 'metadata.tsv'));
    expect(c.articles.find((a) => a.id.startsWith('gazette'))!.publishedAt).toBe('2019-03-05');
    // Not in the metadata: back to the file name.
    expect(c.articles.find((a) => a.id.startsWith('courier'))!.publishedAt).toBe('2019-05-06');
    fs.rmSync(path.join(root, 'metadata.tsv'));
  });

  it('evaluates a runner end to end', async () => {
    const seen: Array<{ id: string; publishedAt?: string }> = [];
    const runner: SystemRunner = async (articles) => {
      seen.push(...articles.map(({ id, publishedAt }) => ({ id, publishedAt })));
      return new Map([
        ['gazette_2019-03-04_ferry-late', [stmt('The ferry is late', 'Ines Moro', 'Captain Moro')]],
        ['courier_2019-05-06_quiet-day', [stmt('Nobody said anything about the weather', 'the clerk'), stmt('a claim nobody made', 'the clerk')]],
      ]);
    };
    const e = await evaluatePolnear(split, runner, { splitName: 'mine' });
    expect(seen).toEqual([
      { id: 'courier_2019-05-06_quiet-day', publishedAt: '2019-05-06' },
      { id: 'gazette_2019-03-04_ferry-late', publishedAt: '2019-03-04' },
    ]);
    expect(e.split).toBe('mine');
    expect(e.score.attributed).toMatchObject({ gold: 2, goldMatched: 2, system: 3, systemMatched: 2, fp: 1, fn: 0, recall: 1 });
    expect(e.score.attributed.precision).toBeCloseTo(2 / 3);
    expect(e.score.attributed.f1).toBeCloseTo(0.8);
  });

  it('reports a missing layout with the fix', () => {
    expect(() => readCorpus(path.join(root, 'nowhere'))).toThrow(/no such directory — a corpus directory holds text\/<article>\.txt and attributions/);
  });
});

describe('words and overlap', () => {
  it('lower-cases, drops quote marks and punctuation, closes up acronyms', () => {
    expect(words('“Don’t,” he said — the U.S. (again)...')).toEqual(['dont', 'he', 'said', 'the', 'us', 'again']);
  });

  it('counts overlap as multiset intersection', () => {
    expect(multisetOverlap(['the', 'the', 'port'], ['the', 'port', 'port'])).toBe(2);
    expect(multisetOverlap(['the', 'the'], ['the', 'the', 'the'])).toBe(2);
  });

  it('matches at exactly half of the shorter side, not below', () => {
    const goldWords = words('alpha beta gamma delta');
    expect(contentMatches(goldWords, words('alpha beta one two three four'))).toBe(true); // 2 of 4
    expect(contentMatches(goldWords, words('alpha one two three four five'))).toBe(false); // 1 of 4
    expect(contentMatches(words('alpha beta gamma'), words('alpha one two three'))).toBe(false); // 1 of 3 < 1.5
    expect(contentMatches(words('alpha beta gamma'), words('alpha beta one two'))).toBe(true); // 2 of 3
    expect(contentMatches([], words('alpha'))).toBe(false);
  });
});

describe('speech-act cues', () => {
  it('counts speech acts by lemma, in any inflection or phrase', () => {
    for (const cue of ['said', 'says', 'told reporters', 'has argued', 'According to', 'wrote', 'is warning', 'denied', 'called for', 'urged', 'confirmed']) {
      expect(isSpeechCue(cue), cue).toBe(true);
    }
    expect(isSpeechCue('noted')).toBe(true);
    expect(isSpeechCue('pointed out')).toBe(true);
    expect(isSpeechCue('said in a statement')).toBe(true);
  });

  it('does not count beliefs, intentions, findings, punctuation or a missing cue', () => {
    for (const cue of ['believes', 'thinks', 'felt', 'wants', 'hoped', 'expects', 'knew', 'polls show', 'found', ':', 'of']) {
      expect(isSpeechCue(cue), cue).toBe(false);
    }
    expect(isSpeechCue(undefined)).toBe(false);
    for (const [lemma, forms] of Object.entries(cueData.forms)) {
      if (!cueData.notSpeechActs.includes(lemma)) continue;
      for (const f of [lemma, ...forms]) expect(isSpeechCue(f), f).toBe(false);
    }
  });

  it('keeps the README list as a set of its own', () => {
    expect(isSpeechCue('noted', 'readme')).toBe(false);
    expect(isSpeechCue('noted', 'extended')).toBe(true);
    expect(isSpeechCue('according to', 'readme')).toBe(true);
    expect(isSpeechCue('has told', 'readme')).toBe(true);
  });

  it('has a lemma table whose forms belong to one lemma only', () => {
    const owner = new Map<string, string>();
    for (const [lemma, forms] of Object.entries(cueData.forms)) {
      for (const f of forms) {
        expect(owner.get(f), `${f} is a form of ${owner.get(f)} and ${lemma}`).toBeUndefined();
        owner.set(f, lemma);
      }
    }
    for (const l of [...cueData.readmeSpeechActs, ...cueData.addedSpeechActs]) expect(cueData.forms, l).toHaveProperty(l);
    for (const l of cueData.notSpeechActs) expect([...cueData.readmeSpeechActs, ...cueData.addedSpeechActs]).not.toContain(l);
  });
});

describe('the speaker rule', () => {
  it('takes the last capitalised word before any comma', () => {
    expect(speakerRule('Sen. John Smith, R-Ohio,')).toEqual({ kind: 'word', word: 'smith', rule: 'capitalised' });
    expect(speakerRule('the Harbor Authority')).toEqual({ kind: 'word', word: 'authority', rule: 'capitalised' });
    expect(speakerRule("Ruiz's deputy")).toEqual({ kind: 'word', word: 'ruiz', rule: 'capitalised' });
    // A party tag in brackets is an aside like ", R-Ohio,".
    expect(speakerRule('Gov. Lena Park (D)')).toEqual({ kind: 'word', word: 'park', rule: 'capitalised' });
    expect(speakerRule('Judge Omar Diaz Jr., a Texan')).toEqual({ kind: 'word', word: 'diaz', rule: 'capitalised' });
  });

  it('falls back to the last word that is not a determiner, preposition or pronoun', () => {
    // A sentence-initial "The" is not a capitalised word.
    expect(speakerRule('The spokesman for the port')).toEqual({ kind: 'word', word: 'port', rule: 'last word' });
    expect(speakerRule('two senior officials')).toEqual({ kind: 'word', word: 'officials', rule: 'last word' });
    expect(speakerRule('Twenty-two officials')).toEqual({ kind: 'word', word: 'officials', rule: 'last word' });
    expect(speakerRule('One of the sailors')).toEqual({ kind: 'word', word: 'sailors', rule: 'last word' });
    expect(speakerRule('the deputy, a former sailor')).toEqual({ kind: 'word', word: 'deputy', rule: 'last word' });
    // Nothing but function words before the comma: the whole source.
    expect(speakerRule('as one of them, the Gazette reporter Ana Ruiz,')).toEqual({ kind: 'word', word: 'ruiz', rule: 'capitalised' });
  });

  it('lets a pronoun, a relative pronoun or a missing source accept any speaker', () => {
    for (const s of ['he', 'She', 'they', 'It', 'who', 'which', 'that', 'his', 'her', 'I', 'we']) {
      expect(speakerRule(s), s).toEqual({ kind: 'any', why: 'pronoun' });
    }
    expect(speakerRule('most of whom')).toEqual({ kind: 'any', why: 'pronoun' });
    expect(speakerRule('Some')).toEqual({ kind: 'any', why: 'pronoun' });
    expect(speakerRule(undefined)).toEqual({ kind: 'any', why: 'no source' });
    expect(speakerRule('—')).toEqual({ kind: 'none' });
    // "U.S." is not the pronoun "us".
    expect(speakerRule('U.S.')).toEqual({ kind: 'word', word: 'us', rule: 'capitalised' });
    expect(speakerRule('he and Ms. Ruiz')).toEqual({ kind: 'word', word: 'ruiz', rule: 'capitalised' });
  });

  it('matches the key word against whole words of the name or an alias, case-insensitively', () => {
    const smith = speakerRule('Sen. John Smith, R-Ohio,');
    expect(speakerMatches(smith, ['John Smith'])).toBe(true);
    expect(speakerMatches(smith, ['Senator J. Smith'])).toBe(true);
    expect(speakerMatches(smith, ['Jonathan Smithers'])).toBe(false);
    expect(speakerMatches(smith, ['the senator', 'SMITH'])).toBe(true);
    expect(speakerMatches(smith, [])).toBe(false);
  });
});

describe('scoring', () => {
  const text =
    'The bridge will reopen in June, Mayor Ana Ruiz said. She added that the tolls will stay. ' +
    'Residents believe the bridge is unsafe for trucks. The council hopes for a quick fix.';
  const reopen = { source: 'Mayor Ana Ruiz', cue: 'said', content: 'The bridge will reopen in June' };
  const tolls = { source: 'She', cue: 'added', content: 'that the tolls will stay' };
  const unsafe = { source: 'Residents', cue: 'believe', content: 'the bridge is unsafe for trucks' };

  it('recalls only speech attributions; precision accepts a match with a belief', () => {
    const s = scoreArticle({
      id: 'a',
      gold: gold(text, reopen, tolls, unsafe),
      system: [stmt('the bridge is unsafe for trucks', 'residents')],
    });
    expect(s.goldAll).toBe(3);
    expect(s.content).toMatchObject({ gold: 2, goldMatched: 0, fn: 2, system: 1, systemMatched: 1, fp: 0, precision: 1, recall: 0 });
    expect(s.attributed).toMatchObject({ gold: 2, goldMatched: 0, systemMatched: 1, precision: 1 });
  });

  it('needs the speaker for attributed, and a pronoun source takes any speaker', () => {
    const s = scoreArticle({
      id: 'a',
      gold: gold(text, reopen, tolls),
      system: [stmt('the bridge will reopen in June', 'the council'), stmt('the tolls will stay', 'Somebody Else')],
    });
    expect(s.content).toMatchObject({ goldMatched: 2, systemMatched: 2 });
    expect(s.attributed).toMatchObject({ goldMatched: 1, systemMatched: 1, fp: 1, fn: 1 });
    expect(s.matching.attributed.systemToGold).toEqual([-1, 1]);
  });

  it('is one-to-one: two attributions, one statement → one true positive', () => {
    const twice = 'Ruiz said the ferry is late. Moro said the ferry is late.';
    const s = scoreArticle({
      id: 'a',
      gold: parseAnn(
        [
          `T1\tSource ${at(twice, 'Ruiz')}\tRuiz`,
          `T2\tCue ${at(twice, 'said')}\tsaid`,
          `T3\tContent ${at(twice, 'the ferry is late')}\tthe ferry is late`,
          `E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3`,
          `T4\tSource ${at(twice, 'Moro')}\tMoro`,
          `T5\tCue ${at(twice, 'said', 2)}\tsaid`,
          `T6\tContent ${at(twice, 'the ferry is late', 2)}\tthe ferry is late`,
          `E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6`,
        ].join('\n'),
        'twice.ann',
        twice,
      ),
      system: [stmt('the ferry is late', 'Moro')],
    });
    expect(s.content).toMatchObject({ gold: 2, goldMatched: 1, fn: 1, system: 1, systemMatched: 1, fp: 0 });
    expect(s.attributed).toMatchObject({ goldMatched: 1, systemMatched: 1 });
    // The attributed matching pairs the statement with Moro's attribution, the only one its speaker fits.
    expect(s.matching.attributed.goldToSystem).toEqual([-1, 0]);
  });

  it('finds a maximum matching where greedy would not', () => {
    // gold 0 fits statements 0 and 1, gold 1 fits statement 0 only: greedy 0→0 leaves gold 1 unmatched.
    expect(maximumMatching([[0, 1], [0]], 2, [0, 1])).toEqual({ goldToSystem: [1, 0], systemToGold: [1, 0] });
  });

  it('gives a statement to a speech attribution before a belief (recall is not lost to precision)', () => {
    const echo = 'Ruiz said the bridge is safe. Residents believe the bridge is safe.';
    const s = scoreArticle({
      id: 'a',
      gold: gold(echo, { source: 'Residents', cue: 'believe', content: 'the bridge is safe' }, { source: 'Ruiz', cue: 'said', content: 'the bridge is safe' }),
      system: [stmt('the bridge is safe', 'Ana Ruiz')],
    });
    expect(s.content).toMatchObject({ gold: 1, goldMatched: 1, systemMatched: 1 });
  });

  it('micro-averages over articles', () => {
    const s = scorePolnear([
      { id: 'a', gold: gold(text, reopen, tolls), system: [stmt('the bridge will reopen in June', 'Ana Ruiz')] },
      { id: 'b', gold: [], system: [stmt('something else entirely', 'X'), stmt('and more', 'Y')] },
    ]);
    expect(s.attributed).toMatchObject({ gold: 2, goldMatched: 1, system: 3, systemMatched: 1 });
    expect(s.attributed.precision).toBeCloseTo(1 / 3);
    expect(s.attributed.recall).toBeCloseTo(1 / 2);
    expect(s.attributed.f1).toBeCloseTo(0.4);
    expect(s.articles.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('scores with the README cue list on request', () => {
    const noted = 'Ruiz noted that fares will rise.';
    const g = gold(noted, { source: 'Ruiz', cue: 'noted', content: 'that fares will rise' });
    expect(scorePolnear([{ id: 'a', gold: g, system: [] }]).content.gold).toBe(1);
    expect(scorePolnear([{ id: 'a', gold: g, system: [] }], { cues: 'readme' }).content.gold).toBe(0);
  });
});

describe('diagnostics', () => {
  const text = 'Fares will rise, Mayor Ana Ruiz said. The harbour master told reporters the pier is closed. Critics think it is a mistake.';
  const g = gold(
    text,
    { source: 'Mayor Ana Ruiz', cue: 'said', content: 'Fares will rise' },
    { source: 'The harbour master', cue: 'told', content: 'the pier is closed' },
    { source: 'Critics', cue: 'think', content: 'it is a mistake' },
  );
  const score = scoreArticle({ id: 'art', gold: g, system: [stmt('Fares will rise', 'Ana Ruiz'), stmt('the pier is closed', 'the port authority'), stmt('boats are cheap', 'Ana Ruiz')] });

  it('lists missed speech attributions and false positives with their nearest counterpart', () => {
    const d = diagnoseArticle(score);
    expect(d.missed).toEqual([
      {
        goldId: 'E2',
        line: 10,
        source: 'The harbour master',
        cue: 'told',
        content: 'the pier is closed',
        speakerRule: 'master (last word)',
        reason: 'speaker',
        statement: { index: 1, speaker: 'the port authority', text: 'the pier is closed' },
      },
    ]);
    expect(d.falsePositives).toEqual([
      { index: 1, speaker: 'the port authority', text: 'the pier is closed', reason: 'speaker', gold: { goldId: 'E2', source: 'The harbour master', cue: 'told' } },
      { index: 2, speaker: 'Ana Ruiz', text: 'boats are cheap', reason: 'no content match' },
    ]);
    // Under content only, the pier statement is found.
    expect(diagnoseArticle(score, 'content').missed).toEqual([]);
  });

  it('prints one line per row', () => {
    const out = formatDiagnosis(diagnoseArticle(score));
    expect(out.split('\n')).toEqual([
      'art (attributed): 1 missed, 2 false positive(s)',
      '  MISS E2 (line 10) [The harbour master] told: "the pier is closed"  speaker master (last word); speaker → #1 [the port authority] "the pier is closed"',
      '  FP   #1 [the port authority] "the pier is closed"; speaker → E2 [The harbour master] told',
      '  FP   #2 [Ana Ruiz] "boats are cheap"; no content match',
    ]);
  });
});

describe('the extraction runner', () => {
  const extracted = (text: string): ExtractedArticle => ({
    article: { id: 'x', text, outlet: '', title: null, publishedAt: '2020-01-01', url: null, sha256: '' },
    actors: [{ key: 'a1', name: 'Ana Ruiz', kind: 'PERSON', aliases: ['Ruiz', 'Mayor Ruiz'], mentions: [] }],
    statements: [
      { key: 's1', speakerKey: 'a1', text: 'fares will rise', kind: 'INDIRECT', verb: 'say', saidOn: null, viaKeys: [], span: { start: 0, end: 1, exact: 'F' }, quoteSpans: [], aboutKeys: [] },
      { key: 's2', speakerKey: 'a9', text: 'unknown speaker', kind: 'INDIRECT', verb: 'say', saidOn: null, viaKeys: [], span: { start: 0, end: 1, exact: 'F' }, quoteSpans: [], aboutKeys: [] },
    ],
    events: [],
    claims: [],
  });

  it("turns statements into text plus the speaker's name and aliases", () => {
    expect(systemStatements(extracted('Fares will rise, Ruiz said.'))).toEqual([
      { text: 'fares will rise', speakerNames: ['Ana Ruiz', 'Ruiz', 'Mayor Ruiz'] },
      { text: 'unknown speaker', speakerNames: [] },
    ]);
  });

  it('gets each parse from the one injected function and passes it to extraction', async () => {
    const parsed: string[] = [];
    const parse = { engine: { name: 'fake', version: '0', model: 'm', modelVersion: '0' }, sha256: '', sentences: [], tokens: [], entities: [] };
    const runner = extractionRunner(
      (input, p) => {
        expect(p).toBe(parse);
        expect(input.publishedAt).toBe('2020-02-02');
        return extracted(input.text);
      },
      async (t) => {
        parsed.push(t);
        return parse;
      },
    );
    const out = await runner([{ id: 'x', text: 'Fares will rise, Ruiz said.', publishedAt: '2020-02-02' }]);
    expect(parsed).toEqual(['Fares will rise, Ruiz said.']);
    expect(out.get('x')).toHaveLength(2);
  });
});
