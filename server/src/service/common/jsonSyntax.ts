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
  // A run of commas before a bracket is one mistake; the parser's "value expected" at each
  // extra comma of the run is that mistake again and is not repeated.
  const runs = new Map<ParseError, number[]>();
  const inRuns = new Set<number>();
  for (const error of errors) {
    if (error.error !== ParseErrorCode.PropertyNameExpected && error.error !== ParseErrorCode.ValueExpected) continue;
    const commas = trailingCommasBefore(text, error.offset);
    if (!commas) continue;
    runs.set(error, commas);
    for (const comma of commas) inRuns.add(comma);
  }
  // The parser may report one mistake twice (e.g. a trailing comma as two expectations): keep one.
  const seen = new Set<string>();
  return errors
    .filter((error) => runs.has(error) || !inRuns.has(error.offset))
    .map((error) => {
      const commas = runs.get(error);
      if (commas) {
        const last = commas[commas.length - 1]!;
        return {
          range: rangeOf(document, last, 1),
          message: 'Trailing comma: JSON allows no comma before a closing bracket or brace.',
          // `[a,,]`: removing only the comma next to the bracket would leave a trailing comma.
          fixes: [
            {
              title: commas.length > 1 ? 'Remove the trailing commas' : 'Remove the trailing comma',
              edits: commas.map((comma) => ({ range: rangeOf(document, comma, 1), newText: '' })),
              preferred: true,
            },
          ],
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

/**
 * Offsets of the commas directly (modulo whitespace) before a closing `}` or `]` at `offset`, in
 * document order: one for `[a,]`, both for `[a,,]`.
 */
function trailingCommasBefore(text: string, offset: number): number[] | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  const commas: number[] = [];
  let i = offset - 1;
  for (;;) {
    while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
    if (text[i] !== ',') break;
    commas.push(i);
    i--;
  }
  return commas.length > 0 ? commas.reverse() : undefined;
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
