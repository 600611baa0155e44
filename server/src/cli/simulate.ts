import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  buildRequest,
  describePrincipal,
  type EvaluatedPolicyType,
  type EvaluationResult,
  evaluateRequest,
  formatTrace,
  type PolicyInput,
  policyProblem,
} from '../service/iam/evaluate';

/** `aws-study-hints simulate`: would this request be allowed, and which statements decide? */

export const SIMULATE_USAGE = `Usage: aws-study-hints simulate --action A --resource R [--principal P] [--resource-account N]
         [--identity f.json ...] [--resource-policy f.json] [--scp f.json ...] [--rcp f.json ...]
         [--boundary f.json] [--session-policy f.json] [--context key=value ...] [--json]

Evaluates one request offline against the policies given, following AWS's policy evaluation
logic, and prints the decision with a trace of every statement (or, with --json, the decision,
the deciding statements and an explanation).

  --principal        a user ARN, a role ARN (a session of that role) or an sts assumed-role ARN
  --resource-account the account that owns the resource (default: the account in the resource
                     ARN, else the principal's); RCPs and the cross-account rule depend on it
  --scp              one file per organisation level (root, OU, account); every level must allow
                     (no FullAWSAccess is added: each file holds the Allow of its level)
  --rcp              added to RCPFullAWSAccess, which is always attached
  --context          the whole request context: keys not given are absent (nothing is derived
                     from other flags); repeat a key for a multivalued key

Exit status: 0 whatever the decision, 2 bad usage.`;

type UsageError = (message: string, usage?: string) => number;

/** Options that take a list of files: `--identity a.json b.json` and `--identity a.json --identity b.json` are the same. */
const LIST_OPTIONS = new Set(['identity', 'scp', 'rcp', 'context']);

export function simulate(args: readonly string[], usageError: UsageError): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      tokens: true,
      options: {
        action: { type: 'string' },
        resource: { type: 'string' },
        principal: { type: 'string' },
        'resource-account': { type: 'string' },
        identity: { type: 'string', multiple: true },
        'resource-policy': { type: 'string' },
        scp: { type: 'string', multiple: true },
        rcp: { type: 'string', multiple: true },
        boundary: { type: 'string' },
        'session-policy': { type: 'string' },
        context: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error), SIMULATE_USAGE);
  }
  const { values, tokens } = parsed;
  // Positionals continue the list option before them.
  const lists: Record<string, string[]> = { identity: [], scp: [], rcp: [], context: [] };
  let current: string | undefined;
  for (const token of tokens ?? []) {
    if (token.kind === 'option') {
      current = LIST_OPTIONS.has(token.name) ? token.name : undefined;
      if (current && token.value !== undefined) lists[current]!.push(token.value);
    } else if (token.kind === 'positional') {
      if (!current) return usageError(`Unexpected argument "${token.value}".`, SIMULATE_USAGE);
      lists[current]!.push(token.value);
    }
  }

  if (!values.action) return usageError('--action is required, e.g. --action s3:GetObject.', SIMULATE_USAGE);
  if (!values.resource) return usageError('--resource is required: an ARN, or * for actions without resource-level permissions.', SIMULATE_USAGE);
  const context = new Map<string, string[]>();
  for (const entry of lists.context!) {
    const eq = entry.indexOf('=');
    if (eq <= 0) return usageError(`--context takes key=value, not "${entry}".`, SIMULATE_USAGE);
    const key = entry.slice(0, eq);
    // Keys compare case-insensitively; the first spelling is kept for the trace.
    const existing = [...context.keys()].find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    context.set(existing, [...(context.get(existing) ?? []), entry.slice(eq + 1)]);
  }

  const built = buildRequest({
    action: values.action,
    resource: values.resource,
    principal: values.principal,
    resourceAccount: values['resource-account'],
    context,
  });
  if ('error' in built) return usageError(`${built.error.charAt(0).toUpperCase()}${built.error.slice(1)}.`, SIMULATE_USAGE);
  const { request } = built;
  const files: { type: EvaluatedPolicyType; path: string; level?: number }[] = [
    ...lists.identity!.map((path) => ({ type: 'identity' as const, path })),
    ...(values['resource-policy'] ? [{ type: 'resource' as const, path: values['resource-policy'] }] : []),
    ...lists.scp!.map((path, level) => ({ type: 'scp' as const, path, level })),
    ...lists.rcp!.map((path) => ({ type: 'rcp' as const, path })),
    ...(values.boundary ? [{ type: 'boundary' as const, path: values.boundary }] : []),
    ...(values['session-policy'] ? [{ type: 'session' as const, path: values['session-policy'] }] : []),
  ];
  const inputs: PolicyInput[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file.path, 'utf8');
    } catch {
      return usageError(`Cannot read ${file.path}.`, SIMULATE_USAGE);
    }
    const problem = policyProblem(text);
    if (problem) return usageError(`${file.path} is not a policy: ${problem}.`, SIMULATE_USAGE);
    inputs.push({ type: file.type, file: file.path, text, level: file.level });
  }

  const result = evaluateRequest(request, inputs);
  process.stdout.write(
    values.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : `${formatTrace(request, result, describePrincipal(request.principal))}\n`,
  );
  return 0;
}

/** The --json contract: decision, the deciding statements, explanation. */
export function toJson(result: EvaluationResult) {
  return {
    decision: result.decision,
    statements: result.statements.map((s) => ({ file: s.file, line: s.line, sid: s.sid ?? null, effect: s.effect, policy: s.policy })),
    explanation: result.explanation,
  };
}
