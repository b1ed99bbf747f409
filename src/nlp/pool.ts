/**
 * Several NLP engines behind one client (`chronicle ingest --workers N`): parseMany splits its texts into N
 * contiguous parts and parses them on N engine processes at once, then returns the parses in input order.
 * The engine is single-threaded and is most of the ingest's CPU (docs/performance.md), so this is where more
 * cores pay; a parse depends only on its text, so the result is the same as with one engine.
 */
import type { NlpClient, NlpStats } from './client.js';
import type { Parse } from './types.js';

export interface ParallelNlpClient extends NlpClient {
  /** How many engines parse at once. */
  readonly parallelism: number;
}

export function parallelNlpClient(clients: readonly NlpClient[]): ParallelNlpClient {
  if (clients.length === 0) throw new Error('parallelNlpClient needs at least one client');
  const first = clients[0]!;
  const parseMany = async (texts: readonly string[]): Promise<Parse[]> => {
    if (clients.length === 1 || texts.length <= 1) return first.parseMany(texts);
    const size = Math.ceil(texts.length / clients.length);
    const parts = clients.map((c, k) => texts.slice(k * size, (k + 1) * size));
    const parsed = await Promise.all(parts.map((part, k) => (part.length > 0 ? clients[k]!.parseMany(part) : Promise.resolve([]))));
    return parsed.flat();
  };
  return {
    url: first.url,
    engine: first.engine,
    parallelism: clients.length,
    health: () => first.health(),
    parse: async (text) => (await parseMany([text]))[0]!,
    parseMany,
    stats(): NlpStats {
      const all = clients.map((c) => c.stats());
      const sum = (k: keyof NlpStats) => all.reduce((a, s) => a + (s[k] as number), 0);
      return Object.fromEntries(Object.keys(all[0]!).map((k) => [k, sum(k as keyof NlpStats)])) as unknown as NlpStats;
    },
  };
}
