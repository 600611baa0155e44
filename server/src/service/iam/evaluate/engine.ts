import { evaluatePolicy, RCP_FULL_AWS_ACCESS } from './policies';
import { describePrincipal } from './principal';
import type {
  DecidingStatement,
  EvaluatedPolicyType,
  EvaluationRequest,
  EvaluationResult,
  PolicyInput,
  PolicyTrace,
  PrincipalMatch,
  StatementTrace,
} from './types';

/**
 * The decision across policies, following the IAM User Guide (reference_policies_evaluation-logic.html
 * and the pages it leads to):
 * - reference_policies_evaluation-logic_policy-eval-denyallow.html: an explicit Deny in any
 *   applicable policy wins; then SCPs, RCPs, the resource-based policy, identity-based
 *   policies, the permissions boundary and the session policy in turn.
 * - reference_policies_evaluation-logic-cross-account.html: across accounts, both the
 *   caller's identity-based policies and the resource's policy must allow.
 * - access_policies_boundaries.html: within an account, a resource-based policy that names an
 *   IAM user or a role session grants on its own (an implicit deny in the boundary or session
 *   policy does not limit it); one that names the role ARN is limited by both; one that names
 *   the account defers to the identity-based policies.
 * - kms/latest/developerguide/control-access.html (key-policies.html): no principal uses a KMS
 *   key unless the key policy allows it, directly or by allowing the account so that IAM
 *   policies can.
 */

interface Matched {
  readonly policy: PolicyTrace;
  readonly statement: StatementTrace;
}

function deciding({ policy, statement }: Matched): DecidingStatement {
  return { file: policy.file, line: statement.line, sid: statement.sid, effect: statement.effect!, policy: policy.type };
}

function label({ policy, statement }: Matched): string {
  return `${statement.sid ? `"${statement.sid}"` : `statement ${statement.index + 1}`} (${policy.file}:${statement.line})`;
}

/** The first few labels, then a count: a large policy can match hundreds of statements. */
function labels(list: readonly Matched[]): string {
  const shown = list.slice(0, 3).map(label).join(', ');
  return list.length > 3 ? `${shown} and ${list.length - 3} more` : shown;
}

