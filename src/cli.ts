/**
 * chronicle — one CLI for the whole job.
 *   start                      local Neo4j if NEO4J_URI is unset → migrations → seed → serve (what `npm start` runs)
 *   seed [dir]                 ingest a folder with manifest.json (default SEED_DIR); idempotent
 *   ingest <files|dir…> [--manifest m.json | --outlet X --published YYYY-MM-DD [--title T] [--url U]] [--workers N]
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
import { Lifecycle, exitOnSignals } from './lifecycle.js';
import { nlpRuntime, type NlpRuntime } from './nlp/index.js';
import { applyMigrations } from './graph/migrations.js';
import { ingestArticles } from './ingest/pipeline.js';
import { readArticleFiles, readSeedFolder } from './ingest/seedFolder.js';
import { createProgress } from './ingest/progress.js';
import { applyCuration, readCurationFile } from './ingest/curation.js';
import type { ArticleInput } from './domain/types.js';

const USAGE = `usage: chronicle <start|seed|ingest|serve|migrate|export> [options]
  start                      run the main job: (local Neo4j) → migrate → seed → serve
  seed [dir]                 load a folder of articles with manifest.json (default: $SEED_DIR)
  ingest <paths…>            load files or folders: --manifest m.json, or --outlet X --published YYYY-MM-DD;
                             .html pages; data files .jsonl/.json/.csv/.tsv/.rss/.atom/.xml (--format F,
                             --preset news-please|plain, --map text=maintext,publishedAt=date_publish,…);
                             --workers N: N NLP engines parse at once (one ordered writer: the same graph as 1)
  serve                      serve the GraphQL API, playground and timeline page
  migrate                    apply constraints and indexes
  export --format F          write the timeline as timelinejs | vis | json (--out file, default stdout);
                             data: --format csv|jsonl --what statements|actors|events|claims, or
                             --format graphml (the actor–statement–event network); filters --speaker ID
                             --about ID --via ID --kind K --from YYYY-MM-DD --to YYYY-MM-DD --text WORDS`;

class UsageError extends Error {}

/** What a command works with: the graph and the NLP engine (started on first use). */
interface Services {
  conn: Connection;
  nlp: NlpRuntime;
}

async function ingestAndReport({ conn, nlp }: Services, config: Config, logger: Logger, inputs: ArticleInput[], failures: string[]) {
  const progress = createProgress(inputs.length, 'articles');
  const results = await ingestArticles(conn.driver, nlp, config, inputs, {
    onProgress: (r) => progress.tick(r.id),
    stopAfterUnavailable: config.INGEST_MAX_DB_FAILURES,
    logger,
  });
  progress.stop();
  // Files that could not be read count as failed too: "failed: 0" after unreadable files would be a lie.
  const summary = { created: 0, unchanged: 0, failed: failures.length, unreadable: failures.length };
  let notAttempted = 0;
  for (const r of results) {
    summary[r.status] += 1;
    if (r.code === 'NOT_ATTEMPTED') notAttempted += 1;
    else if (r.status === 'failed') logger.error({ article: r.id }, r.error ?? 'failed');
  }
  logger.info({ ...summary, notAttempted }, 'ingest finished');
  if (notAttempted > 0) {
    // A stopped ingest is a failed command: nothing after it (curation, serving) can work without Neo4j.
    throw new Error(
      `ingest stopped: ${config.INGEST_MAX_DB_FAILURES} articles in a row could not reach Neo4j at ${conn.settings.uri}; ` +
        `${notAttempted} more were not attempted and nothing of them was stored — bring Neo4j back and run the same command again (stored articles are skipped)`,
    );
  }
  return results.some((r) => r.status === 'failed') || failures.length > 0;
}

async function seed(services: Services, config: Config, logger: Logger, dir: string): Promise<boolean> {
  const { conn } = services;
  const { inputs, errors } = readSeedFolder(dir, config);
  for (const e of errors) logger.error(e.message);
  const failed = await ingestAndReport(services, config, logger, inputs, errors.map((e) => e.message));
  // Curated facts select stored events, so they go in after the articles (docs/graph-model.md, "Curation").
  const curation = readCurationFile(path.join(dir, 'curation.json'));
  if (curation) {
    const result = await applyCuration(conn.driver, conn.settings.database, curation);
    for (const u of result.unmatched) logger.warn({ fact: u.fact.select }, `curated fact not applied: ${u.reason}`);
    logger.info({ applied: result.applied, created: result.created }, 'curation applied');
  }
  return failed;
}

/** In-flight requests get this long to finish on shutdown, inside the lifecycle's overall deadline. */
const SERVER_CLOSE_GRACE_MS = 2_000;

