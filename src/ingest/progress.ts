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
