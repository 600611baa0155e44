import { type Node, type ParseError, type ParseOptions, parseTree } from 'jsonc-parser';
import { offsetNestedBeyond } from './jsonSyntax';

/**
 * jsonc-parser's tree, built faster when the text is plain valid JSON.
 *
 * jsonc-parser builds its tree through a visitor over a token scanner, and makes its nodes in
 * five shapes, so every rule that reads `node.offset` or `node.children` afterwards meets them
 * all. On a 5,000-statement policy (1.1 MB) its parse was the largest single cost of a first
 * open. This builder reads valid JSON in one loop and makes every node in one shape; at the
 * first thing it does not expect (an error, a comment, a character jsonc-parser would report,
 * an escape JSON.parse rejects) it gives up, and jsonc-parser parses the text, reporting the
 * errors and recovering as it always has. So the fast path only ever sees text on which both
 * agree; the tests compare the two trees node for node on generated and mutated documents.
 */
export function parseJsonTree(text: string, errors: ParseError[], options: ParseOptions): Node | undefined {
  return buildValidTree(text) ?? parseTree(text, errors, options);
}

/** What parseJsonTreeWithin gives for text nested deeper than its limit. */
export const TOO_DEEP = Symbol('nested too deep');

/**
 * parseJsonTree for text that may nest deeper than jsonc-parser's recursion can follow: valid JSON
 * within the limit is read in one pass that counts the depth on the way, so only other text needs
 * the separate depth scan before jsonc-parser. TOO_DEEP when the text nests deeper than `maxDepth`.
 */
export function parseJsonTreeWithin(text: string, errors: ParseError[], options: ParseOptions, maxDepth: number): Node | undefined | typeof TOO_DEEP {
  const valid = buildValidTree(text, maxDepth);
  if (valid) return valid;
  if (offsetNestedBeyond(text, maxDepth) !== undefined) return TOO_DEEP;
  return parseTree(text, errors, options);
}

interface TreeNode {
  type: Node['type'];
  value: unknown;
  offset: number;
  length: number;
  colonOffset: number | undefined;
  parent: TreeNode | undefined;
  children: TreeNode[] | undefined;
}

const make = (
  type: Node['type'],
  value: unknown,
  offset: number,
  length: number,
  parent: TreeNode | undefined,
  children: TreeNode[] | undefined,
): TreeNode => ({
  type,
  value,
  offset,
  length,
  colonOffset: undefined,
  parent,
  children,
});

/** What the builder expects next. */
enum Expect {
  Value,
  /** Right after `[`: a value or `]`. */
  ValueOrEnd,
  /** Right after `{`: a key or `}`. */
  KeyOrEnd,
  /** After a comma in an object. */
  Key,
  CommaOrEnd,
  /** After the root value: only white space. */
  Nothing,
}

/**
 * The tree of valid JSON without comments or trailing commas, no more than `maxDepth` objects and
 * arrays deep; undefined for anything else.
 */
