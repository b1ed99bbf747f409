/**
 * The timeline page and the timeline exports over HTTP:
 *   GET /timeline                         the page (public/timeline), a reference client of the GraphQL API
 *   GET /timeline/assets/*                its JS and CSS; operations.js holds the page's GraphQL operations
 *   GET /timeline/vendor/*                vis-timeline's standalone build and CSS, from node_modules (no CDN)
 *   GET /export/timeline?format=F         timelinejs | vis | json (default json); &download=1 for a file
 *   GET /export/statements|actors|events|claims?format=csv|jsonl   researchers' tables (docs/formats.md)
 *   GET /export/network?format=graphml    the actor–statement–event network; all take the CLI's filters as
 *                                         query parameters (speaker, about, via, kind, from, to, text), streamed
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { Kind, print, type DocumentNode } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { EXPORT_FORMATS, exportTimeline, type ExportFormat } from '../export/timeline.js';
import { inProcessExecutor, type Execute } from '../export/execute.js';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { contentType, DATA_TABLES, exportData, ExportUsageError, fileName, FILTER_NAMES, parseExportSpec, type DataExportSpec } from '../export/data.js';
import { createRunner } from '../graph/repositories/runner.js';
import * as operations from './generated/operations.js';

export interface TimelineRouterDeps {
  driver: Driver;
  database: string;
  config: Config;
  /** Where the GraphQL endpoint is mounted (the page POSTs there), e.g. "/graphql". */
  graphqlPath: string;
  logger?: Logger;
  /** How exports run their GraphQL operation; defaults to in-process execution against the API's schema. */
  execute?: Execute;
}

const PUBLIC_DIR = fileURLToPath(new URL('../../public/timeline/', import.meta.url));
const ASSET_FILES = new Set(['app.js', 'app.css']);
const VIS_DIR = path.dirname(createRequire(import.meta.url).resolve('vis-timeline/package.json'));
const VENDOR_FILES: Record<string, string> = {
  'vis-timeline-graph2d.min.js': path.join(VIS_DIR, 'standalone/umd/vis-timeline-graph2d.min.js'),
  'vis-timeline-graph2d.min.css': path.join(VIS_DIR, 'styles/vis-timeline-graph2d.min.css'),
};

