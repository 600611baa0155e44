import type { Node, ParseError } from 'jsonc-parser';
import { parseJsonTreeWithin, TOO_DEEP } from '../common/fastJson';
import { MAX_NESTING_DEPTH, type PolicyModel, parseStatement, type StatementModel } from './model';

/**
 * A keystroke inside one statement of a large policy re-parses that statement only.
 *
 * jsonc-parser has no incremental mode, and on a 5,000-statement policy (1.1 MB) its whole parse
 * and the tree it allocates were most of an edit's cost. When the previous version parsed
 * without errors and the text changed inside one statement's braces, the new statement text is
 * parsed alone. If it is one complete object with no errors, the whole-document parse would give
 * the same tree (its first and last characters are the braces, so the tokens around it do not
 * change), and the previous tree is reused: the new statement node replaces the old one, the
 * nodes after it move by the edit's length and the nodes around it grow by it.
 *
 * The previous model is updated in place and must not be used afterwards: the caller keeps one
 * model per open document (kind.ts) and hands it over only for that document's next version.
 * Anything else, or any doubt, gets undefined and the caller parses the whole text.
 */
export function reparsePolicy(previous: PolicyModel, text: string): PolicyModel | undefined {
  if (previous.text === text) return previous;
  if (previous.tooDeep || previous.syntaxErrors.length > 0 || !previous.root || previous.statements.length === 0) return undefined;
  const change = changedSpan(previous.text, text);
  const index = statementAround(previous.statements, change.start, change.oldEnd);
  if (index === undefined) return undefined;
  const old = previous.statements[index]!;
  const parent = old.node.parent;
  if (!parent?.children) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const source = text.slice(old.node.offset, old.node.offset + old.node.length + delta);
  const errors: ParseError[] = [];
  const fresh = parseJsonTreeWithin(source, errors, { allowTrailingComma: false, disallowComments: true }, MAX_NESTING_DEPTH - containersAbove(old.node));
  if (fresh === TOO_DEEP || errors.length > 0 || fresh?.type !== 'object' || fresh.offset !== 0 || fresh.length !== source.length) return undefined;
  const slot = parent.children.indexOf(old.node);
  if (slot < 0) return undefined;

  const oldEnd = old.node.offset + old.node.length;
  shiftSubtree(fresh, old.node.offset);
  (fresh as Mutable<Node>).parent = parent;
  parent.children[slot] = fresh;
  for (let node: Node | undefined = parent; node; node = node.parent) {
    (node as Mutable<Node>).length += delta;
    // Siblings after the path to the statement (and all they hold) move with the text after the edit.
    for (const child of node.children ?? []) if (child.offset >= oldEnd && child !== fresh) shiftSubtree(child, delta);
  }

  const statements = previous.statements.slice();
  statements[index] = parseStatement(text, fresh, old.index);
  return { ...previous, text, syntaxErrors: [], statements };
}

interface ChangedSpan {
  /** First offset that differs. */
  readonly start: number;
  /** End of the replaced text in the previous version. */
  readonly oldEnd: number;
  /** End of the replacing text in the new version. */
  readonly newEnd: number;
}

/**
 * The one span that differs between two texts, from their common prefix and suffix. Compared in
 * chunks of falling size first: string equality on slices runs at memory speed, where a
 * charCodeAt loop over a 1 MB text (a rope after the document manager's concatenations) took ~8 ms.
 */
export function changedSpan(before: string, after: string): ChangedSpan {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  for (let size = 1 << 15; size >= 1; size >>= 3) {
    while (start + size <= shorter && before.slice(start, start + size) === after.slice(start, start + size)) start += size;
  }
  let oldEnd = before.length;
  let newEnd = after.length;
  for (let size = 1 << 15; size >= 1; size >>= 3) {
    while (oldEnd - size >= start && newEnd - size >= start && before.slice(oldEnd - size, oldEnd) === after.slice(newEnd - size, newEnd)) {
      oldEnd -= size;
      newEnd -= size;
    }
  }
  return { start, oldEnd, newEnd };
}

/** The statement whose braces strictly enclose [start, end): statements are in document order. */
function statementAround(statements: readonly StatementModel[], start: number, end: number): number | undefined {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const node = statements[middle]!.node;
    if (node.offset + node.length <= start) low = middle + 1;
    else if (node.offset >= end) high = middle - 1;
    else return start > node.offset && end < node.offset + node.length ? middle : undefined;
  }
  return undefined;
}

/** Brackets and braces around a node: the nesting its own text starts at. */
function containersAbove(node: Node): number {
  let count = 0;
  for (let up = node.parent; up; up = up.parent) if (up.type === 'object' || up.type === 'array') count++;
  return count;
}

/** jsonc-parser types its nodes read-only; this module alone moves them, before anyone reads them. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function shiftSubtree(root: Node, delta: number): void {
  // An explicit stack and indexed loops: this runs over tens of thousands of nodes per keystroke.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Mutable<Node>;
    node.offset += delta;
    if (node.type === 'property') {
      if (node.colonOffset !== undefined) node.colonOffset += delta;
    }
    const children = node.children;
    if (children !== undefined) for (let i = 0; i < children.length; i++) stack.push(children[i]!);
  }
}
