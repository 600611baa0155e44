import { parsePrincipal, unknownPrincipal } from './principal';
import type { EvaluationRequest } from './types';

/**
 * A request from what a person types (CLI flags, the editor's form), with the conventions of
 * the simulate contract: the context is exactly what was given (nothing is derived from the
 * principal), and the resource's account is the one given, else the one in the resource ARN,
 * else the principal's.
 */

export interface RequestInput {
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  readonly resourceAccount?: string;
  readonly context?: ReadonlyMap<string, readonly string[]>;
}

export function buildRequest(input: RequestInput): { request: EvaluationRequest } | { error: string } {
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/.test(input.action))
    return { error: `the action must be one action as service:Action without wildcards, not "${input.action}"` };
  if (input.resource === '') return { error: 'the resource is empty: give an ARN, or * for actions without resource-level permissions' };
  if (input.resourceAccount !== undefined && !/^\d{12}$/.test(input.resourceAccount))
    return { error: `the resource account must be a 12-digit account ID, not "${input.resourceAccount}"` };
  const parsed = input.principal !== undefined ? parsePrincipal(input.principal) : undefined;
  if (input.principal !== undefined && !parsed)
    return {
      error: `the principal must be a user ARN (arn:aws:iam::111122223333:user/name), a role ARN (arn:aws:iam::111122223333:role/name) or an assumed-role ARN (arn:aws:sts::111122223333:assumed-role/role/session), not "${input.principal}"`,
    };
  const arnAccount = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(input.resource)?.[1];
  const resourceAccount = input.resourceAccount ?? arnAccount ?? parsed?.account;
  // Without a principal the caller is someone of the resource's account whom no policy names.
  const principal = parsed ?? unknownPrincipal(resourceAccount);
  return { request: { action: input.action, resource: input.resource, principal, resourceAccount, context: input.context ?? new Map() } };
}
