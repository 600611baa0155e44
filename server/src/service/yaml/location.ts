import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq, keyName, pairsOf, resolved, type YamlModel } from './model';

/** Where an offset falls in a YAML document: the path of keys to it (`[]` for list items), on a key or in a value. */
export interface YamlLocation {
  readonly path: readonly string[];
  readonly onKey: boolean;
  readonly pair?: Pair;
  readonly node?: Node;
}

const contains = (node: { range?: [number, number, number] | null } | null | undefined, offset: number) =>
  !!node?.range && offset >= node.range[0] && offset <= node.range[1];

export function locateYaml(model: YamlModel, offset: number): YamlLocation | undefined {
  let node: unknown = model.doc.contents;
  const path: string[] = [];
  let lastPair: Pair | undefined;
  for (let depth = 0; depth < 64; depth++) {
    node = resolved(model, node);
    if (isMap(node)) {
      const pair = pairsOf(node).find((p) => contains(p.key as Node, offset) || contains(p.value as Node, offset));
      if (!pair) return path.length > 0 ? { path, onKey: false, pair: lastPair, node: node as Node } : undefined;
      const name = keyName(pair) ?? '';
      if (contains(pair.key as Node, offset)) return { path: [...path, name], onKey: true, pair, node: pair.key as Node };
      path.push(name);
      lastPair = pair;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items.find((i) => contains(i as Node, offset));
      if (!item) return { path, onKey: false, pair: lastPair, node: node as Node };
      path.push('[]');
      node = item;
    } else if (isScalar(node)) {
      return { path, onKey: false, pair: lastPair, node: node as Node };
    } else return undefined;
  }
  return undefined;
}

/**
 * The path of keys that encloses a line, read from the text itself (indentation and `key:`
 * lines above): it works on half-typed documents that the parser cannot place yet.
 */
export function enclosingPathFromText(text: string, offset: number): { path: string[]; indent: number; typed: string; afterColon: boolean; key?: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const linePrefix = text.slice(lineStart, offset);
  const dash = /^(\s*)-\s+/.exec(linePrefix);
  const indent = dash ? dash[0].length : /^\s*/.exec(linePrefix)![0].length;
  const keyValue = /^\s*(?:-\s+)?([\w.$/-]+):\s*(.*)$/.exec(linePrefix);
  const path: string[] = [];
  if (dash) path.unshift('[]');
  let limit = dash ? dash[1]!.length : indent;
  let cursor = lineStart - 1;
  while (cursor > 0 && limit > 0) {
    const start = text.lastIndexOf('\n', cursor - 1) + 1;
    const line = text.slice(start, cursor);
    cursor = start - 1;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const lineIndent = /^\s*/.exec(line)![0].length;
    const itemMatch = /^(\s*)-\s+([\w.$/-]+):/.exec(line);
    if (itemMatch && itemMatch[1]!.length + 2 <= limit && lineIndent < limit) {
      // A key on a list item's line: the item's keys sit two columns right of the dash.
      if (itemMatch[1]!.length + 2 < limit) path.unshift(itemMatch[2]!);
      path.unshift('[]');
      limit = itemMatch[1]!.length;
      continue;
    }
    if (lineIndent >= limit) continue;
    const key = /^\s*(?:-\s+)?([\w.$/-]+):\s*$/.exec(line) ?? /^\s*(?:-\s+)?([\w.$/-]+):/.exec(line);
    if (key) {
      path.unshift(key[1]!);
      limit = lineIndent;
    } else if (/^\s*-\s*$/.test(line)) {
      path.unshift('[]');
      limit = lineIndent;
    }
  }
  if (keyValue) return { path: [...path, keyValue[1]!], indent, typed: keyValue[2]!, afterColon: true, key: keyValue[1] };
  return { path, indent, typed: linePrefix.slice(indent).trim(), afterColon: false };
}
