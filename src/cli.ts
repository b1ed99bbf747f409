/**
 * chronicle — one CLI for the whole job.
 *   start                      local Neo4j if NEO4J_URI is unset → migrations → seed → serve (what `npm start` runs)
 *   seed [dir]                 ingest a folder with manifest.json (default SEED_DIR); idempotent
 *   ingest <files|dir…> [--manifest m.json | --outlet X --published YYYY-MM-DD [--title T] [--url U]]
 *                              also .html pages and data files (.jsonl .json .csv .tsv .rss .atom .xml): docs/formats.md
 *   serve                      migrations → serve the API on HOST:PORT
 *   migrate                    apply constraints and indexes
 *   export --format timelinejs|vis|json [--out file]
 *   export --format csv|jsonl --what statements|actors|events|claims | --format graphml  [filters] [--out file]
 * Exit code 0 on success, 1 with a one-line reason otherwise.
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { connect, type Connection } from './runtime.js';
import { applyMigrations } from './graph/migrations.js';
import { ingestArticles } from './ingest/pipeline.js';
import { readArticleFiles, readSeedFolder } from './ingest/seedFolder.js';
import { createProgress } from './ingest/progress.js';
import { applyCuration, readCurationFile } from './ingest/curation.js';
import type { ArticleInput } from './extract/types.js';

const USAGE = `usage: chronicle <start|seed|ingest|serve|migrate|export> [options]
  start                      run the main job: (local Neo4j) → migrate → seed → serve
  seed [dir]                 load a folder of articles with manifest.json (default: $SEED_DIR)
  ingest <paths…>            load files or folders: --manifest m.json, or --outlet X --published YYYY-MM-DD;
                             .html pages; data files .jsonl/.json/.csv/.tsv/.rss/.atom/.xml (--format F,
                             --preset news-please|plain, --map text=maintext,publishedAt=date_publish,…)
  serve                      serve the GraphQL API, playground and timeline page
  migrate                    apply constraints and indexes
  export --format F          write the timeline as timelinejs | vis | json (--out file, default stdout);
                             data: --format csv|jsonl --what statements|actors|events|claims, or
                             --format graphml (the actor–statement–event network); filters --speaker ID
                             --about ID --via ID --kind K --from YYYY-MM-DD --to YYYY-MM-DD --text WORDS`;

class UsageError extends Error {}

async function ingestAndReport(conn: Connection, config: Config, logger: Logger, inputs: ArticleInput[], failures: string[]) {
  const progress = createProgress(inputs.length, 'articles');
  const results = await ingestArticles(conn.driver, config, inputs, { onProgress: (r) => progress.tick(r.id) });
  progress.stop();
  const summary = { created: 0, unchanged: 0, failed: 0 };
  for (const r of results) {
    summary[r.status] += 1;
    if (r.status === 'failed') logger.error({ article: r.id }, r.error ?? 'failed');
  }
  logger.info(summary, 'ingest finished');
  return results.some((r) => r.status === 'failed') || failures.length > 0;
}

async function seed(conn: Connection, config: Config, logger: Logger, dir: string): Promise<boolean> {
  const { inputs, errors } = readSeedFolder(dir, config);
  for (const e of errors) logger.error(e.message);
  const failed = await ingestAndReport(conn, config, logger, inputs, errors.map((e) => e.message));
  // Curated facts select stored events, so they go in after the articles (docs/graph-model.md, "Curation").
  const curation = readCurationFile(path.join(dir, 'curation.json'));
  if (curation) {
    const result = await applyCuration(conn.driver, conn.settings.database, curation);
    for (const u of result.unmatched) logger.warn({ fact: u.fact.select }, `curated fact not applied: ${u.reason}`);
    logger.info({ applied: result.applied, created: result.created }, 'curation applied');
  }
  return failed;
}

/** Runs until SIGTERM/SIGINT, then closes the server (finishing in-flight requests), the driver and the local Neo4j. */
async function serveUntilSignal(conn: Connection, config: Config, logger: Logger): Promise<void> {
  const { serve } = await import('./api/serve.js');
  const server = await serve({ config, driver: conn.driver, logger, database: conn.settings.database });
  logger.info({ url: server.url }, `Chronicle is serving: GraphQL playground ${server.url}/graphql, timeline ${server.url}/timeline`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void server.close().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      manifest: { type: 'string' },
      outlet: { type: 'string' },
      published: { type: 'string' },
      title: { type: 'string' },
      url: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      // Data files (docs/formats.md): field mapping, presets, batch size.
      map: { type: 'string' },
      preset: { type: 'string' },
      'batch-size': { type: 'string' },
      // Data exports (docs/formats.md): what to export and API-like filters.
      what: { type: 'string' },
      speaker: { type: 'string' },
      about: { type: 'string' },
      via: { type: 'string' },
      kind: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      text: { type: 'string' },
    },
  });
  if (!['start', 'seed', 'ingest', 'serve', 'migrate', 'export'].includes(command)) {
    throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const conn = await connect(config, logger);
  // A signal during seeding or start-up still stops the local Neo4j we started.
  const onEarlySignal = () => void conn.close().then(() => process.exit(130));
  process.once('SIGTERM', onEarlySignal);
  process.once('SIGINT', onEarlySignal);
  try {
    await applyMigrations(conn.driver, conn.settings.database);
    let failed = false;
    switch (command) {
      case 'migrate':
        logger.info('migrations applied');
        break;
      case 'seed':
        failed = await seed(conn, config, logger, positionals[0] ?? config.SEED_DIR);
        break;
      case 'ingest': {
        if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder');
        // Data files (.jsonl, .csv, feeds …) stream in batches; article files (.txt, .html) go as before.
        const { splitIngestPaths, ingestDataFiles } = await import('./ingest/formats/run.js');
        const paths = splitIngestPaths(positionals, values.format);
        if (paths.articles.length > 0) {
          const { inputs, errors } = readArticleFiles(paths.articles, {
            manifest: values.manifest,
            outlet: values.outlet,
            publishedAt: values.published,
            title: values.title,
            url: values.url,
            html: paths.html,
          }, config);
          for (const e of errors) logger.error(e.message);
          failed = await ingestAndReport(conn, config, logger, inputs, errors.map((e) => e.message));
        }
        if (paths.data.length > 0) {
          if (values.manifest) logger.warn('--manifest describes .txt and .html files; data files carry their own fields (--map, --preset)');
          const data = await ingestDataFiles(paths.data, {
            preset: values.preset,
            map: values.map,
            overrides: { outlet: values.outlet, publishedAt: values.published, title: values.title, url: values.url },
            batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
            maxBytes: config.MAX_ARTICLE_BYTES,
          }, { ingest: (inputs) => ingestArticles(conn.driver, config, inputs), logger });
          failed = data.failed || failed;
        }
        break;
      }
      case 'export': {
        const format = values.format ?? 'json';
        const data = await import('./export/data.js');
        if (data.isDataFormat(format)) {
          // Researchers' tables and the network (docs/formats.md), streamed page by page.
          let spec;
          try {
            spec = data.parseExportSpec({ ...values, format });
          } catch (err) {
            throw new UsageError(`--${(err as InstanceType<typeof data.ExportUsageError>).field ?? 'format'}: ${(err as Error).message}`);
          }
          const stats = await data.writeDataExport(conn.driver, conn.settings.database, config, spec, values.out);
          logger.info({ what: spec.what, format: spec.format, bytes: stats.bytes, seconds: Math.round(stats.seconds * 1000) / 1000 }, 'export written');
          break;
        }
        if (values.what !== undefined || data.FILTER_NAMES.some((f) => values[f] !== undefined)) {
          throw new UsageError(`--what and filters apply to --format ${data.DATA_FORMATS.join('|')}; the timeline (${format}) is exported whole`);
        }
        const { exportTimeline, EXPORT_FORMATS } = await import('./export/timeline.js');
        if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
          throw new UsageError(`--format must be one of ${[...EXPORT_FORMATS, ...data.DATA_FORMATS].join(', ')}, not "${format}"`);
        }
        const body = JSON.stringify(await exportTimeline(conn.driver, conn.settings.database, format as (typeof EXPORT_FORMATS)[number]), null, 2);
        if (values.out) writeFileSync(values.out, body + '\n');
        else process.stdout.write(body + '\n');
        break;
      }
      case 'start':
        failed = await seed(conn, config, logger, config.SEED_DIR);
        if (failed) logger.warn('some seed articles failed (see above); serving what was loaded');
        process.removeListener('SIGTERM', onEarlySignal);
        process.removeListener('SIGINT', onEarlySignal);
        await serveUntilSignal(conn, config, logger);
        failed = false;
        break;
      case 'serve':
        process.removeListener('SIGTERM', onEarlySignal);
        process.removeListener('SIGINT', onEarlySignal);
        await serveUntilSignal(conn, config, logger);
        break;
    }
    return failed ? 1 : 0;
  } finally {
    await conn.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    // One line for the reason; usage text is the exception, since it is the fix.
    console.error(`chronicle: ${err instanceof UsageError ? message : message.split('\n')[0]}`);
    process.exit(1);
  },
);
