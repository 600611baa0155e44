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

const parsedArns = new Map<string, ArnParts | undefined>();

/** Splits `arn:partition:service:region:account:resource`; the resource part may itself contain colons. */
export function parseArn(arn: string): ArnParts | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  // Several rules and the hover ask about the same resource strings: remember recent answers.
  if (parsedArns.has(arn)) return parsedArns.get(arn);
  if (parsedArns.size > 20_000) parsedArns.clear();
  const parsed = splitArn(arn);
  parsedArns.set(arn, parsed);
  return parsed;
}

function splitArn(arn: string): ArnParts | undefined {
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

enum Kind {
  Char,
  Any,
  One,
  Segment,
  Tail,
  Name,
}

/** A template or pattern as parallel arrays: the kind of each position, and its character for literals. */
interface Tokens {
  readonly kinds: Uint8Array;
  readonly chars: string;
}

const templateCache = new Map<string, Tokens>();
const templateRegexCache = new Map<string, RegExp>();

function templateTokens(template: string): Tokens {
  let tokens = templateCache.get(template);
  if (tokens) return tokens;
  const kinds: number[] = [];
  let chars = '';
  const matches = [...template.matchAll(/\$\{([^}]*)\}/g)];
  let last = 0;
  matches.forEach((match, i) => {
    for (const char of template.slice(last, match.index)) {
      kinds.push(Kind.Char);
      chars += char.toLowerCase();
    }
    const isLast = i === matches.length - 1 && match.index! + match[0].length === template.length;
    kinds.push(match[1] === 'BucketName' ? Kind.Name : isLast ? Kind.Tail : Kind.Segment);
    chars += ' ';
    last = match.index! + match[0].length;
  });
  for (const char of template.slice(last)) {
    kinds.push(Kind.Char);
    chars += char.toLowerCase();
  }
  tokens = { kinds: Uint8Array.from(kinds), chars };
  templateCache.set(template, tokens);
  return tokens;
}

/** For concrete resources (no wildcard, no variable) a regular expression answers directly. */
function templateRegExp(template: string): RegExp {
  let regex = templateRegexCache.get(template);
  if (regex) return regex;
  const { kinds, chars } = templateTokens(template);
  let source = '';
  for (let j = 0; j < kinds.length; j++) {
    const kind = kinds[j];
    if (kind === Kind.Char) source += chars[j]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (kind === Kind.Tail) source += '.*';
    else if (kind === Kind.Name) source += '[^:/]*';
    else source += '[^:]*';
  }
  regex = new RegExp(`^${source}$`, 'is');
  templateRegexCache.set(template, regex);
  return regex;
}

const patternCache = new Map<string, Tokens>();
function patternTokens(pattern: string): Tokens {
  let cached = patternCache.get(pattern);
  if (cached) return cached;
  if (patternCache.size > 10_000) patternCache.clear();
  cached = tokenizePattern(pattern);
  patternCache.set(pattern, cached);
  return cached;
}

function tokenizePattern(pattern: string): Tokens {
  const kinds: number[] = [];
  let chars = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '$' && pattern[i + 1] === '{') {
      const end = pattern.indexOf('}', i);
      if (end > 0) {
        // ${*}, ${?} and ${$} are escapes for the literal characters; other variables stand for any text.
        const name = pattern.slice(i + 2, end);
        if (name === '*' || name === '?' || name === '$') {
          kinds.push(Kind.Char);
          chars += name;
        } else {
          kinds.push(Kind.Any);
          chars += ' ';
        }
        i = end;
        continue;
      }
    }
    kinds.push(c === '*' ? Kind.Any : c === '?' ? Kind.One : Kind.Char);
    chars += c.toLowerCase();
  }
  return { kinds: Uint8Array.from(kinds), chars };
}

