import type { StatementModel, StringListElement } from '../model';
import { evaluateConditions } from './conditions';
import { matchPrincipalElement } from './principal';
import type { EvaluatedPolicyType, EvaluationRequest, FailedElement, PrincipalMatch, StatementTrace } from './types';
import { findAction, matchArnPattern } from './wildcard';

/**
 * Whether one statement applies to the request: its Action/NotAction, Resource/NotResource,
 * Principal/NotPrincipal and Condition must all match (IAM User Guide,
 * reference_policies_elements.html). A statement that does not apply neither allows nor denies.
 */

/** Policies attached to a resource name who they let in; the others apply to their principal by attachment. */
const HAS_PRINCIPAL: ReadonlySet<EvaluatedPolicyType> = new Set(['resource', 'rcp']);

export interface StatementInput {
  readonly statement: StatementModel;
  readonly policyType: EvaluatedPolicyType;
  readonly line: number;
  /** True for Version 2012-10-17: only then are `${…}` policy variables (reference_policies_variables.html). */
  readonly variables: boolean;
}

function list(element: StringListElement | undefined): string[] {
  return element?.strings.map((s) => s.value) ?? [];
}

function quote(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

const NO_CONDITIONS: StatementTrace['conditions'] = [];

/**
 * A statement that does not apply, with its reason written only when someone reads it: most
 * statements of a large simulation do not apply, and nobody reads most of their reasons. A
 * class, not an object literal with a getter, so that V8 keeps one fast shape for all of them.
 */
class NotApplying implements StatementTrace {
  readonly matched = false;
  readonly conditions = NO_CONDITIONS;
  private written: string | undefined;
  constructor(
    readonly index: number,
    readonly sid: string | undefined,
    readonly effect: 'Allow' | 'Deny' | undefined,
    readonly line: number,
    readonly failedElement: FailedElement,
    /** How to write the reason; without it, the commonest case: the Action list misses the action. */
    private readonly why: (() => string) | undefined,
    private readonly actions?: StringListElement,
    private readonly action?: string,
  ) {}

  get reason(): string {
    this.written ??= this.why ? this.why() : `Action ${quote(list(this.actions))} does not include ${this.action}`;
    return this.written;
  }

  toJSON(): StatementTrace {
    const { index, sid, effect, line, matched, failedElement, reason, conditions } = this;
    return { index, sid, effect, line, matched, failedElement, reason, conditions };
  }
}

export function evaluateStatement(input: StatementInput, request: EvaluationRequest): StatementTrace {
  const { statement, policyType, line, variables } = input;
  const effectText = statement.effect?.value;
  const effect: 'Allow' | 'Deny' | undefined = effectText === 'Allow' || effectText === 'Deny' ? effectText : undefined;
  const sid = statement.sid?.value;
  const fail = (failedElement: FailedElement, why: () => string) => new NotApplying(statement.index, sid, effect, line, failedElement, why);

  // Effect is case-sensitive: "allow" is not an Effect IAM accepts.
  if (!effect) return fail('Effect', () => `Effect is ${effectText === undefined ? 'missing' : `"${effectText}"`}, not Allow or Deny`);

  if (statement.action) {
    // Most statements of a large simulation stop here: no closure, no string until the reason is read.
    if (findAction(statement.action, request.action) < 0)
      return new NotApplying(statement.index, sid, effect, line, 'Action', undefined, statement.action, request.action);
  } else if (statement.notAction) {
    const excluded = statement.notAction.strings[findAction(statement.notAction, request.action)];
    if (excluded !== undefined) return fail('NotAction', () => `NotAction "${excluded.value}" excludes ${request.action}`);
  } else return fail('Action', () => 'the statement has neither Action nor NotAction');

  const resourceFailure = checkResource(statement, policyType, request, variables);
  if (resourceFailure) return fail(resourceFailure.element, resourceFailure.reason);

  let principalMatch: PrincipalMatch | undefined;
  if (HAS_PRINCIPAL.has(policyType)) {
    if (statement.principal) {
      principalMatch = matchPrincipalElement(statement.principal, request.principal);
      if (!principalMatch) return fail('Principal', () => 'Principal does not name the caller, its role or its account');
    } else if (statement.notPrincipal) {
      // NotPrincipal applies to everyone it does not list (reference_policies_elements_notprincipal.html).
      if (matchPrincipalElement(statement.notPrincipal, request.principal))
        return fail('NotPrincipal', () => 'NotPrincipal lists the caller, so the statement does not apply to it');
      principalMatch = 'any';
    } else return fail('Principal', () => `a statement of ${policyType === 'rcp' ? 'an RCP' : 'a resource-based policy'} needs Principal or NotPrincipal`);
  }

  const conditions = evaluateConditions(statement.condition, request.context, variables);
  if (!conditions.matched) {
    const failed = conditions.traces.find((t) => !t.result);
    return {
      index: statement.index,
      sid,
      effect,
      line,
      conditions: conditions.traces,
      principalMatch,
      matched: false,
      failedElement: 'Condition',
      reason: `Condition: ${failed?.reason ?? 'false'}`,
    };
  }
  const reason =
    conditions.traces.length > 0
      ? `action, resource${principalMatch ? ', principal' : ''} and every condition match`
      : `action and resource${principalMatch ? ' and principal' : ''} match (no Condition)`;
  return { index: statement.index, sid, effect, line, conditions: conditions.traces, principalMatch, matched: true, reason };
}

function checkResource(
  statement: StatementModel,
  policyType: EvaluatedPolicyType,
  request: EvaluationRequest,
  variables: boolean,
): { element: FailedElement; reason: () => string } | undefined {
  const match = (pattern: string) => matchArnPattern(pattern, request.resource, request.context, variables);
  if (statement.resource) {
    let missing: string | undefined;
    for (const pattern of statement.resource.strings) {
      const r = match(pattern.value);
      if (r.matched) return undefined;
      missing ??= r.missingVariable;
    }
    return {
      element: 'Resource',
      reason: () =>
        missing
          ? `Resource ${quote(list(statement.resource))} uses \${${missing}}, which the request does not have, and nothing else matches ${request.resource}`
          : `Resource ${quote(list(statement.resource))} does not match ${request.resource}`,
    };
  }
  if (statement.notResource) {
    const patterns = list(statement.notResource);
    const results = patterns.map(match);
    const hit = patterns.find((_, i) => results[i]!.matched);
    if (hit !== undefined) return { element: 'NotResource', reason: () => `NotResource "${hit}" excludes ${request.resource}` };
    const missing = results.find((r) => r.missingVariable)?.missingVariable;
    // A NotResource entry that cannot be resolved cannot be checked, so the statement does not apply.
    if (missing) return { element: 'NotResource', reason: () => `NotResource uses \${${missing}}, which the request does not have` };
    return undefined;
  }
  // A resource-based policy (a trust policy, a key policy) may leave Resource out: it is the resource it is attached to.
  if (policyType === 'resource') return undefined;
  return { element: 'Resource', reason: () => 'the statement has neither Resource nor NotResource' };
}
