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
  // Where to go on inside a line after a quoted scalar that began on an earlier line closed.
  let resumeAt = -1;
  let indicators = 0;
  let prefix = true;
  // The last character outside quotes that is not a space: a quote opens a quoted scalar only
  // where a scalar can start. In `it's [[[…` the apostrophe is text, and taking it for a quote
  // would hide the brackets after it (the fuzzer found a stack overflow that way).
  let previous = '';
  // The column of the line's content (after its indentation and block indicators); a resumed line keeps its first line's.
  let content = -1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    if (resumeAt >= 0) {
      // The rest of the line a quoted scalar ended on: its levels are those of the line it began on.
      i = resumeAt;
      resumeAt = -1;
    } else {
      while (i < lineEnd && text.charCodeAt(i) === 32) i++;
      const indent = i - lineStart;
      const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r';
      if (!blank && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
      indicators = 0;
      content = -1;
      // Block indicators open levels only before the line's content (`- - x`); later ones are text or invalid.
      prefix = true;
      previous = '';
    }
    let quote = '';
    for (; i < lineEnd; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = '';
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (prefix && c !== ' ' && c !== '\t' && content < 0) content = i - lineStart;
      if ((c === '"' || c === "'") && (prefix || previous === ':' || previous === ',' || previous === '[' || previous === '{')) {
        quote = c;
        prefix = false;
      } else if (c === '#' && (i === lineStart || /\s/.test(text[i - 1]!))) break;
      else if (c === '[' || c === '{') flow++;
      else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
      else if (prefix && (c === '-' || c === '?' || c === ':') && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\t')) {
        indicators++;
        content = -1;
      } else if (c !== ' ' && c !== '\t') prefix = false;
      if (c !== ' ' && c !== '\t') previous = c;
      if (flow + indents.length + indicators > limit) return i;
    }
    if (quote === "'" || quote === '"') {
      // A quoted scalar may go on over the next lines, and a bracket inside it must not count;
      // but a line indented no deeper than the content the quote is part of ends it there (the
      // yaml package reads that line as new content, brackets and all).
      const close = quotedScalarEnd(text, lineEnd, quote, Math.max(0, content));
      if (close === undefined) return undefined;
      if (close >= 0) {
        lineStart = text.lastIndexOf('\n', close) + 1;
        resumeAt = close + 1;
        previous = quote;
        continue;
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/**
 * Where a quoted scalar still open at `from` (a line end) closes: the offset of its closing quote;
 * -1 when a later line indented `content` columns or less comes first (the scalar ends unclosed
 * at its own line); undefined when it never closes (the rest of the text is inside it).
 */
function quotedScalarEnd(text: string, from: number, quote: string, content: number): number | undefined {
  let lineStart = from + 1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    // Indentation is spaces only: a tab after them is the line's text (YAML's rule, and the yaml package's).
    while (i < lineEnd && text[i] === ' ') i++;
    const indent = i - lineStart;
    while (i < lineEnd && text[i] === '\t') i++;
    const blank = i >= lineEnd || text[i] === '\r';
    if (!blank && indent <= content) return -1;
    for (; i < lineEnd; i++) {
      const c = text[i];
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else return i;
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
