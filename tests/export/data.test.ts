/** The data exports' pure parts: RFC 4180 fields that csv-parse reads back exactly, and the export spec checks. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, parseExportSpec, xmlEscape, ExportUsageError, type Cell } from '../../src/export/data.js';

describe('CSV fields', () => {
  it('round-trips quotes, commas, CR/LF inside fields, unicode, lists, numbers, booleans and nulls', () => {
    const rows: Cell[][] = [
      ['plain', 'with, comma', 'say ""hi""', 'line one\nline two', 'crlf\r\ninside', 'Zürich – “quoted” ✓', ['a', 'b|c'], 42, true, null, []],
      ['', ' padded ', '"', ',', '\n', 'x', ['single'], 0, false, null, ['']],
    ];
    const text = rows.map(csvRow).join('');
    const back = parse(text, { relax_column_count: false }) as string[][];
    expect(back).toEqual(
      rows.map((r) => r.map((c) => (c === null ? '' : Array.isArray(c) ? c.join('|') : String(c)))),
    );
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('quotes text always and leaves numbers, booleans and missing values bare', () => {
    expect(csvField('x')).toBe('"x"');
    expect(csvField(3)).toBe('3');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField([])).toBe('');
    expect(csvField(['a', 'b'])).toBe('"a|b"');
  });

  it('escapes XML and drops characters XML 1.0 cannot hold', () => {
    expect(xmlEscape('a < b & "c" > d\u0001')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });
});

describe('export spec', () => {
  it('defaults to statements as CSV and GraphML to the network', () => {
    expect(parseExportSpec({})).toEqual({ format: 'csv', what: 'statements', filter: {} });
    expect(parseExportSpec({ format: 'graphml', speaker: 'actor:x' })).toEqual({ format: 'graphml', what: 'network', filter: { speaker: 'actor:x' } });
    expect(parseExportSpec({ format: 'jsonl', what: 'events', kind: 'meeting,incident', from: '2015-10-01' })).toEqual({
      format: 'jsonl',
      what: 'events',
      filter: { kind: 'MEETING,INCIDENT', from: '2015-10-01' },
    });
  });

  it('refuses what it cannot answer, naming the option', () => {
    const fails = (raw: Parameters<typeof parseExportSpec>[0], field: string, message: RegExp) => {
      try {
        parseExportSpec(raw);
        throw new Error('no error');
      } catch (err) {
        expect(err).toBeInstanceOf(ExportUsageError);
        expect((err as ExportUsageError).field).toBe(field);
        expect((err as Error).message).toMatch(message);
      }
    };
    fails({ format: 'xlsx' }, 'format', /csv, jsonl, graphml/);
    fails({ what: 'articles' }, 'what', /statements, actors, events, claims/);
    fails({ format: 'graphml', what: 'actors' }, 'what', /network/);
    fails({ what: 'actors', speaker: 'x' }, 'speaker', /takes kind, text/);
    fails({ from: '2015-02-30' }, 'from', /YYYY-MM-DD/);
    fails({ kind: 'QUOTE' }, 'kind', /DIRECT, INDIRECT/);
    fails({ what: 'actors', kind: 'PERSON,GROUP' }, 'kind', /one of/);
  });
});
