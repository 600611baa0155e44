/**
 * ARN parsing and matching of policy resource patterns against the catalog's ARN
 * templates (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
 */

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;

export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
  /** Offsets of each part within the ARN string, for precise ranges. */
  readonly offsets: { readonly partition: number; readonly service: number; readonly region: number; readonly account: number; readonly resource: number };
}

/** Splits `arn:partition:service:region:account:resource`; the resource part may itself contain colons. */
export function parseArn(arn: string): ArnParts | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  const starts: number[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = findColon(arn, start);
    if (colon < 0) return undefined;
    parts.push(arn.slice(start, colon));
    starts.push(start);
    start = colon + 1;
  }
  return {
    partition: parts[0]!,
    service: parts[1]!,
    region: parts[2]!,
    account: parts[3]!,
    resource: arn.slice(start),
    offsets: { partition: starts[0]!, service: starts[1]!, region: starts[2]!, account: starts[3]!, resource: start },
  };
}

/** The next colon that is not inside a `${...}` policy variable (`${aws:username}` contains one). */
function findColon(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0) return i;
  }
  return -1;
}

export function hasWildcardOrVariable(text: string): boolean {
  return /[*?]|\$\{/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Pattern vs. template matching. Both sides are patterns: the policy's resource may contain
// `*`, `?` and policy variables; the template contains `${Name}` placeholders. The question is
// whether some real ARN matches both. Placeholders match any text except `:` (log group names
// and role paths contain `/`), the template's last placeholder matches anything, and a bucket
// name never contains `/`: that is what tells a bucket ARN from an object ARN.

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'one' } | { kind: 'segment' } | { kind: 'tail' } | { kind: 'name' };

const templateCache = new Map<string, Token[]>();

function templateTokens(template: string): Token[] {
  let tokens = templateCache.get(template);
  if (tokens) return tokens;
  tokens = [];
  const placeholder = /\$\{([^}]*)\}/g;
  let last = 0;
  const matches = [...template.matchAll(placeholder)];
  matches.forEach((match, i) => {
    for (const char of template.slice(last, match.index)) tokens!.push({ kind: 'char', char: char.toLowerCase() });
    const isLast = i === matches.length - 1 && match.index! + match[0].length === template.length;
    tokens!.push({ kind: match[1] === 'BucketName' ? 'name' : isLast ? 'tail' : 'segment' });
    last = match.index! + match[0].length;
  });
  for (const char of template.slice(last)) tokens.push({ kind: 'char', char: char.toLowerCase() });
  templateCache.set(template, tokens);
  return tokens;
}

function patternTokens(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '$' && pattern[i + 1] === '{') {
      const end = pattern.indexOf('}', i);
      if (end > 0) {
        // ${*}, ${?} and ${$} are escapes for the literal characters; other variables stand for any text.
        const name = pattern.slice(i + 2, end);
        if (name === '*' || name === '?' || name === '$') tokens.push({ kind: 'char', char: name });
        else tokens.push({ kind: 'any' });
        i = end;
        continue;
      }
    }
    if (c === '*') tokens.push({ kind: 'any' });
    else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c.toLowerCase() });
  }
  return tokens;
}

/** True when some ARN could match both the policy pattern and the resource type's template. */
export function patternMatchesTemplate(pattern: string, template: string): boolean {
  // The matcher recurses per character; an absurdly long resource is given the benefit of the doubt.
  if (pattern.length > 2048) return true;
  const p = patternTokens(pattern);
  const t = templateTokens(template);
  const memo = new Map<number, boolean>();
  const width = t.length + 1;
  const visit = (i: number, j: number): boolean => {
    const key = i * width + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    memo.set(key, false);
    const result = step(i, j);
    memo.set(key, result);
    return result;
  };
  const isPlaceholder = (token: Token | undefined) => token?.kind === 'segment' || token?.kind === 'tail' || token?.kind === 'name';
  const placeholderAccepts = (token: Token, char: string) =>
    token.kind === 'tail' || (token.kind === 'segment' && char !== ':') || (token.kind === 'name' && char !== ':' && char !== '/');
  const step = (i: number, j: number): boolean => {
    const a = p[i];
    const b = t[j];
    if (!a && !b) return true;
    // A placeholder or policy `*` may match the empty string.
    if (a?.kind === 'any' && visit(i + 1, j)) return true;
    if (isPlaceholder(b) && visit(i, j + 1)) return true;
    if (!a || !b) return false;
    if (a.kind === 'any') {
      // The policy wildcard absorbs one character of the template.
      if (b.kind === 'char') return visit(i, j + 1);
      return visit(i, j + 1) || visit(i + 1, j);
    }
    if (isPlaceholder(b)) {
      if (a.kind === 'one') return visit(i + 1, j);
      return a.kind === 'char' && placeholderAccepts(b, a.char) && visit(i + 1, j);
    }
    if (b.kind === 'char') {
      if (a.kind === 'one') return visit(i + 1, j + 1);
      return a.kind === 'char' && a.char === b.char && visit(i + 1, j + 1);
    }
    return false;
  };
  return visit(0, 0);
}
