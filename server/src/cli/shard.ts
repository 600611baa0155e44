import * as path from 'node:path';

/**
 * `--shard i/n`: a deterministic split of the files across CI jobs. A file belongs to shard
 * `hash(path relative to the working directory) mod n`, so the split depends on nothing but the
 * path (not on the order, the number of files or the machine), and the shards of one run add up
 * to exactly the full run.
 */

export interface Shard {
  /** 1-based, as people count CI jobs. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(value: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!match) return `--shard takes i/n (e.g. 2/4), not "${value}".`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${value}: i must be from 1 to n.`;
  return { index, count };
}

/** FNV-1a (32 bits) of the UTF-8 bytes: tiny, stable across Node versions and platforms. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The path a shard is decided by: relative to the working directory, with forward slashes on every platform. */
export function shardKey(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, path.resolve(file)).split(path.sep).join('/');
}

export function inShard(file: string, shard: Shard | undefined): boolean {
  return !shard || stableHash(shardKey(file)) % shard.count === shard.index - 1;
}
