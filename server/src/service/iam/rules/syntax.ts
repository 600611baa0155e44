import { ParseErrorCode, type Node } from 'jsonc-parser';
import type { Fix } from '../../common/findings';
import { removeNodeEdit } from '../../common/jsonEdits';
import { rangeOf } from '../../common/text';
import type { RuleContext } from './context';
import { IAM_RULES } from './definitions';

const PARSE_MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character: JSON expects a value, a comma or a closing bracket here.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a property name in double quotes.',
  [ParseErrorCode.ValueExpected]: 'Expected a value (a string in double quotes, a number, an object or an array).',
  [ParseErrorCode.ColonExpected]: 'Expected a colon after the property name.',
  [ParseErrorCode.CommaExpected]: 'Expected a comma between values.',
  [ParseErrorCode.CloseBraceExpected]: 'Expected a closing brace }.',
  [ParseErrorCode.CloseBracketExpected]: 'Expected a closing bracket ].',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected text after the end of the policy.',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed: IAM rejects policies that contain them.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment.',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: add the closing double quote.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unterminated number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in a string.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape in a string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed.',
  [ParseErrorCode.InvalidCharacter]: 'Control characters must be escaped inside strings.',
};

/** JSON syntax errors, with a certain fix for the most common one: a trailing comma. */
export function checkSyntax(context: RuleContext): void {
  const { model, document } = context;
  if (model.tooDeep) {
    context.report(IAM_RULES.tooDeep, rangeOf(document, 0, 1), 'The document is nested more than 256 levels deep; it is not analysed.');
    return;
  }
  const text = model.text;
  for (const error of model.syntaxErrors) {
    const length = Math.max(1, Math.min(error.length, 80));
    const range = rangeOf(document, error.offset, error.offset >= text.length ? 0 : length);
    const fixes: Fix[] = [];
    let message = PARSE_MESSAGES[error.error] ?? 'Invalid JSON.';
    const comma = trailingCommaBefore(text, error.offset);
    if (comma !== undefined && (error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected)) {
      message = 'Trailing comma: JSON allows no comma before a closing bracket or brace.';
      fixes.push({ title: 'Remove the trailing comma', edits: [{ range: rangeOf(document, comma, 1), newText: '' }], preferred: true });
      context.report(IAM_RULES.invalidJson, rangeOf(document, comma, 1), message, { fixes });
      continue;
    }
    context.report(IAM_RULES.invalidJson, range, message);
  }
  if (model.root) checkDuplicateKeys(context, model.root);
}

/** Offset of a comma directly (modulo whitespace) before a closing `}` or `]` at `offset`. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : undefined;
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