export function evaluateRequest(request: EvaluationRequest, inputs: readonly PolicyInput[]): EvaluationResult {
  const withRcp = inputs.some((p) => p.type === 'rcp') ? [...inputs, RCP_FULL_AWS_ACCESS] : inputs;
  const policies = withRcp.map((input) => evaluatePolicy(input, request));
  const matched = (type: EvaluatedPolicyType | undefined, effect: 'Allow' | 'Deny', within = policies): Matched[] =>
    within
      .filter((p) => type === undefined || p.type === type)
      .flatMap((policy) => policy.statements.filter((s) => s.matched && s.effect === effect).map((statement) => ({ policy, statement })));
  const steps: string[] = [];
  const result = (decision: EvaluationResult['decision'], statements: Matched[], explanation: string): EvaluationResult => ({
    decision,
    statements: statements.map(deciding),
    explanation,
    steps,
    policies,
  });

  // 1. Explicit deny anywhere.
  const denies = matched(undefined, 'Deny');
  if (denies.length > 0) {
    steps.push(`Explicit deny: ${labels(denies)} matches.`);
    const where = [...new Set(denies.map((d) => policyName(d.policy.type)))].join(' and ');
    return result(
      'explicit-deny',
      denies,
      `Denied explicitly: ${label(denies[0]!)} in the ${where} matches the request, and an explicit Deny in any applicable policy overrides every Allow.`,
    );
  }
  steps.push('Explicit deny: no Deny statement matches.');

  // 2. SCPs: every level of the organisation (root, OUs, account) must allow.
  const levels = [...new Set(policies.filter((p) => p.type === 'scp').map((p) => p.level ?? 0))].sort((a, b) => a - b);
  for (const level of levels) {
    const atLevel = policies.filter((p) => p.type === 'scp' && (p.level ?? 0) === level);
    const allows = matched('scp', 'Allow', atLevel);
    if (allows.length === 0) {
      const files = atLevel.map((p) => p.file).join(', ');
      steps.push(`SCPs: level ${level + 1} (${files}) allows nothing that matches.`);
      return result(
        'implicit-deny',
        [],
        `Denied implicitly by the SCPs: level ${level + 1} of the organisation (${files}) has no Allow for ${request.action} on this resource, and every level from the root down to the account must allow.`,
      );
    }
    steps.push(`SCPs: level ${level + 1} allows through ${labels(allows)}.`);
  }

  // 3. RCPs: RCPFullAWSAccess is always attached, so the RCPs can only take away.
  if (policies.some((p) => p.type === 'rcp')) {
    const allows = matched('rcp', 'Allow');
    if (allows.length === 0) {
      steps.push('RCPs: nothing allows.');
      return result('implicit-deny', [], 'Denied implicitly by the RCPs: no resource control policy allows the request.');
    }
    steps.push(`RCPs: allowed (${labels(allows)}).`);
  }

  const principalAccount = request.principal.account;
  const resourceAccount = request.resourceAccount ?? principalAccount;
  const crossAccount = principalAccount !== undefined && resourceAccount !== undefined && principalAccount !== resourceAccount;
  const isKms = request.action.toLowerCase().startsWith('kms:');
  const hasResourcePolicy = policies.some((p) => p.type === 'resource');
  const boundary = policies.filter((p) => p.type === 'boundary');
  const session = policies.filter((p) => p.type === 'session');

  const identityAllows = matched('identity', 'Allow');
  const boundaryAllows = matched('boundary', 'Allow');
  const sessionAllows = matched('session', 'Allow');
  const boundaryOk = boundary.length === 0 || boundaryAllows.length > 0;
  const sessionOk = session.length === 0 || sessionAllows.length > 0;
  const identityPath = identityAllows.length > 0 && boundaryOk && sessionOk;

  const resourceAllows = matched('resource', 'Allow');
  const byMatch = (kinds: readonly PrincipalMatch[]) => resourceAllows.filter((m) => m.statement.principalMatch && kinds.includes(m.statement.principalMatch));
  const direct = byMatch(['user', 'session', 'any']);
  const role = byMatch(['role']);
  const account = byMatch(['account']);

  const who = describePrincipal(request.principal);
  const resourceWord = isKms ? 'key policy' : 'resource-based policy';
  steps.push(
    hasResourcePolicy
      ? `${cap(resourceWord)}: ${resourceAllows.length > 0 ? `allows through ${labels(resourceAllows)}` : 'nothing allows'}.`
      : `${cap(resourceWord)}: none given.`,
  );
  steps.push(`Identity-based policies: ${identityAllows.length > 0 ? `allow through ${labels(identityAllows)}` : 'nothing allows'}.`);
  if (boundary.length > 0) steps.push(`Permissions boundary: ${boundaryOk ? 'allows' : 'does not allow'} the request.`);
  if (session.length > 0) steps.push(`Session policy: ${sessionOk ? 'allows' : 'does not allow'} the request.`);

  const limits = (): string => {
    const parts: string[] = [];
    if (!boundaryOk) parts.push('the permissions boundary does not allow it');
    if (!sessionOk) parts.push('the session policy does not allow it');
    return parts.join(' and ');
  };
  const identityMissing = (): string =>
    identityAllows.length === 0
      ? `no identity-based policy of ${who} allows ${request.action} on ${request.resource}`
      : `the identity-based policies allow it but ${limits()}`;

  if (crossAccount) {
    // Cross-account: the identity side (with its boundary and session policy) and the resource side must both allow.
    if (!hasResourcePolicy || resourceAllows.length === 0) {
      const why = hasResourcePolicy
        ? `the ${resourceWord} of account ${resourceAccount} does not allow ${who}`
        : `no ${resourceWord} of account ${resourceAccount} was given`;
      return result(
        'implicit-deny',
        [],
        `Denied implicitly: the request crosses accounts (${principalAccount} → ${resourceAccount}), which needs an Allow on both sides, and ${why}.`,
      );
    }
    if (!identityPath)
      return result(
        'implicit-deny',
        [],
        `Denied implicitly: the request crosses accounts (${principalAccount} → ${resourceAccount}); the ${resourceWord} allows it, but ${identityMissing()}.`,
      );
    return result(
      'allowed',
      [...identityAllows, ...resourceAllows],
      `Allowed: a cross-account request needs both sides, and both allow — the identity-based policy in ${principalAccount} and the ${resourceWord} in ${resourceAccount}.`,
    );
  }

  if (isKms) {
    if (!hasResourcePolicy)
      return result('implicit-deny', [], 'Denied implicitly: a KMS key can be used only when its key policy allows it, and no key policy was given.');
    if (resourceAllows.length === 0)
      return result(
        'implicit-deny',
        [],
        `Denied implicitly: the key policy allows neither ${who} nor its account, and IAM policies alone never grant access to a KMS key.`,
      );
  }

  // Same account: the union of what the resource-based policy grants on its own and what the identity-based path grants.
  if (direct.length > 0) {
    return result(
      'allowed',
      // Identity-based Allows that also apply granted too: list them with the resource's.
      [...(identityPath ? identityAllows : []), ...direct],
      `Allowed: the ${resourceWord} names the caller directly (${label(direct[0]!)}), which within one account is enough on its own; an implicit deny in identity-based policies, a permissions boundary or a session policy does not limit it.`,
    );
  }
  if (role.length > 0 && boundaryOk && sessionOk) {
    return result(
      'allowed',
      [...(identityPath ? identityAllows : []), ...role],
      `Allowed: the ${resourceWord} names the role (${label(role[0]!)}); within one account that grants without an identity-based policy, though a permissions boundary and a session policy still have to allow it.`,
    );
  }
  if (identityPath) {
    const viaAccount =
      account.length > 0 ? `; the ${resourceWord} ${isKms ? 'delegates to the account, so IAM policies decide' : 'also allows the account'}` : '';
    return result(
      'allowed',
      [...identityAllows, ...account],
      `Allowed: ${label(identityAllows[0]!)} in the identity-based policies allows the request${boundary.length ? ', the permissions boundary allows it' : ''}${session.length ? ', the session policy allows it' : ''}${viaAccount}.`,
    );
  }
  if (role.length > 0)
    return result(
      'implicit-deny',
      [],
      `Denied implicitly: the ${resourceWord} names the role ARN, and grants made to the role (not to the session) are limited by the role's boundary and session policy: ${limits()}.`,
    );
  if (isKms && account.length > 0)
    return result(
      'implicit-deny',
      [],
      `Denied implicitly: the key policy delegates to the account, so an IAM policy must also allow, and ${identityMissing()}.`,
    );
  if (account.length > 0)
    return result(
      'implicit-deny',
      [],
      `Denied implicitly: the ${resourceWord} allows only the account (${label(account[0]!)}), which hands the decision to the identity-based policies, and ${identityMissing()}.`,
    );
  return result(
    'implicit-deny',
    [],
    `Denied implicitly: nothing allows the request — ${identityMissing()}${hasResourcePolicy ? ` and the ${resourceWord} does not allow it either` : ''}.`,
  );
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

function policyName(type: EvaluatedPolicyType): string {
  return {
    identity: 'identity-based policy',
    resource: 'resource-based policy',
    scp: 'SCP',
    rcp: 'RCP',
    boundary: 'permissions boundary',
    session: 'session policy',
  }[type];
}
