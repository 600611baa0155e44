import { type ValuePiece, resolveVariables, type Resolved } from './variables';
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
    else for (const char of piece.text) source += char === '*' ? '[\\s\\S]*' : char === '?' ? '[\\s\\S]' : escapeRegex(char);
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

/**
 * A Resource pattern (or an ArnLike value) against an ARN, one segment at a time: a wildcard
 * in the region segment cannot swallow the account, but the last segment (the resource part)
 * may contain colons and `*` spans them. A pattern with fewer segments lets its last one take
 * the rest of the ARN. `*` alone matches everything, ARN or not.
 */
const MATCHED: ArnMatch = { matched: true };
const NOT_MATCHED: ArnMatch = { matched: false };

/** Segments of the last few request values: every statement of a simulation splits the same resource. */
const valueSegmentCache = new Map<string, string[]>();

function valueSegmentsOf(value: string): string[] {
  let segments = valueSegmentCache.get(value);
  if (!segments) {
    if (valueSegmentCache.size > 256) valueSegmentCache.clear();
    segments = arnSegments(value);
    valueSegmentCache.set(value, segments);
  }
  return segments;
}

/** A pattern without variables, split and compiled once. */
const staticArnPatterns = new Map<string, { segments: Matcher[]; whole: Matcher }>();

function staticArnPattern(pattern: string): { segments: Matcher[]; whole: Matcher } {
  let entry = staticArnPatterns.get(pattern);
  if (!entry) {
    entry = { segments: arnSegments(pattern).map((segment) => compile(segment, false)), whole: compile(pattern, false) };
    if (staticArnPatterns.size > 50_000) staticArnPatterns.clear();
    staticArnPatterns.set(pattern, entry);
  }
  return entry;
}

export function matchArnPattern(pattern: string, value: string, context: RequestContext, variables: boolean): ArnMatch {
  if (pattern === '*') return MATCHED;
  const valueSegments = valueSegmentsOf(value);
  if (!variables || !pattern.includes('${')) {
    const { segments, whole } = staticArnPattern(pattern);
    if (segments.length === 1 || valueSegments.length === 1) return whole(value) ? MATCHED : NOT_MATCHED;
    for (let i = 0; i < segments.length; i++) {
      const last = i === segments.length - 1;
      const target = last ? (i === valueSegments.length - 1 ? valueSegments[i] : valueSegments.slice(i).join(':')) : valueSegments[i];
      if (target === undefined || !segments[i]!(target)) return NOT_MATCHED;
    }
    return MATCHED;
  }
  const patternSegments = arnSegments(pattern);
  const resolved: Resolved[] = patternSegments.map((segment) => resolveVariables(segment, context, variables));
  const missing = resolved.find((r) => !r.ok);
  if (missing && !missing.ok) return { matched: false, missingVariable: missing.missing };
  if (patternSegments.length === 1 || valueSegments.length === 1) {
    const pieces = resolved.flatMap((r, i) => (r.ok ? [...(i > 0 ? [{ text: ':', fromVariable: true }] : []), ...r.pieces] : []));
    return { matched: matchPieces(pieces, value, false) };
  }
  for (let i = 0; i < patternSegments.length; i++) {
    const r = resolved[i]!;
    if (!r.ok) return { matched: false };
    const last = i === patternSegments.length - 1;
    const target = last ? valueSegments.slice(i).join(':') : valueSegments[i];
    if (target === undefined) return { matched: false };
    if (!matchPieces(r.pieces, target, false)) return { matched: false };
  }
  return { matched: true };
}