/**
 * Serves until SIGTERM/SIGINT, whose handler (exitOnSignals) closes the server (finishing in-flight requests),
 * then the NLP worker, the driver and the local Neo4j. The engine starts with the first ingestArticle mutation.
 */
async function serveUntilSignal({ conn, nlp }: Services, config: Config, logger: Logger, lifecycle: Lifecycle): Promise<never> {
  const { serve } = await import('./api/serve.js');
  const server = await serve({ config, driver: conn.driver, logger, database: conn.settings.database, nlp });
  lifecycle.add('api server', () => server.close(SERVER_CLOSE_GRACE_MS));
  logger.info({ url: server.url }, `Chronicle is serving: GraphQL playground ${server.url}/graphql, timeline ${server.url}/timeline`);
  return new Promise<never>(() => {});
}

/** Everything this command starts; module-wide so the exit path below knows whether a signal is ending us. */
const lifecycle = new Lifecycle();

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
      // Ingest: NLP engines parsing at once (docs/performance.md, "Many ingest workers").
      workers: { type: 'string' },
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
  lifecycle.logger = logger;
  // Installed before anything starts: a signal while Neo4j or the NLP worker boots stops them too. Ending a
  // server with a signal is its normal end (exit 0); any other command was interrupted (128 + signal).
  let serving = false;
  exitOnSignals(lifecycle, logger, (signal) => (serving ? 0 : signal === 'SIGINT' ? 130 : 143));
  const workers = values.workers === undefined ? 1 : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers must be a whole number from 1 to 64, got "${values.workers}"`);
  const nlp = nlpRuntime(config, logger, { signal: lifecycle.signal, engines: workers });
  lifecycle.add('nlp engine', () => nlp.close());
  // Commands that ingest start the engine beside Neo4j (in parallel; a missing venv fails here, not midway);
  // `serve` starts it with the first ingestArticle mutation, so a read-only server never runs it.
  const engineReady = ['start', 'seed', 'ingest'].includes(command) ? nlp.client() : undefined;
  engineReady?.catch(() => {}); // awaited below; an early failure must not surface as an unhandled rejection
  const conn = await connect(config, logger, { signal: lifecycle.signal }).catch(async (err: unknown) => {
    await lifecycle.stopAll();
    throw err;
  });
  lifecycle.add('neo4j', () => conn.close());
  await engineReady?.catch(async (err: unknown) => {
    await lifecycle.stopAll();
    throw err;
  });
  const services: Services = { conn, nlp };
  try {
    await applyMigrations(conn.driver, conn.settings.database);
    let failed = false;
    switch (command) {
      case 'migrate':
        logger.info('migrations applied');
        break;
      case 'seed':
        failed = await seed(services, config, logger, positionals[0] ?? config.SEED_DIR);
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
          failed = await ingestAndReport(services, config, logger, inputs, errors.map((e) => e.message));
        }
        if (paths.data.length > 0) {
          if (values.manifest) logger.warn('--manifest describes .txt and .html files; data files carry their own fields (--map, --preset)');
          const data = await ingestDataFiles(paths.data, {
            preset: values.preset,
            map: values.map,
            overrides: { outlet: values.outlet, publishedAt: values.published, title: values.title, url: values.url },
            batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
            maxBytes: config.MAX_ARTICLE_BYTES,
          }, { ingest: (inputs) => ingestArticles(services.conn.driver, services.nlp, config, inputs, { stopAfterUnavailable: config.INGEST_MAX_DB_FAILURES, logger }), logger });
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
        failed = await seed(services, config, logger, config.SEED_DIR);
        if (failed) logger.warn('some seed articles failed (see above); serving what was loaded');
        serving = true;
        return await serveUntilSignal(services, config, logger, lifecycle);
      case 'serve':
        serving = true;
        return await serveUntilSignal(services, config, logger, lifecycle);
    }
    return failed ? 1 : 0;
  } finally {
    await lifecycle.stopAll();
  }
}

// Work cut short by SIGTERM/SIGINT ends (or fails) here too; then the signal handler sets the exit code.
run(process.argv.slice(2)).then(
  (code) => {
    if (!lifecycle.interruptedBy) process.exit(code);
  },
  (err: unknown) => {
    if (lifecycle.interruptedBy) return;
    const message = err instanceof Error ? err.message : String(err);
    // One line for the reason; usage text is the exception, since it is the fix.
    console.error(`chronicle: ${err instanceof UsageError ? message : message.split('\n')[0]}`);
    process.exit(1);
  },
);
