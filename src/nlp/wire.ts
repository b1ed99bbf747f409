/**
 * The worker's wire format (nlp/worker.py `columns`): one array per field instead of one object per token,
 * about a third of the JSON, and no token or entity text (sliced here from the text that was sent). This is
 * also what the disk cache stores; `expandParse` turns it into the `Parse` extraction reads.
 */
import type { Parse, ParseEngine, ParsedToken } from './types.js';

export interface ParseColumns {
  tokens: {
    start: number[];
    end: number[];
    lemma: string[];
    pos: string[];
    tag: string[];
    dep: string[];
    head: number[];
    ent: string[];
    entIob: string[];
    sent: number[];
    /** 1 when whitespace follows the token. */
    ws: number[];
  };
  sentences: { start: number[]; end: number[]; firstToken: number[]; endToken: number[]; root: number[] };
  entities: { start: number[]; end: number[]; label: string[]; firstToken: number[]; endToken: number[] };
}

export interface ParseResponse {
  engine: ParseEngine;
  parses: ParseColumns[];
}

export class WireFormatError extends Error {
  override name = 'WireFormatError';
}

/** The Parse of `text` from its columns; checks the offsets fit the text (a parse of other text must not pass). */
export function expandParse(text: string, sha256: string, engine: ParseEngine, c: ParseColumns): Parse {
  const t = c.tokens;
  const last = t.start.length - 1;
  if (last >= 0 && (t.end[last] ?? Infinity) > text.length) {
    throw new WireFormatError(`parse offsets run past the text (${t.end[last]} > ${text.length}): it is not this text's parse`);
  }
  const tokens: ParsedToken[] = t.start.map((start, i) => {
    const end = t.end[i]!;
    const iob = t.entIob[i];
    return {
      i,
      start,
      end,
      text: text.slice(start, end),
      lemma: t.lemma[i]!,
      pos: t.pos[i]!,
      tag: t.tag[i]!,
      dep: t.dep[i]!,
      head: t.head[i]!,
      ent: t.ent[i]!,
      entIob: iob === 'B' || iob === 'I' ? iob : '',
      sent: t.sent[i]!,
      ws: t.ws[i] === 1,
    };
  });
  const s = c.sentences;
  const sentences = s.start.map((start, i) => ({
    start,
    end: s.end[i]!,
    firstToken: s.firstToken[i]!,
    endToken: s.endToken[i]!,
    root: s.root[i]!,
  }));
  const e = c.entities;
  const entities = e.start.map((start, i) => ({
    start,
    end: e.end[i]!,
    label: e.label[i]!,
    firstToken: e.firstToken[i]!,
    endToken: e.endToken[i]!,
    text: text.slice(start, e.end[i]!),
  }));
  return { engine, sha256, sentences, tokens, entities };
}
