import type { Node } from 'jsonc-parser';
import { parseOperator } from '../operators';
import { ipInBlock } from './ip';
import type { ConditionTrace, RequestContext } from './types';
import { lookup, plainText, resolveVariables } from './variables';
import { matchArnPattern, matchPieces } from './wildcard';

/**
 * The Condition element. IAM User Guide, reference_policies_multi-value-conditions.html:
 * several operators, and several keys under one operator, are ANDed; several values for one
 * key are ORed. Operators: reference_policies_elements_condition_operators.html. Keys that are
 * missing from the request: a condition on a missing key is false, except for the negated
 * operators (StringNotEquals, NotIpAddress, ArnNotLike…), which are true, `…IfExists`, which
 * is true, and Null. Set operators (ForAllValues / ForAnyValue):
 * reference_policies_condition-single-vs-multi-valued-context-keys.html — ForAllValues is true
 * when every request value matches some policy value, and also when the key is missing or
 * empty; ForAnyValue needs at least one matching value, so it is false when missing or empty.
 */

/** The positive operator each negated one negates. */
const POSITIVE_OF: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

export interface ConditionResult {
  readonly matched: boolean;
  readonly traces: readonly ConditionTrace[];
}

/** Scalar JSON values as IAM reads them: strings, numbers and booleans all become text. */
function valuesOf(node: Node | undefined): string[] {
  if (!node) return [];
  const entries = node.type === 'array' ? (node.children ?? []) : [node];
  return entries.filter((e) => e.type === 'string' || e.type === 'number' || e.type === 'boolean').map((e) => String(e.value));
}

export function evaluateConditions(condition: Node | undefined, context: RequestContext, variables: boolean): ConditionResult {
  if (!condition) return { matched: true, traces: [] };
  if (condition.type !== 'object') {
    return { matched: false, traces: [{ operator: '', key: '', policyValues: [], result: false, reason: 'the Condition element is not an object' }] };
  }
  const traces: ConditionTrace[] = [];
  for (const property of condition.children ?? []) {
    const operator = String(property.children?.[0]?.value ?? '');
    const block = property.children?.[1];
    if (block?.type !== 'object') {
      traces.push({ operator, key: '', policyValues: [], result: false, reason: `${operator} does not hold an object of keys` });
      continue;
    }
    for (const entry of block.children ?? []) {
      const key = String(entry.children?.[0]?.value ?? '');
      traces.push(evaluateOne(operator, key, valuesOf(entry.children?.[1]), context, variables));
    }
  }
  // Every condition is evaluated (not only up to the first failure) so that the trace shows them all.
  return { matched: traces.every((t) => t.result), traces };
}

function show(values: readonly string[]): string {
  return values.length === 1 ? `"${values[0]}"` : `[${values.map((v) => `"${v}"`).join(', ')}]`;
}

