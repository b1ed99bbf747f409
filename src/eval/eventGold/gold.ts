/**
 * The event gold of docs/eval-events.md: per article, annotated events with kind, date, series, and every
 * mention as UTF-16 offsets. Only offsets and labels live in the repository; the text is read from a path and
 * every mention is checked against it (a gold file written for other text is refused, naming the article).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const GOLD_KINDS = ['MEETING', 'INCIDENT', 'AGREEMENT', 'CAMPAIGN', 'VOTE'] as const;
export type GoldKind = (typeof GOLD_KINDS)[number];

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO day YYYY-MM-DD');
const goldDate = z
  .object({ start: isoDay, end: isoDay, precision: z.enum(['DAY', 'MONTH', 'INTERVAL']) })
  .refine((d) => d.start <= d.end, 'date start after end');

const goldEvent = z.object({
  ref: z.string().min(1),
  kind: z.enum(GOLD_KINDS),
  label: z.string(),
  date: goldDate.nullable(),
  series: z.string().nullable().optional(),
  ordinal: z.number().int().positive().nullable().optional(),
  participants: z.array(z.string()).default([]),
  mentions: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])).min(1),
});

const goldFile = z.object({
  annotator: z.string(),
  frozenAt: z.string(),
  articles: z.array(z.object({ file: z.string(), publishedAt: isoDay, events: z.array(goldEvent) })),
});

export type GoldEvent = z.infer<typeof goldEvent>;
export interface GoldArticle {
  /** File name without .txt, as the PolNeAR corpus names articles. */
  id: string;
  publishedAt: string;
  text: string;
  events: GoldEvent[];
  annotator: string;
}

export class EventGoldError extends Error {
  override name = 'EventGoldError';
}

/**
 * Every `*.json` of `goldPath` (a folder) or that one file, with each article's text from `textDir` (PolNeAR's
 * `<split>/text`). One file alone lets a batch be held out of tuning and scored on its own.
 */
export function readEventGold(goldPath: string, textDir: string): GoldArticle[] {
  if (!fs.existsSync(goldPath)) throw new EventGoldError(`event gold ${goldPath}: no such file or directory (give --events-gold the folder of the *.json files, or one of them)`);
  const single = fs.statSync(goldPath).isFile();
  const goldDir = single ? path.dirname(goldPath) : goldPath;
  const files = single ? [path.basename(goldPath)] : fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new EventGoldError(`event gold ${goldDir}: no *.json files`);
  const out: GoldArticle[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const file = path.join(goldDir, f);
    const parsed = goldFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new EventGoldError(`event gold ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const a of parsed.data.articles) {
      const id = a.file.replace(/\.txt$/, '');
      if (seen.has(id)) throw new EventGoldError(`event gold ${file}: article ${id} is annotated twice`);
      seen.add(id);
      const textFile = path.join(textDir, `${id}.txt`);
      if (!fs.existsSync(textFile)) throw new EventGoldError(`event gold ${file}: no text for ${id} in ${textDir} (point --polnear at the split the gold annotates)`);
      const text = fs.readFileSync(textFile, 'utf8');
      for (const e of a.events) {
        for (const [s, end] of e.mentions) {
          if (end > text.length || s >= end) throw new EventGoldError(`event gold ${file}: ${id} event ${e.ref} mention [${s}, ${end}) is outside the text (${text.length} chars)`);
        }
      }
      out.push({ id, publishedAt: a.publishedAt, text, events: a.events, annotator: parsed.data.annotator });
    }
  }
  return out;
}
