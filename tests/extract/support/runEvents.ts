/**
 * Runs the lexical event extractors alone on a short text, with a stub actor index and hand-made statements.
 * The parse is empty, so the parse-driven pass (events/parsed.ts, tested with the engine) adds nothing here.
 */
import { extractEvents } from '../../../src/extract/events.js';
import { splitSentences } from '../../../src/extract/text.js';
import { Syntax } from '../../../src/extract/syntax.js';
import type { ExtractedStatement, Span } from '../../../src/domain/types.js';
import { stubActorIndex, type StubActor } from './stubActorIndex.js';

export function runEvents(text: string, publishedAt: string, actors: StubActor[] = [], statements: ExtractedStatement[] = []) {
  const doc = { text, publishedAt, sentences: splitSentences(text) };
  const index = stubActorIndex(text, actors);
  const noParse = new Syntax({ engine: { name: 'none', version: '', model: '', modelVersion: '' }, sha256: '', sentences: [], tokens: [], entities: [] });
  const result = extractEvents(doc, index, statements, noParse);
  return { ...result, index, statements };
}

/** A statement covering `covered` (the first occurrence), spoken by the actor with key `speakerKey`. */
export function statementOver(
  text: string,
  key: string,
  speakerKey: string,
  covered: string,
  saidOn: ExtractedStatement['saidOn'] = null,
): ExtractedStatement {
  const start = text.indexOf(covered);
  if (start < 0) throw new Error(`not in text: ${covered}`);
  const span: Span = { start, end: start + covered.length, exact: covered };
  return { key, speakerKey, text: covered, kind: 'INDIRECT', verb: 'say', saidOn, viaKeys: [], span, quoteSpans: [span], aboutKeys: [] };
}

/** Every span of every event and claim points at its exact text. */
export function expectExactSpans(text: string, r: ReturnType<typeof runEvents>): boolean {
  const spans = [
    ...r.events.flatMap((e) => [...e.mentions, ...(e.date?.span ? [e.date.span] : [])]),
    ...r.claims.map((c) => c.span),
  ];
  return spans.every((s) => text.slice(s.start, s.end) === s.exact);
}
