/**
 * Progress on long runs: a live bar when a person is watching (stdout is a TTY), plain lines otherwise
 * so CI logs and pipes stay readable.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** One unit done; `label` says which (an article id). */
  tick(label?: string | null): void;
  stop(): void;
}

export function createProgress(total: number, unit: string, stream: NodeJS.WriteStream = process.stdout): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `{bar} {value}/{total} ${unit} | {label}`, stream, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { label: '' });
    return {
      tick: (label) => bar.increment(1, { label: label ?? '' }),
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  return {
    tick: (label) => {
      done += 1;
      stream.write(`[${done}/${total}] ${unit}${label ? `: ${label}` : ''}\n`);
    },
    stop: () => {},
  };
}

/** Counts shown by a data-file progress bar. */
export interface RecordCounts {
  records: number;
  created: number;
  unchanged: number;
  failed: number;
}

export interface ByteProgress {
  /** `bytes` of the file read so far, with the records done so far. */
  update(bytes: number, counts: RecordCounts): void;
  stop(): void;
}

const mb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} kB`);

/**
 * Progress through a data file of unknown record count (a JSONL, CSV or feed file read as a stream): the
 * bar measures bytes read; the label counts records. Without a terminal, one plain line per update.
 */
export function createByteProgress(totalBytes: number, file: string, stream: NodeJS.WriteStream = process.stdout): ByteProgress {
  const describe = (c: RecordCounts) => `${c.records} records (${c.created} created, ${c.unchanged} unchanged, ${c.failed} failed)`;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `{bar} {percentage}% ${file} | {label}`, stream, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(1, totalBytes), 0, { label: '' });
    return {
      update: (bytes, counts) => bar.update(Math.min(bytes, Math.max(1, totalBytes)), { label: describe(counts) }),
      stop: () => bar.stop(),
    };
  }
  return {
    update: (bytes, counts) => {
      stream.write(`[${mb(Math.min(bytes, totalBytes))}/${mb(totalBytes)}] ${file}: ${describe(counts)}\n`);
    },
    stop: () => {},
  };
}
