import { yamlNestedBeyond } from './depth';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type Scalar } from 'yaml';

/**
 * A YAML document parsed once per version, error-tolerantly, with exact offsets for every
 * node (the `yaml` package's ranges) and the source text of scalars, so that `python: 3.10`
 * is read as written and not as the number 3.1.
 */
export interface YamlModel {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly errors: readonly YamlProblem[];
  /** Offsets of tab characters used for indentation, one per line. */
  readonly tabLines: readonly { readonly offset: number; readonly length: number }[];
}

export interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

/** Deeper than any buildspec or AppSpec, far below the ~1,000 levels that exhaust the parser. */
const MAX_DEPTH = 200;

export function parseYaml(text: string): YamlModel {
  const deepAt = yamlNestedBeyond(text, MAX_DEPTH);
  if (deepAt !== undefined) return tooDeep(text, deepAt);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: new LineCounter(), keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The yaml package parses block collections recursively: thousands of nested "- - - …" overflow
    // the stack. Read as an empty document with the same error the package gives for too many aliases.
    if (!(error instanceof RangeError)) throw error;
    return tooDeep(text, 0);
  }
  const errors = [...doc.errors, ...doc.warnings].map((e) => ({
    code: e.code,
    message: e.message.split('\n')[0] ?? e.message,
    offset: e.pos[0],
    length: Math.max(1, e.pos[1] - e.pos[0]),
  }));
  return { text, doc, errors, tabLines: findIndentTabs(text) };
}

/** An empty document with the error the `yaml` package itself gives when nesting exhausts it, which the kinds report as too deep. */
function tooDeep(text: string, offset: number): YamlModel {
  const doc = parseDocument('', { keepSourceTokens: true });
  return { text, doc, errors: [{ code: 'RESOURCE_EXHAUSTION', message: 'The document nests too deeply to be read.', offset, length: 1 }], tabLines: [] };
}

function findIndentTabs(text: string): { offset: number; length: number }[] {
  const found: { offset: number; length: number }[] = [];
  const pattern = /^([ ]*\t[ \t]*)(?=\S)/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push({ offset: match.index, length: match[1]!.length });
  }
  return found;
}

/** Resolves an alias to the node it names; anything else is returned as is. */
export function resolved(model: YamlModel, node: unknown): Node | undefined {
  if (isAlias(node)) {
    try {
      return node.resolve(model.doc) as Node | undefined;
    } catch {
      return undefined;
    }
  }
  return (node ?? undefined) as Node | undefined;
}

/** [start, end) of a node's value in the source. */
export function span(node: { range?: [number, number, number] | null } | null | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** The text of a scalar as written (without quotes for quoted scalars). */
export function scalarSource(model: YamlModel, node: Scalar): string {
  if (typeof node.source === 'string') return node.source;
  const s = span(node);
  return s ? model.text.slice(s[0], s[1]) : String(node.value ?? '');
}

/** The key of a pair as a string (keys are scalars in buildspecs and appspecs). */
export function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

export function pairsOf(node: unknown): Pair[] {
  return isMap(node) ? (node.items as Pair[]).filter((p) => isPair(p)) : [];
}

export function findPair(map: unknown, name: string): Pair | undefined {
  return pairsOf(map).find((p) => keyName(p) === name);
}

/** Follows a path of keys from the document root; undefined when any step is missing. */
export function nodeAt(model: YamlModel, path: readonly string[]): Node | undefined {
  let node: unknown = model.doc.contents;
  for (const key of path) {
    const pair = findPair(resolved(model, node), key);
    if (!pair) return undefined;
    node = pair.value;
  }
  return resolved(model, node);
}
export { isMap, isScalar, isSeq };