export function buildValidTree(text: string, maxDepth = Number.POSITIVE_INFINITY): Node | undefined {
  const length = text.length;
  let at = 0;
  let depth = 0;
  let root: TreeNode | undefined;
  let container: TreeNode | undefined;
  // The property whose value comes next, in an object.
  let property: TreeNode | undefined;
  // Widened: the helpers below change it, which narrowing cannot see.
  let expect = Expect.Value as Expect;

  // A value is complete: it ends its property, and the container expects a comma or its end.
  const completed = (end: number) => {
    if (property) {
      property.length = end - property.offset;
      property = undefined;
    }
    expect = container ? Expect.CommaOrEnd : Expect.Nothing;
  };
  const attach = (node: TreeNode): boolean => {
    const parent = property ?? container;
    if (parent) {
      node.parent = parent;
      parent.children!.push(node);
    } else if (root) return false;
    else root = node;
    return true;
  };
  const close = (end: number) => {
    depth--;
    const closed = container!;
    closed.length = end - closed.offset;
    const up = closed.parent;
    if (up?.type === 'property') {
      up.length = end - up.offset;
      container = up.parent;
    } else container = up;
    expect = container ? Expect.CommaOrEnd : Expect.Nothing;
  };

  while (true) {
    let c = text.charCodeAt(at);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++at);
    if (at >= length) break;
    switch (expect) {
      case Expect.Nothing:
        return undefined;
      case Expect.CommaOrEnd:
        if (c === 44 /* , */) {
          expect = container!.type === 'object' ? Expect.Key : Expect.Value;
          at++;
        } else if ((c === 125 /* } */ && container!.type === 'object') || (c === 93 /* ] */ && container!.type === 'array')) close(++at);
        else return undefined;
        continue;
      case Expect.KeyOrEnd:
      case Expect.Key: {
        if (c === 125 && expect === Expect.KeyOrEnd) {
          close(++at);
          continue;
        }
        if (c !== 34 /* " */) return undefined;
        const end = stringEnd(text, at);
        if (end < 0) return undefined;
        const key = stringValue(text, at, end);
        if (key === undefined) return undefined;
        const entry = make('property', undefined, at, -1, container, []);
        container!.children!.push(entry);
        entry.children!.push(make('string', key, at, end - at, entry, undefined));
        at = end;
        c = text.charCodeAt(at);
        while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++at);
        if (c !== 58 /* : */) return undefined;
        entry.colonOffset = at++;
        property = entry;
        expect = Expect.Value;
        continue;
      }
      case Expect.ValueOrEnd:
      case Expect.Value: {
        if (c === 93 && expect === Expect.ValueOrEnd) {
          close(++at);
          continue;
        }
        if (c === 123 /* { */ || c === 91 /* [ */) {
          if (++depth > maxDepth) return undefined;
          const opened = make(c === 123 ? 'object' : 'array', undefined, at, -1, undefined, []);
          if (!attach(opened)) return undefined;
          property = undefined;
          container = opened;
          expect = c === 123 ? Expect.KeyOrEnd : Expect.ValueOrEnd;
          at++;
          continue;
        }
        let node: TreeNode;
        if (c === 34) {
          const end = stringEnd(text, at);
          if (end < 0) return undefined;
          const value = stringValue(text, at, end);
          if (value === undefined) return undefined;
          node = make('string', value, at, end - at, undefined, undefined);
        } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
          const end = numberEnd(text, at);
          if (end < 0) return undefined;
          node = make('number', Number(text.slice(at, end)), at, end - at, undefined, undefined);
        } else if (text.startsWith('true', at)) node = make('boolean', true, at, 4, undefined, undefined);
        else if (text.startsWith('false', at)) node = make('boolean', false, at, 5, undefined, undefined);
        else if (text.startsWith('null', at)) node = make('null', null, at, 4, undefined, undefined);
        else return undefined;
        const end = at + node.length;
        // `truex`, `12a`: jsonc-parser reads one token there, not two.
        if (end < length && !isDelimiter(text.charCodeAt(end))) return undefined;
        if (!attach(node)) return undefined;
        at = end;
        completed(end);
        continue;
      }
    }
  }
  return expect === Expect.Nothing ? (root as Node | undefined) : undefined;
}

const isDelimiter = (c: number) => c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9;

/** Offset after the closing quote of the string at `start`; -1 when it does not close on its line or holds a control character. */
function stringEnd(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 34) return at + 1;
    if (c === 92) at++;
    else if (c < 0x20) return -1;
  }
  return -1;
}

/** The value of a string token; undefined when an escape is not one JSON allows. */
function stringValue(text: string, start: number, end: number): string | undefined {
  const inner = text.slice(start + 1, end - 1);
  if (!inner.includes('\\')) return inner;
  try {
    const value: unknown = JSON.parse(text.slice(start, end));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Offset after a number in JSON's grammar at `start`; -1 when it is not one. */
function numberEnd(text: string, start: number): number {
  let at = start;
  const digit = () => {
    const c = text.charCodeAt(at);
    return c >= 48 && c <= 57;
  };
  if (text.charCodeAt(at) === 45) at++;
  if (text.charCodeAt(at) === 48) at++;
  else if (digit()) while (digit()) at++;
  else return -1;
  if (text.charCodeAt(at) === 46) {
    at++;
    if (!digit()) return -1;
    while (digit()) at++;
  }
  const e = text.charCodeAt(at);
  if (e === 69 || e === 101) {
    at++;
    const sign = text.charCodeAt(at);
    if (sign === 43 || sign === 45) at++;
    if (!digit()) return -1;
    while (digit()) at++;
  }
  return at;
}
