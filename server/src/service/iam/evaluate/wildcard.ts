import { resolveVariables, type ValuePiece } from './variables';
import type { RequestContext } from './types';

/**
 * Wildcard matching as IAM does it. `*` is any run of characters (including none), `?` exactly
 * one. Actions compare case-insensitively, resources and ARN conditions case-sensitively
 * (IAM User Guide, reference_policies_elements_action.html and
 * reference_policies_elements_resource.html). Text that a policy variable produced is literal.
 */

const regexCache = new Map<string, RegExp>();

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

/** The text before the first wildcard: a value that does not start with it cannot match, whatever follows. */
function literalPrefix(pieces: readonly ValuePiece[]): string {
  let prefix = '';
  for (const piece of pieces) {
    if (piece.fromVariable) {
      prefix += piece.text;
      continue;
    }
    const wild = piece.text.search(/[*?]/);
    if (wild >= 0) return prefix + piece.text.slice(0, wild);
    prefix += piece.text;
  }
  return prefix;
}

/** Whether a value matches pieces: a cheap prefix test first, so most non-matches never build a regex. */
export function matchPieces(pieces: readonly ValuePiece[], value: string, ignoreCase: boolean): boolean {
  const prefix = literalPrefix(pieces);
  const head = value.slice(0, prefix.length);
  if (ignoreCase ? head.toLowerCase() !== prefix.toLowerCase() : head !== prefix) return false;
  if (pieces.every((p) => p.fromVariable || !/[*?]/.test(p.text))) return value.length === prefix.length;
  return piecesToRegex(pieces, ignoreCase).test(value);
}

export function piecesToRegex(pieces: readonly ValuePiece[], ignoreCase: boolean): RegExp {
  let source = '';
  for (const piece of pieces) {
    if (piece.fromVariable) source += escapeRegex(piece.text);
    else {
      // "**" means what "*" means; written out, a run of them backtracks for ever on a value that does not match.
      for (const char of piece.text.replace(/\*{2,}/g, '*')) source += char === '*' ? '[\\s\\S]*' : char === '?' ? '[\\s\\S]' : escapeRegex(char);
    }
  }
  const cacheKey = `${ignoreCase ? 'i' : 's'}${source}`;
  let regex = regexCache.get(cacheKey);
  if (!regex) {
    if (regexCache.size > 10_000) regexCache.clear();
    regex = new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
    regexCache.set(cacheKey, regex);
  }
  return regex;
}

type Matcher = (value: string) => boolean;

/**
 * Compiled matchers by pattern. A simulation over thousands of statements tests the same
 * patterns again and again (the editor repeats requests, a quiz asks several questions), so
 * each pattern is turned into a closure once: a plain comparison when it has no wildcard, a
 * prefix test before the regex when it has.
 */
const compiledExact = new Map<string, Matcher>();
/** Case-insensitive matchers take the value already in lower case. */
const compiledLower = new Map<string, Matcher>();

