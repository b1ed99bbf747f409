/**
 * Reads attribution annotation in BRAT standoff (the format of PolNeAR, ../shared/polnear/README.md):
 *
 *   T1	Source 89 106	The New York Post
 *   T2	Cue 107 114	reports
 *   T3	Content 115 290;300 320	that … (a discontinuous span: "start end;start end")
 *   E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
 *
 * Each E line is one attribution; its roles Source, Cue and Content (and Content2, Content3 …, a content
 * in several pieces) point at T lines. Any role may be missing. A, R, M, N, * and # lines (attributes,
 * relations, notes) are skipped; T lines of other types (Discard, Discuss) are read but belong to no
 * attribution. Offsets are BRAT's: Unicode code points into the .txt, end-exclusive; they are converted
 * here to UTF-16 offsets (JavaScript's String#slice), the same as every Span in src/domain/types.ts.
 *
 * A T line whose span crosses a line break carries the break in its text, so its text continues on the
 * next line(s) of the .ann; such continuation lines are accepted as long as the text stays within the
 * span's length. Anything else that is not a BRAT line is an error naming the file, the line and the fix.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A span set: `[start, end]` pairs, UTF-16 offsets into the article text, end-exclusive, in file order. */
export type Spans = Array<[number, number]>;

export interface AnnotatedPart {
  /** The words annotated; pieces of a discontinuous span joined by one space (as BRAT writes them). */
  text: string;
  spans: Spans;
}

export interface Attribution {
  /** The E line's id ("E3"). */
  id: string;
  /** 1-based line of the E line in its file. */
  line: number;
  /** The E line's trigger type: "Attribution", or "Attribution-no-source" in PolNeAR. */
  type: string;
  source?: AnnotatedPart;
  cue?: AnnotatedPart;
  /** Content, Content2 … merged in role order. */
  content?: AnnotatedPart;
}

