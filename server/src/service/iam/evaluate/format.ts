import type { EvaluationRequest, EvaluationResult, PolicyTrace } from './types';

/** The readable trace of `simulate` without --json: the decision, the steps, then every policy and statement. */

const DECISION: Readonly<Record<EvaluationResult['decision'], string>> = {
  allowed: 'ALLOWED',
  'explicit-deny': 'DENIED (explicit deny)',
  'implicit-deny': 'DENIED (implicit deny: nothing allows it)',
};

export const TYPE_LABEL: Readonly<Record<PolicyTrace['type'], string>> = {
  identity: 'Identity-based policy',
  resource: 'Resource-based policy',
  scp: 'SCP',
  rcp: 'RCP',
  boundary: 'Permissions boundary',
  session: 'Session policy',
};

export function formatTrace(request: EvaluationRequest, result: EvaluationResult, who: string): string {
  const lines: string[] = [];
  lines.push(`Decision: ${DECISION[result.decision]}`);
  lines.push(result.explanation);
  lines.push('');
  lines.push(`Request: ${request.action} on ${request.resource}`);
  lines.push(
    `  by ${who}${request.principal.account ? ` (account ${request.principal.account})` : ''}; resource account ${request.resourceAccount ?? 'unknown'}`,
  );
  if (request.context.size === 0) lines.push('  context: (empty: every condition key is missing)');
  else for (const [key, values] of request.context) lines.push(`  context: ${key} = ${values.length === 1 ? values[0] : `[${values.join(', ')}]`}`);
  lines.push('');
  lines.push('Evaluation:');
  result.steps.forEach((step, i) => {
    lines.push(`  ${i + 1}. ${step}`);
  });
  for (const policy of result.policies) {
    lines.push('');
    const level = policy.type === 'scp' ? ` (level ${(policy.level ?? 0) + 1})` : '';
    lines.push(`${TYPE_LABEL[policy.type]}${level}: ${policy.file}`);
    if (!policy.valid) lines.push(`  not evaluated: ${policy.error}`);
    if (policy.valid && policy.statements.length === 0) lines.push('  (no statements)');
    for (const s of policy.statements) {
      const name = s.sid ? `"${s.sid}"` : `statement ${s.index + 1}`;
      lines.push(`  ${s.matched ? '✓' : '✗'} ${name} (line ${s.line}, ${s.effect ?? 'no Effect'}): ${s.matched ? 'applies' : 'does not apply'} — ${s.reason}`);
      for (const c of s.conditions) lines.push(`      ${c.result ? 'true ' : 'false'} ${c.operator} ${c.key}: ${c.reason}`);
    }
  }
  if (result.statements.length > 0) {
    lines.push('');
    lines.push('Deciding statements:');
    for (const s of result.statements) lines.push(`  ${s.file}:${s.line}  ${s.sid ? `"${s.sid}"` : '(no Sid)'}  ${s.effect} in the ${s.policy} policy`);
  }
  return lines.join('\n');
}
