/**
 * A cheap pre-scan of YAML text: the offset where collections nest deeper than `limit`, or
 * undefined. The `yaml` package parses nested collections recursively; about a thousand levels
 * (`- - - … x`, `[[[…`, `? ? …`) exhaust the stack, and on a second parse in the same process V8
 * then fails to compile a regular expression and aborts the whole process ("RegExpCompiler
 * Allocation failed"), which no try/catch can stop. So such text is never handed to the parser.
 *
 * The estimate is an upper bound of the real depth: flow brackets outside quotes and comments,
 * plus, per line, the block levels open above it (an indentation stack) and the block indicators
 * (`- `, `? `, `: `) that open further levels before the line's content.
 */
export function yamlNestedBeyond(text: string, limit: number): number | undefined {
  let flow = 0;
  const indents: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r';
    if (!blank && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let indicators = 0;
    // Block indicators open levels only before the line's content (`- - x`); later ones are text or invalid.
    let prefix = true;
    let quote = '';
    // The last character outside quotes that is not a space: a quote opens a quoted scalar only
    // where a scalar can start. In `it's [[[…` the apostrophe is text, and taking it for a quote
    // would hide the brackets after it (the fuzzer found a stack overflow that way).
    let previous = '';
    for (; i < lineEnd; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = '';
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if ((c === '"' || c === "'") && (prefix || previous === ':' || previous === ',' || previous === '[' || previous === '{')) {
        quote = c;
        prefix = false;
      } else if (c === '#' && (i === lineStart || /\s/.test(text[i - 1]!))) break;
      else if (c === '[' || c === '{') flow++;
      else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
      else if (prefix && (c === '-' || c === '?' || c === ':') && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\t')) indicators++;
      else if (c !== ' ' && c !== '\t') prefix = false;
      if (c !== ' ' && c !== '\t') previous = c;
      if (flow + indents.length + indicators > limit) return i;
    }
    // A quoted scalar may span lines; a bracket inside it must not count.
    if (quote === "'" || quote === '"') {
      const close = text.indexOf(quote, lineEnd);
      if (close === -1) return undefined;
      lineStart = text.indexOf('\n', close) === -1 ? text.length + 1 : text.indexOf('\n', close) + 1;
      continue;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