export class BratError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    problem: string,
    fix: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${problem} — ${fix}`);
    this.name = 'BratError';
  }
}

interface TextBound {
  id: string;
  type: string;
  /** Code-point offsets as written in the file. */
  spans: Spans;
  text: string;
  line: number;
}

const T_LINE = /^(T\d+)\t(\S+) ([^\t]*)\t(.*)$/;
const E_LINE = /^(E\d+)\t(.*)$/;
/** Lines the measure has no use for: attributes, relations, equivalences, normalisations, notes. */
const SKIPPED_LINE = /^(?:[ARMN]\d+|#\d*|\*)\t/;
const SPAN = /^(\d+) (\d+)$/;
const CONTENT_ROLE = /^Content(\d*)$/;

/** Length of a T line's text as BRAT writes it: the pieces plus one separator between pieces. */
function expectedLength(t: TextBound): number {
  return t.spans.reduce((n, [a, b]) => n + (b - a), 0) + t.spans.length - 1;
}

/** Maps code-point offsets to UTF-16 offsets (identity unless the text has characters outside the BMP). */
function codePointMapper(text: string | undefined): (cp: number) => number {
  if (text === undefined || !/[\uD800-\uDFFF]/.test(text)) return (cp) => cp;
  const units: number[] = [];
  let u = 0;
  for (const ch of text) {
    units.push(u);
    u += ch.length;
  }
  units.push(u);
  return (cp) => units[cp] ?? cp - units.length + 1 + u;
}

const codePoints = (s: string) => [...s].length;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Parses one .ann file. `text` (the article) is optional: with it, every span is checked against the
 * text and the parts' text is read from it; without it, offsets stay code points and the .ann's text is used.
 */
export function parseAnn(content: string, file: string, text?: string): Attribution[] {
  const lines = content.split(/\r?\n/);
  const bounds = new Map<string, TextBound>();
  const events: Array<{ id: string; line: number; type: string; roles: Array<{ role: string; ref: string }> }> = [];
  let open: TextBound | null = null;

  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    if (open && !/^[A-Z#*]\w*\t/.test(raw) && codePoints(open.text) + 1 + codePoints(raw) <= expectedLength(open)) {
      open.text += `\n${raw}`;
      continue;
    }
    open = null;
    if (raw.trim() === '' || SKIPPED_LINE.test(raw)) continue;
    let m = T_LINE.exec(raw);
    if (m) {
      const [, id = '', type = '', spanText = '', bodyText = ''] = m;
      const spans: Spans = spanText.split(';').map((piece) => {
        const s = SPAN.exec(piece.trim());
        if (!s) throw new BratError(file, n, `${id} has a malformed span "${spanText}"`, 'write offsets as "start end", or "start end;start end" for a discontinuous span');
        const a = Number(s[1]);
        const b = Number(s[2]);
        if (b < a) throw new BratError(file, n, `${id} span "${piece.trim()}" ends before it starts`, 'swap the offsets (end is exclusive and ≥ start)');
        return [a, b];
      });
      if (bounds.has(id)) throw new BratError(file, n, `${id} is defined twice`, 'give each T line its own id');
      const t: TextBound = { id, type, spans, text: bodyText, line: n };
      bounds.set(id, t);
      open = t;
      continue;
    }
    m = E_LINE.exec(raw);
    if (m) {
      const [, id = '', body = ''] = m;
      const args = body.trim().split(/\s+/).filter(Boolean);
      const roles = args.map((arg) => {
        const r = /^([^:\s]+):([TE]\d+)$/.exec(arg);
        if (!r) throw new BratError(file, n, `${id} has a malformed argument "${arg}"`, 'write each argument as Role:Tn (e.g. "Source:T1"), separated by spaces');
        return { role: r[1]!, ref: r[2]! };
      });
      const trigger = roles.shift();
      if (!trigger) throw new BratError(file, n, `${id} has no arguments`, 'an E line starts with its trigger, e.g. "Attribution:T4", then its roles');
      events.push({ id, line: n, type: trigger.role, roles });
      continue;
    }
    if (/^T\d+\t/.test(raw)) {
      throw new BratError(file, n, `malformed T line "${raw.slice(0, 60)}"`, 'a T line is "Tn<TAB>Type start end<TAB>text"');
    }
    throw new BratError(
      file,
      n,
      `unrecognised line "${raw.slice(0, 60)}"`,
      'each BRAT standoff line starts with an id (T1, E1, A1, R1, #1) and a tab; a span text that contains a line break continues on the next line only up to the span\'s length',
    );
  }

  const toUnits = codePointMapper(text);
  const part = (t: TextBound): AnnotatedPart => {
    const spans: Spans = t.spans.map(([a, b]) => [toUnits(a), toUnits(b)]);
    if (text === undefined) return { text: t.text, spans };
    for (const [, b] of spans) {
      if (b > text.length) {
        throw new BratError(file, t.line, `${t.id} span ends at ${b}, past the end of the text (${text.length})`, 'check that the .ann belongs to this .txt');
      }
    }
    const fromText = spans.map(([a, b]) => text.slice(a, b)).join(' ');
    if (squash(fromText) !== squash(t.text)) {
      throw new BratError(
        file,
        t.line,
        `${t.id}'s offsets do not match the text: the .ann says "${squash(t.text).slice(0, 50)}", the .txt has "${squash(fromText).slice(0, 50)}"`,
        'use the .txt the annotation was made on (same bytes: no added BOM, same line endings)',
      );
    }
    return { text: fromText, spans };
  };

  return events.map((e) => {
    const a: Attribution = { id: e.id, line: e.line, type: e.type };
    const contents: Array<{ order: number; t: TextBound }> = [];
    for (const { role, ref } of e.roles) {
      const t = bounds.get(ref);
      if (!t) throw new BratError(file, e.line, `${e.id} refers to ${ref}, which the file does not define`, `add the T line for ${ref} or remove the argument`);
      const c = CONTENT_ROLE.exec(role);
      if (c) contents.push({ order: c[1] ? Number(c[1]) : 1, t });
      else if (role === 'Source') a.source = part(t);
      else if (role === 'Cue') a.cue = part(t);
    }
    if (contents.length > 0) {
      const parts = contents.sort((x, y) => x.order - y.order).map((c) => part(c.t));
      a.content = { text: parts.map((p) => p.text).join(' '), spans: parts.flatMap((p) => p.spans) };
    }
    return a;
  });
}

