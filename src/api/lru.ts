/**
 * A least-recently-used map bounded by a total size (entries count 1 each unless a `sizeOf` is given):
 * a Map keeps insertion order, so a hit is a delete + set and eviction takes the first key.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, { value: V; size: number }>();
  private total = 0;

  constructor(
    readonly maxSize: number,
    private readonly sizeOf: (value: V, key: K) => number = () => 1,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** Total size of what is held (bytes for the response cache). */
  get weight(): number {
    return this.total;
  }

  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /** Stores the value unless it alone is larger than the whole cache; evicts the least recently used. */
  set(key: K, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value, key);
    if (size > this.maxSize) return;
    this.map.set(key, { value, size });
    this.total += size;
    while (this.total > this.maxSize) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    const e = this.map.get(key);
    if (!e) return false;
    this.map.delete(key);
    this.total -= e.size;
    return true;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}
