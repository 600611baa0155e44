import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  evaluateRequest,
  parsePrincipal,
  unknownPrincipal,
  type Decision,
  type EvaluationResult,
  type PolicyInput,
} from '../../../server/src/service/iam/evaluate';

/**
 * Table-driven evaluation cases: each names the documented rule it checks, the policies, the
 * request and the decision IAM would reach. Policies are written as statement lists and
 * wrapped in a 2012-10-17 document here (a case can give the whole document as a string).
 */

export const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';

export type Statement = Record<string, unknown>;
type Doc = readonly Statement[] | string;

export interface Case {
  readonly name: string;
  /** The documentation page (and rule) the case checks. */
  readonly rule: string;
  readonly action?: string;
  readonly resource?: string;
  readonly principal?: string;
  readonly resourceAccount?: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  readonly identity?: Doc | readonly Doc[];
  readonly resourcePolicy?: Doc;
  /** One entry per organisation level. */
  readonly scp?: readonly Doc[];
  readonly rcp?: readonly Doc[];
  readonly boundary?: Doc;
  readonly session?: Doc;
  readonly expect: Decision;
  /** Sids of the statements expected to decide, in any order. */
  readonly deciding?: readonly string[];
}

export const USER = 'arn:aws:iam::111122223333:user/alice';
export const ROLE = 'arn:aws:iam::111122223333:role/app';
export const SESSION = 'arn:aws:sts::111122223333:assumed-role/app/build-42';
export const OTHER_USER = 'arn:aws:iam::444455556666:user/bob';

export function document(doc: Doc): string {
  return typeof doc === 'string' ? doc : JSON.stringify({ Version: '2012-10-17', Statement: doc }, null, 2);
}

function isDocList(value: Doc | readonly Doc[]): value is readonly Doc[] {
  return typeof value !== 'string' && value.length > 0 && (typeof value[0] === 'string' || Array.isArray(value[0]));
}

export function simulate(c: Case): EvaluationResult {
  const inputs: PolicyInput[] = [];
  if (c.identity) {
    const docs = isDocList(c.identity) ? c.identity : [c.identity as Doc];
    docs.forEach((doc, i) => {
      inputs.push({ type: 'identity', file: `identity${i + 1}.json`, text: document(doc) });
    });
  }
  if (c.resourcePolicy) inputs.push({ type: 'resource', file: 'resource.json', text: document(c.resourcePolicy) });
  c.scp?.forEach((doc, level) => {
    inputs.push({ type: 'scp', file: `scp${level + 1}.json`, text: document(doc), level });
  });
  c.rcp?.forEach((doc, i) => {
    inputs.push({ type: 'rcp', file: `rcp${i + 1}.json`, text: document(doc) });
  });
  if (c.boundary) inputs.push({ type: 'boundary', file: 'boundary.json', text: document(c.boundary) });
  if (c.session) inputs.push({ type: 'session', file: 'session.json', text: document(c.session) });
  const principalArn = c.principal ?? USER;
  const principal = principalArn === '' ? unknownPrincipal(c.resourceAccount) : parsePrincipal(principalArn);
  assert.ok(principal, `bad principal in case: ${principalArn}`);
  const resource = c.resource ?? 'arn:aws:s3:::reports/a.csv';
  const context = new Map(Object.entries(c.context ?? {}).map(([k, v]) => [k, typeof v === 'string' ? [v] : [...v]]));
  const arnAccount = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1];
  return evaluateRequest({ action: c.action ?? 's3:GetObject', resource, principal, resourceAccount: c.resourceAccount ?? arnAccount, context }, inputs);
}

export function runCases(cases: readonly Case[]): void {
  for (const c of cases) {
    it(`${c.name} — ${c.rule}`, () => {
      const result = simulate(c);
      const trace = () =>
        `${result.explanation}\n${result.steps.join('\n')}\n${JSON.stringify(
          result.policies.map((p) => p.statements.map((s) => `${p.file}#${s.index}: ${s.matched} ${s.reason}`)),
          null,
          1,
        )}`;
      assert.equal(result.decision, c.expect, trace());
      if (c.deciding) assert.deepEqual(result.statements.map((s) => s.sid ?? '').sort(), [...c.deciding].sort(), trace());
    });
  }
}

/** A statement that allows the default request, to which a case adds what it tests. */
export const allowAll = (extra: Statement = {}): Statement => ({ Sid: 'Allow', Effect: 'Allow', Action: '*', Resource: '*', ...extra });
export const denyAll = (extra: Statement = {}): Statement => ({ Sid: 'Deny', Effect: 'Deny', Action: '*', Resource: '*', ...extra });

// ---------------------------------------------------------------------------------------------
// Shared by the condition-operator suites and the decision suites.

export const OPS = `${DOC}reference_policies_elements_condition_operators.html`;
export const MULTI = `${DOC}reference_policies_condition-single-vs-multi-valued-context-keys.html`;
export const MULTI_LOGIC = `${DOC}reference_policies_multi-value-conditions.html`;
export const VARS = `${DOC}reference_policies_variables.html`;

/** One condition case: an identity policy allows everything under `condition`, so the request is allowed exactly when it holds. */
export type ConditionRow = [name: string, rule: string, condition: Record<string, unknown>, context: Record<string, string | string[]>, allowed: boolean];

export function conditionCases(rows: readonly ConditionRow[]): Case[] {
  return rows.map(([name, rule, Condition, context, allowed]) => ({
    name,
    rule,
    identity: [allowAll({ Condition })],
    context,
    expect: allowed ? 'allowed' : 'implicit-deny',
  }));
}

export const LOGIC = `${DOC}reference_policies_evaluation-logic_policy-eval-denyallow.html`;
export const SINGLE = `${DOC}reference_policies_evaluation-logic_policy-eval-basics.html`;
export const CROSS = `${DOC}reference_policies_evaluation-logic-cross-account.html`;
export const BOUNDARY = `${DOC}access_policies_boundaries.html`;
export const SESSIONS = `${DOC}access_policies.html#policies_session`;
export const SCP = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html';
export const RCP = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html';
export const KMS = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html';

export const BUCKET_OBJ = 'arn:aws:s3:::reports/a.csv';
/** An Allow of s3:GetObject on the reports bucket's objects, with extra elements. */
export const get = (sid: string, extra: Record<string, unknown> = {}) => ({
  Sid: sid,
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::reports/*',
  ...extra,
});
/** A bucket policy that grants s3:GetObject to `principal`. */
export const grant = (principal: string, sid = 'R') => [get(sid, { Principal: { AWS: principal } })];
