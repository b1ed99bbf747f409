/**
 * The manifest format (seed/manifest.json, `chronicle ingest --manifest`): a JSON array of entries,
 * one per article file. Entries are checked one by one, so a bad entry fails only its own article.
 */
import { z } from 'zod';
import { IngestError } from './errors.js';
import { isRealIsoDate } from './validate.js';

export const ManifestEntrySchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'use letters, digits, "_", ".", ":" or "-" (the file stem is a good id)'),
  file: z.string().min(1, 'name the article file, relative to the manifest (e.g. "articles/x.txt" or "x.txt")'),
  outlet: z.string().trim().min(1, 'name the publication, e.g. "Reuters"'),
  title: z.string().nullable().default(null),
  publishedAt: z
    .string({ error: 'give the publication date as YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, e.g. 2015-10-14')
    .refine(isRealIsoDate, 'not a real calendar date: check the day and month'),
  url: z.string().url('give a full URL (https://…) or null').nullable().default(null),
  /** Free text on how sure the date is; kept for people, not used by the pipeline. */
  dateConfidence: z.string().optional(),
});

/**
 * An entry for a saved web page (.html/.htm/.xhtml): outlet and date may be left out, the page's own
 * metadata supplies them (src/ingest/formats/html.ts); any field given here overrides the page.
 */
export const HtmlManifestEntrySchema = ManifestEntrySchema.extend({
  outlet: ManifestEntrySchema.shape.outlet.optional(),
  publishedAt: ManifestEntrySchema.shape.publishedAt.optional(),
});

/** A text entry always has outlet and publishedAt; an HTML entry may leave them to the page. */
export type ManifestEntry = z.infer<typeof HtmlManifestEntrySchema>;

const HTML_FILE = /\.x?html?$/i;

export interface ParsedManifest {
  entries: ManifestEntry[];
  /** One error per bad entry, naming the manifest, the entry and the fix. */
  errors: IngestError[];
}

/** Validates a parsed manifest document; throws only when it is not an array at all. */
export function parseManifest(doc: unknown, manifestPath: string): ParsedManifest {
  if (!Array.isArray(doc)) {
    throw new IngestError(
      'BAD_MANIFEST',
      manifestPath,
      'must be a JSON array of {id, file, outlet, title, publishedAt, url} entries — see seed/manifest.json',
    );
  }
  const entries: ManifestEntry[] = [];
  const errors: IngestError[] = [];
  const seenIds = new Set<string>();
  doc.forEach((raw, index) => {
    const label = entryLabel(raw, index);
    const file = (raw as { file?: unknown } | null)?.file;
    const schema = typeof file === 'string' && HTML_FILE.test(file) ? HtmlManifestEntrySchema : ManifestEntrySchema;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || undefined;
      const code = field === 'publishedAt' ? (issue?.code === 'invalid_type' ? 'MISSING_DATE' : 'BAD_DATE') : 'BAD_MANIFEST';
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ');
      errors.push(new IngestError(code, manifestPath, `${label}: ${detail}`, field));
      return;
    }
    if (seenIds.has(parsed.data.id)) {
      errors.push(new IngestError('BAD_MANIFEST', manifestPath, `${label}: id "${parsed.data.id}" appears twice — give each article its own id`, 'id'));
      return;
    }
    seenIds.add(parsed.data.id);
    entries.push(parsed.data);
  });
  return { entries, errors };
}

/** Parses manifest JSON text (see parseManifest). */
export function parseManifestText(text: string, manifestPath: string): ParsedManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new IngestError('BAD_MANIFEST', manifestPath, `is not valid JSON (${(err as Error).message}) — fix the syntax`);
  }
  return parseManifest(doc, manifestPath);
}

function entryLabel(raw: unknown, index: number): string {
  const r = raw as { id?: unknown; file?: unknown } | null;
  const name = typeof r?.file === 'string' ? r.file : typeof r?.id === 'string' ? r.id : null;
  return name ? `entry ${index} (${name})` : `entry ${index}`;
}
