import type { PolicyKind, PolicyModel } from './model';

/**
 * Deciding whether a JSON document is an IAM policy, and which kind.
 * A configured kind (setting glob or CLI flag) wins; otherwise the content decides.
 */

const POLICY_MARKER = /"(Statement|Version)"\s*:/;

/** Cheap test on raw text before parsing, so that package.json and friends cost nothing. */
export function looksLikePolicy(text: string): boolean {
  return POLICY_MARKER.test(text.length > 200_000 ? text.slice(0, 200_000) : text);
}

/** A parsed document is a policy when its root object has a Statement, or a policy Version. */
export function isPolicyModel(model: PolicyModel): boolean {
  const root = model.root;
  if (root?.type !== 'object') return false;
  if (model.statementProperty) return true;
  return model.version?.value === '2012-10-17' || model.version?.value === '2008-10-17';
}

const TRUST_ACTION = /^sts:(AssumeRole(WithSAML|WithWebIdentity)?|TagSession|SetSourceIdentity|SetContext)$/i;

/**
 * Trust policy: Principals and only role-assumption actions. Resource policy: most
 * statements name a Principal. Otherwise identity, where a stray Principal is then
 * reported. SCPs look like identity policies, and resource control policies and VPC endpoint
 * policies like resource policies: they are only known from configuration.
 */
export function inferPolicyKind(model: PolicyModel): PolicyKind {
  const withPrincipal = model.statements.filter((s) => s.principal || s.notPrincipal).length;
  if (withPrincipal === 0 || withPrincipal * 2 < model.statements.length) return 'identity';
  const actions = model.statements.flatMap((s) => s.action?.strings ?? []);
  if (actions.length > 0 && actions.every((a) => TRUST_ACTION.test(a.value))) return 'trust';
  return 'resource';
}

export const POLICY_KINDS: readonly PolicyKind[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'endpoint'];

export function isPolicyKind(value: unknown): value is PolicyKind {
  return typeof value === 'string' && (POLICY_KINDS as readonly string[]).includes(value);
}
