import type { Question } from '../../protocol/quiz';
import type { AppSpecAnalysis } from './analyze';
import { definedHooks } from './hooks';
import { lifecyclesOf } from './spec';

/**
 * "Quiz Me on This File" on an AppSpec: the order in which CodeDeploy runs the hooks this file
 * defines, keyed from the lifecycle in the specification data (the first lifecycle of the
 * platform that holds them all, so the order is never a guess).
 */
export function appSpecQuestions(analysis: AppSpecAnalysis, file: string): Question[] {
  const defined = definedHooks(analysis.model, analysis.platform);
  if (defined.size < 3) return [];
  const lifecycle = lifecyclesOf(analysis.platform).find((l) => [...defined].every((hook) => l.events.some((e) => e.name === hook)));
  if (!lifecycle) return [];
  const ordered = lifecycle.events.map((e) => e.name).filter((name) => defined.has(name));
  const shown = [...ordered].sort((a, b) => a.localeCompare(b));
  if (shown.every((name, i) => name === ordered[i])) shown.reverse();
  return [
    {
      id: `file-appspec-order-${analysis.platform}-${ordered.join('-').toLowerCase()}`,
      type: 'ordering',
      topic: 'AWS CodeDeploy',
      prompt: `Put the hooks this AppSpec defines in the order CodeDeploy runs them (${analysis.platform === 'ec2' ? 'EC2/on-premises' : analysis.platform}).`,
      options: shown,
      answer: ordered,
      explanation: `${lifecycle.events.map((e) => (e.reserved ? `(${e.name})` : e.name)).join(' → ')}; events in parentheses are run by CodeDeploy itself.`,
      source: { file, startLine: 1, endLine: 1, kind: 'file' },
    },
  ];
}
