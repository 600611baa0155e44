import type { Node } from 'jsonc-parser';
import { describeJsonErrors } from '../../common/jsonSyntax';
import { removeNodeEdit } from '../../common/jsonEdits';
import { rangeOf } from '../../common/text';
import type { RuleContext } from './context';
import { IAM_RULES } from './definitions';

/** JSON syntax errors, with a certain fix for the most common one: a trailing comma. */
export function checkSyntax(context: RuleContext): void {
  const { model, document } = context;
  if (model.tooDeep) {
    context.report(IAM_RULES.tooDeep, rangeOf(document, 0, 1), 'The document is nested more than 256 levels deep; it is not analysed.');
    return;
  }
  for (const problem of describeJsonErrors(document, model.text, model.syntaxErrors)) {
    context.report(IAM_RULES.invalidJson, problem.range, problem.message, { fixes: problem.fixes });
  }
  if (model.root) checkDuplicateKeys(context, model.root);
}

function checkDuplicateKeys(context: RuleContext, root: Node): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key || typeof key.value !== 'string') continue;
        const first = seen.get(key.value);
        if (first) {
          const sameValue = nodeText(context, first.children?.[1]) === nodeText(context, property.children?.[1]);
          const firstLine = context.nodeRange(first).start.line + 1;
          context.report(
            IAM_RULES.duplicateKey,
            context.keyRange(property),
            `Duplicate key "${key.value}" (first on line ${firstLine}): IAM keeps only one of the values. Keep a single "${key.value}".`,
            sameValue ? { fixes: [{ title: `Remove the duplicate "${key.value}"`, edits: [removeNodeEdit(context.document, property)], preferred: true }] } : {},
          );
        } else seen.set(key.value, property);
      }
    }
    for (const child of node.children ?? []) if (child.type === 'object' || child.type === 'array' || child.type === 'property') stack.push(child);
  }
}

function nodeText(context: RuleContext, node: Node | undefined): string | undefined {
  return node ? context.model.text.slice(node.offset, node.offset + node.length).replace(/\s+/g, '') : undefined;
}
