import type { Node } from 'jsonc-parser';
import type { PrincipalInfo, PrincipalMatch } from './types';

/**
 * Who makes the request, and whether a Principal / NotPrincipal element names them
 * (IAM User Guide, reference_policies_elements_principal.html). A role ARN in a policy stands
 * for every session of that role; an assumed-role ARN names one session; an account ID or its
 * `:root` ARN stands for every principal of the account; `"*"` for everyone.
 */

const USER = /^arn:([^:]+):iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/;
const ROLE = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;
const ROOT = /^arn:([^:]+):iam::(\d{12}):root$/;

/** Parses the principal forms the simulator accepts; undefined for anything else. */
export function parsePrincipal(arn: string): PrincipalInfo | undefined {
  let m = USER.exec(arn);
  if (m) return { type: 'user', arn, partition: m[1]!, account: m[2]!, userName: m[3]! };
  m = ROLE.exec(arn);
  if (m) return { type: 'role', arn, partition: m[1]!, account: m[2]!, roleName: m[3]! };
  m = SESSION.exec(arn);
  if (m) return { type: 'session', arn, partition: m[1]!, account: m[2]!, roleName: m[3]!, sessionName: m[4]! };
  return undefined;
}

/** A caller nobody named: only `"*"` and its own account's root match it. */
export function unknownPrincipal(account: string | undefined): PrincipalInfo {
  return { type: 'unknown', partition: 'aws', account };
}

/** How one `AWS` principal entry names the caller, if it does. */
function matchAwsEntry(entry: string, principal: PrincipalInfo): PrincipalMatch | undefined {
  if (entry === '*') return 'any';
  if (/^\d{12}$/.test(entry)) return entry === principal.account ? 'account' : undefined;
  let m = ROOT.exec(entry);
  if (m) return m[2] === principal.account ? 'account' : undefined;
  if (principal.type === 'user') return entry === principal.arn ? 'user' : undefined;
  if (principal.type === 'role' || principal.type === 'session') {
    m = ROLE.exec(entry);
    // The assumed-role ARN drops the role's path, so the role is known by account and name.
    if (m) return m[2] === principal.account && m[3] === principal.roleName ? 'role' : undefined;
    m = SESSION.exec(entry);
    if (m && principal.type === 'session')
      return m[2] === principal.account && m[3] === principal.roleName && m[4] === principal.sessionName ? 'session' : undefined;
  }
  return undefined;
}

const RANK: Readonly<Record<PrincipalMatch, number>> = { session: 5, user: 4, any: 3, role: 2, account: 1 };

/** The most direct way the element names the caller (a session ARN before the role, the role before the account). */
export function matchPrincipalElement(node: Node | undefined, principal: PrincipalInfo): PrincipalMatch | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.value === '*' ? 'any' : undefined;
  if (node.type !== 'object') return undefined;
  let best: PrincipalMatch | undefined;
  for (const property of node.children ?? []) {
    const type = property.children?.[0]?.value;
    const value = property.children?.[1];
    // Service, Federated and CanonicalUser principals never name an IAM user or role session.
    if (type !== 'AWS' || !value) continue;
    const entries = value.type === 'array' ? (value.children ?? []) : [value];
    for (const entry of entries) {
      if (entry.type !== 'string') continue;
      const match = matchAwsEntry(String(entry.value), principal);
      if (match && (!best || RANK[match] > RANK[best])) best = match;
    }
  }
  return best;
}

export function describePrincipal(principal: PrincipalInfo): string {
  switch (principal.type) {
    case 'user':
      return `IAM user ${principal.arn}`;
    case 'role':
      return `a session of role ${principal.arn}`;
    case 'session':
      return `role session ${principal.arn}`;
    default:
      return principal.account ? `an unnamed principal of account ${principal.account}` : 'an unnamed principal';
  }
}
