/**
 * A cache of what was used recently, for values that are costly to make and cheap to keep (parsed
 * pieces of a document, analyses by text). A hit costs one Map lookup, with no reordering as a
 * strict LRU would need on every hit; when the newer generation is full, the older one is dropped
 * whole, so whatever was used since the last turnover survives it.
 */
export class RecentCache<K, V extends object | null> {
  private newer = new Map<K, V>();
  private older = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  has(key: K): boolean {
    return this.newer.has(key) || this.older.has(key);
  }

  /** The value, or undefined when it is not kept (values are objects or null, never undefined, so one lookup tells). */
  get(key: K): V | undefined {
    const value = this.newer.get(key);
    if (value !== undefined) return value;
    const old = this.older.get(key);
    if (old === undefined) return undefined;
    this.older.delete(key);
    this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    this.newer.set(key, value);
    if (this.newer.size >= this.capacity) {
      this.older = this.newer;
      this.newer = new Map();
    }
  }

  delete(key: K): void {
    this.newer.delete(key);
    this.older.delete(key);
  }
}
