/**
 * A minimal per-request batcher (the DataLoader idea, without the dependency): every `load` made while
 * GraphQL resolves one level of a response is collected and answered by one batch call, so a page of
 * 100 statements asking for `speaker.statements` or `reports` costs one query per field, not 100.
 * Results are cached for the request, so the same key is fetched once.
 */
export type BatchFn<K, V> = (keys: readonly K[]) => Promise<Map<string, V>>;

export class Batcher<K, V> {
  private queue: Array<{ key: K; id: string }> = [];
  private readonly cache = new Map<string, Promise<V>>();
  private readonly waiting = new Map<string, { resolve: (v: V) => void; reject: (e: unknown) => void }>();

  constructor(
    private readonly batch: BatchFn<K, V>,
    private readonly idOf: (key: K) => string,
    private readonly missing: () => V,
  ) {}

  load(key: K): Promise<V> {
    const id = this.idOf(key);
    const cached = this.cache.get(id);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.cache.set(id, promise);
    if (this.queue.length === 0) schedule(() => void this.dispatch());
    this.queue.push({ key, id });
    return promise;
  }

  /**
   * Stores a value fetched by another query (a parent that also returned this field's data), so a later
   * `load` of the key costs no round trip. A key already loaded or primed keeps its value.
   */
  prime(key: K, value: V): void {
    const id = this.idOf(key);
    if (!this.cache.has(id)) this.cache.set(id, Promise.resolve(value));
  }

  private async dispatch(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const waiting = queue.map((q) => [q.id, this.waiting.get(q.id)] as const);
    for (const q of queue) this.waiting.delete(q.id);
    try {
      const results = await this.batch(queue.map((q) => q.key));
      for (const [id, w] of waiting) w?.resolve(results.has(id) ? (results.get(id) as V) : this.missing());
    } catch (err) {
      // Failed keys are not cached, so a later field may retry them.
      for (const [id, w] of waiting) {
        this.cache.delete(id);
        w?.reject(err);
      }
    }
  }
}

/**
 * Runs after the current promise jobs settle, like DataLoader: graphql-js calls all sibling resolvers of a
 * list synchronously or in resolved-promise jobs, so they all enqueue before the batch is sent.
 */
function schedule(fn: () => void): void {
  void Promise.resolve().then(() => process.nextTick(fn));
}

/** Batcher over string ids whose batch function returns lists per id (the repository shape). */
export function listBatcher<V>(fn: (ids: readonly string[]) => Promise<Map<string, V[]>>): Batcher<string, V[]> {
  return new Batcher<string, V[]>(fn, (id) => id, () => []);
}

/** Batcher over string ids answering one value or null per id. */
export function oneBatcher<V>(fn: (ids: readonly string[]) => Promise<Map<string, V[]>>): Batcher<string, V | null> {
  return new Batcher<string, V | null>(
    async (ids) => new Map([...(await fn(ids)).entries()].map(([k, v]) => [k, v[0] ?? null])),
    (id) => id,
    () => null,
  );
}