function compile(pattern: string, ignoreCase: boolean): Matcher {
  const cache = ignoreCase ? compiledLower : compiledExact;
  let matcher = cache.get(pattern);
  if (matcher) return matcher;
  const text = ignoreCase ? pattern.toLowerCase() : pattern;
  if (text === '*') matcher = () => true;
  else if (!/[*?]/.test(text)) matcher = (value) => value === text;
  else {
    const pieces = [{ text, fromVariable: false }];
    const prefix = literalPrefix(pieces);
    const regex = piecesToRegex(pieces, false);
    matcher = (value) => value.startsWith(prefix) && regex.test(value);
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(pattern, matcher);
  return matcher;
}

/** The request's action in lower case, remembered: every statement compares the same action. */
let lastAction = '';
let lastActionLower = '';
function lower(value: string): string {
  if (value !== lastAction) {
    lastAction = value;
    lastActionLower = value.toLowerCase();
  }
  return lastActionLower;
}

/** A wildcard pattern without variables against a value. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  return compile(pattern, ignoreCase)(ignoreCase ? value.toLowerCase() : value);
}

/** Action or NotAction entry against the requested action (`s3:Get*` vs `s3:GetObject`): case-insensitive. */
export function matchAction(pattern: string, action: string): boolean {
  return compile(pattern, true)(lower(action));
}

/** The matchers of an Action or NotAction list, compiled once per parsed element. */
const elementMatchers = new WeakMap<object, Matcher[]>();

/** The index of the first entry of the list that matches the action, or -1. */
export function findAction(element: { readonly strings: readonly { readonly value: string }[] }, action: string): number {
  let matchers = elementMatchers.get(element);
  if (!matchers) {
    matchers = element.strings.map((s) => compile(s.value, true));
    elementMatchers.set(element, matchers);
  }
  const value = lower(action);
  for (let i = 0; i < matchers.length; i++) if (matchers[i]!(value)) return i;
  return -1;
}

/** Splits at the first five colons that are not inside `${…}`: arn, partition, service, region, account, resource. */
export function arnSegments(text: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length && segments.length < 5; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0) {
      segments.push(text.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(text.slice(start));
  return segments;
}

export type ArnMatch = { readonly matched: boolean; readonly missingVariable?: string };

const MATCHED: ArnMatch = { matched: true };
const NOT_MATCHED: ArnMatch = { matched: false };

/**
 * How wildcards behave segment by segment. Resource element (reference_policies_elements_resource.html,
 * "Using wildcards in resource ARNs"): `*` and `?` stay within their colon-separated segment,
 * except that a `*` that is the last character of a segment "can expand to match beyond colon
 * boundaries", and the resource part may itself contain colons. Arn… condition operators
 * (reference_policies_elements_condition_operators.html#Conditions_ARN) check the six parts
 * separately, so there a `*` never leaves its segment (the resource part still takes the rest).
 */
export type ArnWildcards = 'resource' | 'condition';

function arnRegex(segments: readonly (readonly ValuePiece[])[], mode: ArnWildcards): { prefix: string; regex: RegExp } {
  let source = '';
  segments.forEach((pieces, i) => {
    if (i > 0) source += ':';
    const final = i === segments.length - 1;
    pieces.forEach((piece, p) => {
      if (piece.fromVariable) {
        source += escapeRegex(piece.text);
        return;
      }
      const lastPiece = p === pieces.length - 1;
      // "**" means what "*" means (see piecesToRegex).
      const text = piece.text.replace(/\*{2,}/g, '*');
      for (let c = 0; c < text.length; c++) {
        const char = text[c]!;
        const endsSegment = lastPiece && c === text.length - 1;
        if (char === '*') source += final || (mode === 'resource' && endsSegment) ? '[\\s\\S]*' : '[^:]*';
        else if (char === '?') source += final ? '[\\s\\S]' : '[^:]';
        else source += escapeRegex(char);
      }
    });
  });
  const prefix = literalPrefix(segments.flatMap((pieces, i) => (i > 0 ? [{ text: ':', fromVariable: true }, ...pieces] : pieces)));
  return { prefix, regex: new RegExp(`^${source}$`) };
}

/** Patterns without variables, compiled once per mode. */
const staticArnPatterns = new Map<string, { prefix: string; regex: RegExp }>();

export function matchArnPattern(pattern: string, value: string, context: RequestContext, variables: boolean, mode: ArnWildcards = 'resource'): ArnMatch {
  if (pattern === '*') return MATCHED;
  let compiledPattern: { prefix: string; regex: RegExp };
  if (!variables || !pattern.includes('${')) {
    const key = `${mode === 'resource' ? 'r' : 'c'}${pattern}`;
    let entry = staticArnPatterns.get(key);
    if (!entry) {
      entry = arnRegex(
        arnSegments(pattern).map((text) => [{ text, fromVariable: false }]),
        mode,
      );
      if (staticArnPatterns.size > 50_000) staticArnPatterns.clear();
      staticArnPatterns.set(key, entry);
    }
    compiledPattern = entry;
  } else {
    const segments: ValuePiece[][] = [];
    for (const segment of arnSegments(pattern)) {
      const resolved = resolveVariables(segment, context, variables);
      if (!resolved.ok) return { matched: false, missingVariable: resolved.missing };
      segments.push([...resolved.pieces]);
    }
    compiledPattern = arnRegex(segments, mode);
  }
  // Most statements of a large policy differ from the request early: a prefix test spares the regex.
  return value.startsWith(compiledPattern.prefix) && compiledPattern.regex.test(value) ? MATCHED : NOT_MATCHED;
}
