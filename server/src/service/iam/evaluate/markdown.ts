import { TYPE_LABEL } from './format';
import type { EvaluationRequest, EvaluationResult } from './types';

/**
 * The trace as Markdown for the editor's preview beside the policy: the decision, the deciding
 * statements as links to their lines, the evaluation steps in order (the rule of the AWS policy
 * evaluation logic each one illustrates), and a table per policy. `link` turns a policy's file
 * (a URI in the editor) and a 1-based line into a link target.
 */

const DECISION_TITLE: Readonly<Record<EvaluationResult['decision'], string>> = {
  allowed: '✅ Allowed',
  'explicit-deny': '⛔ Denied — explicit deny',
  'implicit-deny': '🚫 Denied — implicit deny (nothing allows it)',
};

const LOGIC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatTraceMarkdown(request: EvaluationRequest, result: EvaluationResult, who: string, link: (file: string, line: number) => string): string {
  const lines: string[] = [`# ${DECISION_TITLE[result.decision]}`, '', result.explanation, ''];
  lines.push(`**Request:** \`${request.action}\` on \`${request.resource}\` by ${who}.`, '');
  if (request.context.size === 0) lines.push('**Context:** empty — every condition key is missing.', '');
  else {
    lines.push('**Context:**', '');
    for (const [key, values] of request.context) lines.push(`- \`${key}\` = ${values.map((v) => `\`${v}\``).join(', ') || '(empty)'}`);
    lines.push('');
  }
  if (result.statements.length > 0) {
    lines.push('## Deciding statements', '');
    for (const s of result.statements) {
      const name = s.sid ? `"${s.sid}"` : `line ${s.line}`;
      lines.push(`- [${name}](${link(s.file, s.line)}) — ${s.effect} in the ${s.policy} policy (${s.file.slice(s.file.lastIndexOf('/') + 1)}:${s.line})`);
    }
    lines.push('');
  }
  lines.push(`## Evaluation steps ([the AWS policy evaluation logic](${LOGIC}))`, '');
  result.steps.forEach((step, i) => {
    lines.push(`${i + 1}. ${step}`);
  });
  for (const policy of result.policies) {
    const level = policy.type === 'scp' ? ` (level ${(policy.level ?? 0) + 1})` : '';
    lines.push('', `## ${TYPE_LABEL[policy.type]}${level}: ${policy.file.slice(policy.file.lastIndexOf('/') + 1)}`, '');
    if (!policy.valid) {
      lines.push(`Not evaluated: ${policy.error}.`);
      continue;
    }
    lines.push('| Statement | Effect | Applies | Why |', '|---|---|---|---|');
    for (const s of policy.statements) {
      const name = s.sid ? `"${s.sid}"` : `#${s.index + 1}`;
      lines.push(`| [${cell(name)}](${link(policy.file, s.line)}) | ${s.effect ?? '—'} | ${s.matched ? 'yes' : 'no'} | ${cell(s.reason)} |`);
    }
  }
  return lines.join('\n');
}