// Scripts only from here; vis-timeline positions items with inline styles.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** The page's operations as an ES module of strings, printed from the same typed documents TypeScript callers use. */
export function operationsModule(): string {
  const lines = ['// Generated from src/web/operations/*.graphql by src/web/router.ts.'];
  for (const value of Object.values(operations) as unknown[]) {
    const doc = value as DocumentNode;
    if (doc?.kind !== Kind.DOCUMENT) continue;
    for (const def of doc.definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION && def.name) {
        lines.push(`export const ${def.name.value} = ${JSON.stringify(print({ kind: Kind.DOCUMENT, definitions: [def] }))};`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function timelineRouter(deps: TimelineRouterDeps): Router {
  const router = express.Router();
  const production = deps.config.NODE_ENV === 'production';
  const template = readFileSync(path.join(PUBLIC_DIR, 'index.html'), 'utf8');
  const opsModule = operationsModule();
  let executor: Promise<Execute> | undefined;
  const execute: Execute =
    deps.execute ??
    (async (doc, vars) => {
      executor ??= inProcessExecutor({ driver: deps.driver, database: deps.database, config: deps.config, logger: deps.logger });
      return (await executor)(doc, vars);
    });

  const page: express.RequestHandler = (req, res) => {
    const html = template
      .replaceAll('{{base}}', escapeAttr(req.baseUrl))
      .replaceAll('{{graphqlPath}}', escapeAttr(deps.graphqlPath));
    res.set({ 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' }).type('html').send(html);
  };
  router.get('/timeline', page);
  router.get('/timeline/', page);

  router.get('/timeline/assets/operations.js', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('text/javascript').send(opsModule);
  });
  router.get('/timeline/assets/:file', (req, res) => {
    if (!ASSET_FILES.has(req.params.file)) {
      res.status(404).type('text').send('not found');
      return;
    }
    res.sendFile(path.join(PUBLIC_DIR, req.params.file), { maxAge: production ? '1h' : 0 });
  });
  router.get('/timeline/vendor/:file', (req, res) => {
    const file = VENDOR_FILES[req.params.file];
    if (!file) {
      res.status(404).type('text').send('not found');
      return;
    }
    res.sendFile(file, { maxAge: '7d' });
  });

  router.get('/export/timeline', async (req, res) => {
    const raw = typeof req.query.format === 'string' ? req.query.format : 'json';
    if (!(EXPORT_FORMATS as readonly string[]).includes(raw)) {
      res.status(400).json({
        error: { code: 'BAD_USER_INPUT', message: `format must be one of ${EXPORT_FORMATS.join(', ')}`, field: 'format' },
      });
      return;
    }
    const format = raw as ExportFormat;
    try {
      const body = await exportTimeline(deps.driver, deps.database, format, { config: deps.config, logger: deps.logger, execute });
      if (req.query.download === '1') res.attachment(format === 'json' ? 'chronicle-timeline.json' : `chronicle-timeline.${format}.json`);
      res.set('Cache-Control', 'no-store').json(body);
    } catch (err) {
      // Never driver text to a client: log it, answer with a code.
      deps.logger?.error({ err, format }, 'timeline export failed');
      res.status(503).json({ error: { code: 'EXPORT_FAILED', message: 'the timeline could not be exported; try again later' } });
    }
  });

  // Researchers' exports: the same specs, filters and bytes as `chronicle export` (one code path: exportData).
  router.get('/export/:what', async (req, res) => {
    const what = req.params.what;
    if (!(DATA_TABLES as readonly string[]).includes(what) && what !== 'network') {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `no export "${what}": timeline, ${DATA_TABLES.join(', ')} or network` } });
      return;
    }
    const q = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
    let spec: DataExportSpec;
    try {
      const filters = Object.fromEntries(FILTER_NAMES.map((n) => [n, q(n)]));
      spec = parseExportSpec({ ...filters, format: q('format') ?? (what === 'network' ? 'graphml' : 'csv'), what: what === 'network' ? undefined : what });
      if (what === 'network' && spec.format !== 'graphml') throw new ExportUsageError('the network is exported as graphml; tables are /export/statements|actors|events|claims', 'format');
    } catch (err) {
      if (!(err instanceof ExportUsageError)) throw err;
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: err.message, field: err.field } });
      return;
    }
    const run = createRunner(deps.driver, { database: deps.database, timeoutMs: deps.config.QUERY_TIMEOUT_MS });
    const chunks = exportData(run, spec);
    let first: IteratorResult<string>;
    try {
      // The first chunk comes after the first read: a graph that cannot be read gets a clean 503, not a cut-off body.
      first = await chunks.next();
    } catch (err) {
      deps.logger?.error({ err, what, format: spec.format }, 'data export failed');
      res.status(503).json({ error: { code: 'EXPORT_FAILED', message: 'the export could not be read; try again later' } });
      return;
    }
    res.status(200).set({ 'Content-Type': contentType(spec.format), 'Cache-Control': 'no-store' });
    if (req.query.download === '1') res.attachment(fileName(spec));
    async function* rest() {
      if (!first.done) yield first.value;
      yield* chunks;
    }
    try {
      await pipeline(Readable.from(rest()), res);
    } catch (err) {
      // Headers are sent: the client sees a cut-off body. Logged, never sent.
      if (!res.destroyed) res.destroy();
      // A client that hung up is not a failure of ours.
      if ((err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') deps.logger?.debug({ what }, 'client left during a data export');
      else deps.logger?.error({ err, what, format: spec.format }, 'data export failed while streaming');
    }
  });

  return router;
}
