import type { Node } from 'jsonc-parser';
import { describeJsonErrors } from '../../common/jsonSyntax';
import { removeNodeEdit } from '../../common/jsonEdits';
import { rangeOf } from '../../common/text';
import type { RuleContext } from './context';
import { define, GRAMMAR } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** JSON syntax errors, with a certain fix for the most common one: a trailing comma. */

export const SYNTAX_RULES = {
  invalidJson: define('IAM001', 'invalid-json', 'error', 'The document is not valid JSON.', GRAMMAR),
  duplicateKey: define('IAM002', 'duplicate-key', 'error', 'A key appears twice in one object; only one value is used.', GRAMMAR),
  tooDeep: define('IAM004', 'too-deep', 'error', 'The document is nested too deeply to analyse.', GRAMMAR),
} satisfies Record<string, RuleDefinition>;
export function checkSyntax(context: RuleContext): void {
  const { model, document } = context;
  if (model.tooDeep) {
    context.report(SYNTAX_RULES.tooDeep, rangeOf(document, 0, 1), 'The document is nested more than 256 levels deep; it is not analysed.');
    return;
  }
  for (const problem of describeJsonErrors(document, model.text, model.syntaxErrors)) {
    context.report(SYNTAX_RULES.invalidJson, problem.range, problem.message, { fixes: problem.fixes });
  }
  if (model.root) checkDuplicateKeys(context, model.root);
}

/**
 * Statement nodes known to hold no duplicate key. An edit inside one statement of a large policy
 * keeps every other statement's nodes (reparse.ts), so those need no second look; a statement
 * with a duplicate is walked again each time, since its message names a line.
 */
const duplicateFree = new WeakSet<Node>();

function checkDuplicateKeys(context: RuleContext, root: Node): void {
  const statements = new Set(context.model.statements.map((statement) => statement.node));
  walkForDuplicates(context, root, statements);
  for (const statement of statements) {
    if (duplicateFree.has(statement)) continue;
    const before = context.findings.length;
    walkForDuplicates(context, statement);
    if (context.findings.length === before) duplicateFree.add(statement);
  }
}

/** Every object under `root` (but not under the nodes in `skip`), checked for keys given twice. */
function walkForDuplicates(context: RuleContext, root: Node, skip?: ReadonlySet<Node>): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.children;
    if (!children) continue;
    if (node.type === 'object' && children.length > 1) {
      if (children.length <= SMALL_OBJECT) checkSmallObject(context, children);
      else {
        const seen = new Map<string, Node>();
        for (const property of children) {
          const key = property.children?.[0];
          if (!key || typeof key.value !== 'string') continue;
          const first = seen.get(key.value);
          if (first) reportDuplicate(context, first, property, key.value);
          else seen.set(key.value, property);
        }
      }
    }
    for (const child of children) if (child.children && !skip?.has(child)) stack.push(child);
  }
}

/**
 * Statements and conditions have a handful of keys: comparing them pairwise finds the same
 * duplicates as a Map without making one per object (a 5,000-statement policy made 5,000 Maps
 * on every keystroke, for the collector to clear).
 */
const SMALL_OBJECT = 8;

function checkSmallObject(context: RuleContext, children: readonly Node[]): void {
  for (let i = 1; i < children.length; i++) {
    const key = children[i]!.children?.[0]?.value;
    if (typeof key !== 'string') continue;
    for (let j = 0; j < i; j++) {
      if (children[j]!.children?.[0]?.value === key) {
        reportDuplicate(context, children[j]!, children[i]!, key);
        break;
      }
    }
  }
}

function reportDuplicate(context: RuleContext, first: Node, property: Node, name: string): void {
  const sameValue = nodeText(context, first.children?.[1]) === nodeText(context, property.children?.[1]);
  const firstLine = context.nodeRange(first).start.line + 1;
  context.report(
    SYNTAX_RULES.duplicateKey,
    context.keyRange(property),
    `Duplicate key "${name}" (first on line ${firstLine}): IAM keeps only one of the values. Keep a single "${name}".`,
    sameValue ? { fixes: [{ title: `Remove the duplicate "${name}"`, edits: [removeNodeEdit(context.document, property)], preferred: true }] } : {},
  );
}

function nodeText(context: RuleContext, node: Node | undefined): string | undefined {
  return node ? context.model.text.slice(node.offset, node.offset + node.length).replace(/\s+/g, '') : undefined;
}
