/**
 * A cache of what was used recently, for values that are costly to make and cheap to keep (parsed
 * pieces of a document, analyses by text). A hit costs one Map lookup, with no reordering as a
 * strict LRU would need on every hit; when the newer generation is full, the older one is dropped
 * whole, so whatever was used since the last turnover survives it.
 *
 * A generation is full at `capacity` entries or at `maxWeight` of what its entries weigh (by
 * default the characters of text keys): keyed by the text of a statement, every keystroke in a
 * 50 KB statement with a thousand findings would otherwise keep another 2.5 MB, up to `capacity`
 * versions of it (measured: ~1 GB after 400 keystrokes).
 */
export class RecentCache<K, V extends object | null> {
  private newer = new Map<K, V>();
  private older = new Map<K, V>();
  private newerWeight = 0;
  constructor(
    private readonly capacity: number,
    private readonly options: { readonly maxWeight?: number; readonly weigh?: (key: K, value: V) => number } = {},
  ) {}

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
    this.newerWeight += this.options.weigh ? this.options.weigh(key, value) : typeof key === 'string' ? key.length : 0;
    if (this.newer.size >= this.capacity || this.newerWeight >= (this.options.maxWeight ?? DEFAULT_MAX_WEIGHT)) {
      this.older = this.newer;
      this.newer = new Map();
      this.newerWeight = 0;
    }
  }

  delete(key: K): void {
    this.newer.delete(key);
    this.older.delete(key);
  }
}

/** 4 million characters of keys (8 MB) a generation: a 1 MB policy's statements, several times over. */
const DEFAULT_MAX_WEIGHT = 4_000_000;