export function evaluateOne(operator: string, key: string, policyValues: readonly string[], context: RequestContext, variables: boolean): ConditionTrace {
  const parsed = parseOperator(operator);
  const requestValues = lookup(context, key);
  const base = { operator, key, policyValues, requestValues };
  if (!parsed.info) return { ...base, result: false, reason: `${operator} is not a condition operator IAM knows, so the condition cannot be true` };
  const info = parsed.info;
  const missing = requestValues === undefined;
  const present = missing ? '' : `${key} = ${show(requestValues)}`;

  if (info.category === 'Null') {
    // Null: "true" asks for the key to be absent, "false" for it to be present (reference_policies_elements_condition_operators.html#Conditions_Null).
    const isNull = missing || requestValues.length === 0;
    const result = policyValues.some((v) => (v.toLowerCase() === 'true') === isNull);
    return { ...base, result, reason: `Null: ${key} is ${isNull ? 'absent' : 'present'} and the policy asks for ${show(policyValues)} (true = absent)` };
  }

  // A missing policy variable in a value makes the whole condition fail (reference_policies_variables.html).
  const resolved: string[] = [];
  for (const value of policyValues) {
    const r = resolveVariables(value, context, variables);
    if (!r.ok)
      return {
        ...base,
        result: false,
        reason: `the policy variable \${${r.missing}} in "${value}" has no value in the request, so the condition does not match`,
      };
    resolved.push(value);
  }

  const positiveName = POSITIVE_OF[info.name] ?? info.name;
  const matchesOne = (requestValue: string): boolean => resolved.some((p) => compare(positiveName, p, requestValue, context, variables));
  const negated = info.negated;
  // For a negated operator, a request value "satisfies" it when it matches none of the policy's values.
  const satisfies = (requestValue: string) => (negated ? !matchesOne(requestValue) : matchesOne(requestValue));

  if (parsed.set) {
    const values = requestValues ?? [];
    if (values.length === 0) {
      if (missing && parsed.ifExists) return { ...base, result: true, reason: `${key} is missing and ${operator} ends in IfExists, so the condition is true` };
      const result = parsed.set === 'ForAllValues';
      return {
        ...base,
        result,
        reason: result
          ? `${key} is ${missing ? 'missing' : 'empty'}: ForAllValues is true when there are no values to check`
          : `${key} is ${missing ? 'missing' : 'empty'}: ForAnyValue needs at least one value, so it is false`,
      };
    }
    if (parsed.set === 'ForAllValues') {
      const failing = values.find((v) => !satisfies(v));
      return failing === undefined
        ? { ...base, result: true, reason: `every value of ${present} satisfies ${info.name} ${show(policyValues)}` }
        : { ...base, result: false, reason: `ForAllValues: "${failing}" of ${present} does not satisfy ${info.name} ${show(policyValues)}` };
    }
    const passing = values.find((v) => satisfies(v));
    return passing !== undefined
      ? { ...base, result: true, reason: `ForAnyValue: "${passing}" of ${present} satisfies ${info.name} ${show(policyValues)}` }
      : { ...base, result: false, reason: `ForAnyValue: no value of ${present} satisfies ${info.name} ${show(policyValues)}` };
  }

  // Without a set operator, an empty list is no value at all: the key counts as missing.
  if (missing || requestValues.length === 0) {
    if (parsed.ifExists) return { ...base, result: true, reason: `${key} is missing and ${operator} ends in IfExists, so the condition is true` };
    return negated
      ? { ...base, result: true, reason: `${key} is missing; a negated operator (${info.name}) is true for a missing key` }
      : { ...base, result: false, reason: `${key} is missing from the request, so ${info.name} is false` };
  }
  // Without a set operator, several request values count as a match when any of them matches (and, negated, when none does).
  const anyMatch = requestValues.some(matchesOne);
  const result = negated ? !anyMatch : anyMatch;
  const verb = anyMatch ? 'matches' : 'matches none of';
  return { ...base, result, reason: `${info.name}: ${present} ${verb} ${show(policyValues)}${negated ? ` (negated: ${result ? 'true' : 'false'})` : ''}` };
}

function toNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** ISO 8601 dates and times, or epoch seconds (reference_policies_elements_condition_operators.html#Conditions_Date). */
export function toDate(text: string): number | undefined {
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text) * 1000;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function ordered(name: string, policy: number | undefined, request: number | undefined): boolean {
  if (policy === undefined || request === undefined) return false;
  if (name.endsWith('LessThanEquals')) return request <= policy;
  if (name.endsWith('LessThan')) return request < policy;
  if (name.endsWith('GreaterThanEquals')) return request >= policy;
  if (name.endsWith('GreaterThan')) return request > policy;
  return request === policy;
}

/** The positive comparison of one policy value with one request value. */
function compare(name: string, policyValue: string, requestValue: string, context: RequestContext, variables: boolean): boolean {
  switch (name) {
    case 'StringEquals':
      return plain(policyValue, context, variables) === requestValue;
    case 'StringEqualsIgnoreCase':
      return plain(policyValue, context, variables)?.toLowerCase() === requestValue.toLowerCase();
    case 'StringLike': {
      const r = resolveVariables(policyValue, context, variables);
      return r.ok && matchPieces(r.pieces, requestValue, false);
    }
    case 'Bool':
      return policyValue.toLowerCase() === requestValue.toLowerCase();
    case 'BinaryEquals':
      return Buffer.from(policyValue, 'base64').equals(Buffer.from(requestValue, 'base64'));
    case 'IpAddress':
      return ipInBlock(requestValue, policyValue);
    case 'ArnEquals':
    case 'ArnLike':
      // Both compare the six colon-separated parts one by one, wildcards allowed in each.
      return requestValue.startsWith('arn:') && matchArnPattern(policyValue, requestValue, context, variables, 'condition').matched;
    default:
      if (name.startsWith('Numeric')) return ordered(name, toNumber(plain(policyValue, context, variables) ?? ''), toNumber(requestValue));
      if (name.startsWith('Date')) return ordered(name, toDate(plain(policyValue, context, variables) ?? ''), toDate(requestValue));
      return false;
  }
}

function plain(value: string, context: RequestContext, variables: boolean): string | undefined {
  const r = resolveVariables(value, context, variables);
  return r.ok ? plainText(r.pieces) : undefined;
}
