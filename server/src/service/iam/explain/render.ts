import type { PolicyExplanation } from './index';

/** The explanation as Markdown: the editor's preview and the CLI's text output share it. */
export function explanationMarkdown(explanation: PolicyExplanation, title: string): string {
  const lines: string[] = [`# ${title}`, '', explanation.role, '', '## Statements', ''];
  for (const s of explanation.statements) lines.push(`- **${s.sid ?? `Statement ${s.index + 1}`}** (line ${s.line}): ${s.sentence}`);
  const table = (heading: string, services: PolicyExplanation['allowed']) => {
    if (services.length === 0) return;
    lines.push('', `## ${heading}`, '', '| Service | Access | Resources | Conditions |', '|---|---|---|---|');
    for (const s of services) lines.push(`| ${s.name} (\`${s.service}\`) | ${s.access} | ${s.resources.join(', ')} | ${s.conditions.join('; ') || 'none'} |`);
  };
  table('Allowed, by service', explanation.allowed);
  table('Denied, by service', explanation.denied);
  if (explanation.everyService.length > 0) {
    lines.push('', '## Reaching every service', '');
    for (const e of explanation.everyService) lines.push(`- ${e}`);
  }
  return lines.join('\n');
}