/** True when some ARN could match both the policy pattern and the resource type's template. */
export function patternMatchesTemplate(pattern: string, template: string): boolean {
  // An absurdly long resource is given the benefit of the doubt rather than the work.
  if (pattern.length > 2048) return true;
  if (!/[*?]|\$\{/.test(pattern)) return templateRegExp(template).test(pattern);
  // Policies repeat the same wildcard resources across statements: remember the answers.
  const key = `${template}\u0000${pattern}`;
  const cached = wildcardMatches.get(key);
  if (cached !== undefined) return cached;
  if (wildcardMatches.size > 50_000) wildcardMatches.clear();
  const result = wildcardPatternMatches(pattern, template);
  wildcardMatches.set(key, result);
  return result;
}

const wildcardMatches = new Map<string, boolean>();

function wildcardPatternMatches(pattern: string, template: string): boolean {
  // Segment by segment: a wildcard stays within its segment, and most pairs are told apart
  // by their service alone, long before the resource part needs the full comparison.
  const arn = parseArn(pattern);
  const parts = templateParts(template);
  // "If the * wildcard is the last character of a resource ARN segment, it can expand to match
  // beyond colon boundaries" (IAM User Guide, Resource element): arn:aws:secretsmanager:*:*:name*
  // matches arn:aws:secretsmanager:us-east-1:123456789012:secret:name-AbCd. Then only the whole
  // string can be compared.
  if (arn && parts) {
    const head = segmentMatches(arn.partition, parts[0]) && segmentMatches(arn.service, parts[1]) && segmentMatches(arn.region, parts[2]);
    if (!head) return false;
    if (segmentMatches(arn.account, parts[3]) && wildcardsIntersect(patternTokens(arn.resource), templateTokens(parts[4]))) return true;
    // A trailing * of the account (or region) may absorb the leading parts of the resource:
    // then the policy's resource part lines up with what is left of the template's.
    if (!arn.account.endsWith('*') && !arn.region.endsWith('*')) return false;
    const subSegments = parts[4].split(':');
    for (let absorbed = 1; absorbed < subSegments.length; absorbed++) {
      if (wildcardsIntersect(patternTokens(arn.resource), templateTokens(subSegments.slice(absorbed).join(':')))) return true;
    }
    return false;
  }
  return wildcardsIntersect(patternTokens(pattern), templateTokens(template));
}

const templatePartsCache = new Map<string, readonly [string, string, string, string, string] | undefined>();
function templateParts(template: string): readonly [string, string, string, string, string] | undefined {
  if (templatePartsCache.has(template)) return templatePartsCache.get(template);
  const split = template.split(':');
  const parts = split.length >= 6 && split[0] === 'arn' ? ([split[1]!, split[2]!, split[3]!, split[4]!, split.slice(5).join(':')] as const) : undefined;
  templatePartsCache.set(template, parts);
  return parts;
}

function segmentMatches(pattern: string, template: string): boolean {
  if (template === '') return pattern === '' || /^\**$/.test(pattern);
  if (template.charCodeAt(0) === 36 /* $ */ && template.indexOf('}') === template.length - 1) return true; // one placeholder
  if (pattern === '*') return true;
  if (!/[*?]|\$\{/.test(pattern) && !template.includes('${')) return pattern.toLowerCase() === template.toLowerCase();
  return wildcardsIntersect(patternTokens(pattern), templateTokens(template));
}

/**
 * Dynamic programming over (pattern position, template position), filled from the end:
 * a policy `*` and a template placeholder may each match the empty string or absorb one
 * character of the other side at a time.
 */
let scratch = new Uint8Array(4096);

function wildcardsIntersect(p: Tokens, t: Tokens): boolean {
  const n = p.kinds.length;
  const m = t.kinds.length;
  // Quick rejection: literal prefixes and suffixes that differ (most pairs end here).
  for (let k = 0; k < n && k < m && p.kinds[k] === Kind.Char && t.kinds[k] === Kind.Char; k++) {
    if (p.chars[k] !== t.chars[k]) return false;
  }
  for (let k = 1; k <= n && k <= m && p.kinds[n - k] === Kind.Char && t.kinds[m - k] === Kind.Char; k++) {
    if (p.chars[n - k] !== t.chars[m - k]) return false;
  }
  const width = m + 1;
  // One reused table: this runs for every resource of every statement, so it must not allocate.
  if (scratch.length < (n + 1) * width) scratch = new Uint8Array((n + 1) * width * 2);
  const table = scratch;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      let ok = i === n && j === m;
      const a = i < n ? p.kinds[i]! : -1;
      const b = j < m ? t.kinds[j]! : -1;
      const bIsPlaceholder = b === Kind.Segment || b === Kind.Tail || b === Kind.Name;
      if (!ok && a === Kind.Any) ok = table[(i + 1) * width + j] === 1;
      if (!ok && bIsPlaceholder) ok = table[i * width + j + 1] === 1;
      if (!ok && a >= 0 && b >= 0) {
        if (a === Kind.Any) {
          ok = table[i * width + j + 1] === 1 || (bIsPlaceholder && table[(i + 1) * width + j] === 1);
        } else if (bIsPlaceholder) {
          const c = p.chars[i]!;
          const accepts = a === Kind.One || b === Kind.Tail || (c !== ':' && (b === Kind.Segment || c !== '/'));
          ok = accepts && table[(i + 1) * width + j] === 1;
        } else if (a === Kind.One || p.chars[i] === t.chars[j]) {
          ok = table[(i + 1) * width + j + 1] === 1;
        }
      }
      table[i * width + j] = ok ? 1 : 0;
    }
  }
  return table[0] === 1;
}
