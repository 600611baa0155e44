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

/** A wildcard pattern without variables against a value. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  if (pattern === '*') return true;
  if (!/[*?]/.test(pattern)) return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  return piecesToRegex([{ text: pattern, fromVariable: false }], ignoreCase).test(value);
}

/** Action or NotAction entry against the requested action (`s3:Get*` vs `s3:GetObject`): case-insensitive. */
export function matchAction(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
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
export function matchArnPattern(pattern: string, value: string, context: RequestContext, variables: boolean): ArnMatch {
  if (pattern === '*') return { matched: true };
  const patternSegments = arnSegments(pattern);
  const valueSegments = arnSegments(value);
  const resolved: Resolved[] = patternSegments.map((segment) => resolveVariables(segment, context, variables));
  const missing = resolved.find((r) => !r.ok);
  if (missing && !missing.ok) return { matched: false, missingVariable: missing.missing };
  if (patternSegments.length === 1 || valueSegments.length === 1) {
    const pieces = resolved.flatMap((r, i) => (r.ok ? [...(i > 0 ? [{ text: ':', fromVariable: true }] : []), ...r.pieces] : []));
    return { matched: piecesToRegex(pieces, false).test(value) };
  }
  for (let i = 0; i < patternSegments.length; i++) {
    const r = resolved[i]!;
    if (!r.ok) return { matched: false };
    const last = i === patternSegments.length - 1;
    const target = last ? valueSegments.slice(i).join(':') : valueSegments[i];
    if (target === undefined) return { matched: false };
    if (!piecesToRegex(r.pieces, false).test(target)) return { matched: false };
  }
  return { matched: true };
}
