import { ParseErrorCode, type ParseError } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Fix } from './findings';
import { rangeOf } from './text';

/** JSON syntax errors in words a person understands, with a certain fix for a trailing comma. */

const PARSE_MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character: JSON expects a value, a comma or a closing bracket here.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a property name in double quotes.',
  [ParseErrorCode.ValueExpected]: 'Expected a value (a string in double quotes, a number, an object or an array).',
  [ParseErrorCode.ColonExpected]: 'Expected a colon after the property name.',
  [ParseErrorCode.CommaExpected]: 'Expected a comma between values.',
  [ParseErrorCode.CloseBraceExpected]: 'Expected a closing brace }.',
  [ParseErrorCode.CloseBracketExpected]: 'Expected a closing bracket ].',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected text after the end of the document.',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed: AWS rejects JSON documents that contain them.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment.',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: add the closing double quote.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unterminated number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in a string.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape in a string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed.',
  [ParseErrorCode.InvalidCharacter]: 'Control characters must be escaped inside strings.',
};

export interface JsonSyntaxProblem {
  readonly range: Range;
  readonly message: string;
  readonly fixes: readonly Fix[];
}

export function describeJsonErrors(document: TextDocument, text: string, errors: readonly ParseError[]): JsonSyntaxProblem[] {
  // The parser may report one mistake twice (e.g. a trailing comma as two expectations): keep one.
  const seen = new Set<string>();
  return errors
    .map((error) => {
      const comma = trailingCommaBefore(text, error.offset);
      if (comma !== undefined && (error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected)) {
        return {
          range: rangeOf(document, comma, 1),
          message: 'Trailing comma: JSON allows no comma before a closing bracket or brace.',
          fixes: [{ title: 'Remove the trailing comma', edits: [{ range: rangeOf(document, comma, 1), newText: '' }], preferred: true }],
        };
      }
      const length = Math.max(1, Math.min(error.length, 80));
      return {
        range: rangeOf(document, error.offset, error.offset >= text.length ? 0 : length),
        message: PARSE_MESSAGES[error.error] ?? 'Invalid JSON.',
        fixes: [],
      };
    })
    .filter((problem) => {
      const key = `${JSON.stringify(problem.range)}|${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Offset of a comma directly (modulo whitespace) before a closing `}` or `]` at `offset`. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : undefined;
}

/**
 * Cheap pre-scan of JSON text, brackets outside strings: the offset where it nests deeper than
 * the limit, if it does. jsonc-parser recurses once per level, so pathological input is refused
 * before it is parsed (a policy or an AppSpec never nests more than a few levels).
 */
export function offsetNestedBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      // jsonc-parser ends an unterminated string at the end of its line: so must this count, or
      // brackets after a stray quote would be taken for text and the parser recurse into them.
      else if (c === 34 /* " */ || c === 10 || c === 13) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}
