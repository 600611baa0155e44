import type { Node } from 'jsonc-parser';
import { parseOperator } from '../operators';

/**
 * Plain-English phrases for resources and conditions. Well-known keys get their usual meaning
 * ("only over HTTPS" for aws:SecureTransport = true); others are read out literally.
 */

/** `arn:aws:s3:::reports/*` → objects in bucket `reports`; other ARNs are quoted as written. */
export function describeResource(pattern: string): string {
  if (pattern === '*') return 'all resources';
  const s3 = /^arn:[^:]+:s3:::([^/]+)(\/(.*))?$/.exec(pattern);
  if (s3) {
    const bucket = s3[1]!;
    const key = s3[3];
    const buckets = bucket === '*' ? 'any bucket' : /[*?]/.test(bucket) ? `buckets matching \`${bucket}\`` : `bucket \`${bucket}\``;
    if (key === undefined) return buckets === 'any bucket' ? 'any bucket' : buckets;
    if (key === '*') return `objects in ${buckets}`;
    return `objects \`${key}\` in ${buckets}`;
  }
  return `\`${pattern}\``;
}

function list(values: readonly string[], joiner = 'or'): string {
  const quoted = values.map((v) => `\`${v}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted.at(-1)}`;
}

const VERB: Readonly<Record<string, string>> = {
  StringEquals: 'is',
  StringNotEquals: 'is not',
  StringEqualsIgnoreCase: 'is (ignoring case)',
  StringNotEqualsIgnoreCase: 'is not (ignoring case)',
  StringLike: 'matches',
  StringNotLike: 'does not match',
  NumericEquals: 'equals',
  NumericNotEquals: 'does not equal',
  NumericLessThan: 'is less than',
  NumericLessThanEquals: 'is at most',
  NumericGreaterThan: 'is greater than',
  NumericGreaterThanEquals: 'is at least',
  DateEquals: 'is',
  DateNotEquals: 'is not',
  DateLessThan: 'is before',
  DateLessThanEquals: 'is at or before',
  DateGreaterThan: 'is after',
  DateGreaterThanEquals: 'is at or after',
  Bool: 'is',
  BinaryEquals: 'is',
  IpAddress: 'is in',
  NotIpAddress: 'is not in',
  ArnEquals: 'is',
  ArnLike: 'matches',
  ArnNotEquals: 'is not',
  ArnNotLike: 'does not match',
};

function known(operator: string, key: string, values: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  const v = values.map((x) => x.toLowerCase());
  if (k === 'aws:securetransport' && operator === 'Bool') return v[0] === 'true' ? 'only over HTTPS' : 'only over plain HTTP (not HTTPS)';
  if (k === 'aws:multifactorauthpresent' && operator === 'Bool') return v[0] === 'true' ? 'only when signed in with MFA' : 'only without MFA';
  if (k === 'aws:sourceip' && operator === 'IpAddress') return `only from IP addresses in ${list(values)}`;
  if (k === 'aws:sourceip' && operator === 'NotIpAddress') return `only from IP addresses outside ${list(values)}`;
  if (k === 'aws:requestedregion' && operator === 'StringEquals') return `only in region ${list(values)}`;
  if (k === 'aws:principalorgid' && operator === 'StringEquals') return `only for principals of organization ${list(values)}`;
  return undefined;
}

/** One phrase per key under each operator, e.g. "only when `aws:username` is `alice`". */
export function describeConditions(condition: Node | undefined): string[] {
  if (condition?.type !== 'object') return [];
  const phrases: string[] = [];
  for (const property of condition.children ?? []) {
    const operatorText = String(property.children?.[0]?.value ?? '');
    const parsed = parseOperator(operatorText);
    const block = property.children?.[1];
    if (block?.type !== 'object') continue;
    for (const entry of block.children ?? []) {
      const key = String(entry.children?.[0]?.value ?? '');
      const valueNode = entry.children?.[1];
      const values = (valueNode?.type === 'array' ? (valueNode.children ?? []) : valueNode ? [valueNode] : []).map((n) => String(n.value));
      const name = parsed.info?.name ?? parsed.base;
      let phrase: string;
      if (name === 'Null') phrase = values[0]?.toLowerCase() === 'true' ? `only when \`${key}\` is absent` : `only when \`${key}\` is present`;
      else {
        const base = !parsed.set && !parsed.ifExists ? known(name, key, values) : undefined;
        const subject = parsed.set === 'ForAllValues' ? `every value of \`${key}\`` : parsed.set === 'ForAnyValue' ? `some value of \`${key}\`` : `\`${key}\``;
        phrase = base ?? `only when ${subject} ${VERB[name] ?? operatorText} ${list(values)}`;
        if (parsed.ifExists) phrase += ` (or \`${key}\` is absent)`;
        if (parsed.set === 'ForAllValues') phrase += ' (also true when the key is absent)';
      }
      phrases.push(phrase);
    }
  }
  return phrases;
}

/** "account 111122223333", "role `arn:…`", "everyone" — the Principal element in words. */
export function describePrincipalElement(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.value === '*' ? 'everyone' : `\`${node.value}\``;
  if (node.type !== 'object') return undefined;
  const parts: string[] = [];
  for (const property of node.children ?? []) {
    const type = String(property.children?.[0]?.value ?? '');
    const value = property.children?.[1];
    const entries = (value?.type === 'array' ? (value.children ?? []) : value ? [value] : []).map((n) => String(n.value));
    for (const entry of entries) {
      if (type === 'AWS' && entry === '*') parts.push('every AWS principal');
      else if (type === 'AWS' && /^\d{12}$|:root$/.test(entry)) parts.push(`account ${/(\d{12})/.exec(entry)?.[1] ?? entry}`);
      else if (type === 'Service') parts.push(`the service \`${entry}\``);
      else parts.push(`\`${entry}\``);
    }
  }
  return parts.join(', ');
}