export interface CorpusArticle {
  /** The text file's name without `.txt`. */
  id: string;
  text: string;
  /** ISO date (YYYY-MM-DD) from metadata.tsv, else from the file name, else undefined. */
  publishedAt?: string;
  /** The .ann file read (the first in sorted order when several annotators annotated the article). */
  annotationFile: string;
  /** Other annotators' files for the same article, not used. */
  otherAnnotationFiles: string[];
  attributions: Attribution[];
}

export interface Corpus {
  dir: string;
  articles: CorpusArticle[];
  /** Texts without any .ann (not scored) and other things worth saying. */
  warnings: string[];
  /** The metadata.tsv used for dates, if any. */
  metadataFile?: string;
}

/** `publisher_YYYY-MM-DD_slug` → YYYY-MM-DD. */
export function dateFromFileName(id: string): string | undefined {
  const m = /(?:^|_)(\d{4}-\d{2}-\d{2})(?:_|$)/.exec(id);
  return m?.[1];
}

/** metadata.tsv (PolNeAR: compartment, filename, …, publication_date, …) → file name → date. */
export function readMetadataDates(file: string): Map<string, string> {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const nameCol = header.indexOf('filename');
  const dateCol = header.indexOf('publication_date');
  if (nameCol < 0 || dateCol < 0) {
    throw new BratError(file, 1, 'metadata header lacks a "filename" or "publication_date" column', 'give metadata.tsv a tab-separated header with both columns, or remove it to date articles from their file names');
  }
  const dates = new Map<string, string>();
  lines.slice(1).forEach((line, i) => {
    const cols = line.split('\t');
    const name = cols[nameCol]?.replace(/\.txt$/, '');
    const date = cols[dateCol]?.trim();
    if (!name || !date) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new BratError(file, i + 2, `publication_date "${date}" is not YYYY-MM-DD`, 'write dates as ISO calendar dates');
    }
    dates.set(name, date);
  });
  return dates;
}

/**
 * Reads `<dir>/text/*.txt` and `<dir>/attributions/<article>_<annotator>.ann`. Dates come from a
 * metadata.tsv in `dir` or its parent when there is one, else from the file names.
 */
export function readCorpus(dir: string, opts: { metadataFile?: string } = {}): Corpus {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  for (const d of [textDir, annDir]) {
    if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) {
      throw new BratError(d, null, 'no such directory', `a corpus directory holds text/<article>.txt and attributions/<article>_<annotator>.ann`);
    }
  }
  const metadataFile = opts.metadataFile ?? [path.join(dir, 'metadata.tsv'), path.join(dir, '..', 'metadata.tsv')].find((f) => fs.existsSync(f));
  const dates = metadataFile ? readMetadataDates(metadataFile) : new Map<string, string>();

  const annsByArticle = new Map<string, string[]>();
  for (const name of fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()) {
    const m = /^(.+)_[^_]+\.ann$/.exec(name);
    if (!m) {
      throw new BratError(path.join(annDir, name), null, 'the file name has no annotator part', 'name annotation files <article>_<annotator>.ann');
    }
    const list = annsByArticle.get(m[1]!) ?? [];
    list.push(name);
    annsByArticle.set(m[1]!, list);
  }

  const warnings: string[] = [];
  const articles: CorpusArticle[] = [];
  const texts = new Set(fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)));
  for (const id of [...annsByArticle.keys()]) {
    if (!texts.has(id)) {
      throw new BratError(path.join(annDir, annsByArticle.get(id)![0]!), null, `no text ${id}.txt for this annotation`, `put the article's text in ${textDir}`);
    }
  }
  for (const id of [...texts].sort()) {
    const anns = annsByArticle.get(id);
    if (!anns) {
      warnings.push(`${id}.txt has no annotation in ${annDir}: not scored`);
      continue;
    }
    const text = fs.readFileSync(path.join(textDir, `${id}.txt`), 'utf8');
    const annotationFile = path.join(annDir, anns[0]!);
    articles.push({
      id,
      text,
      publishedAt: dates.get(id) ?? dateFromFileName(id),
      annotationFile,
      otherAnnotationFiles: anns.slice(1).map((f) => path.join(annDir, f)),
      attributions: parseAnn(fs.readFileSync(annotationFile, 'utf8'), annotationFile, text),
    });
  }
  return { dir, articles, warnings, ...(metadataFile ? { metadataFile } : {}) };
}
