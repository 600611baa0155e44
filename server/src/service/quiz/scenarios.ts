import type { Question, QuestionSource } from '../../protocol/quiz';
import type { Scenario } from '../notes/knowledge';
import { hash, shuffle } from './random';

/**
 * Exam-style scenario questions from the curated bank (knowledge/scenarios): a short situation,
 * four or five options, one best answer, and why each other option is wrong.
 */

/** IAM service prefixes (what a policy names) → the knowledge's service ids (what scenarios are tagged with). */
const PREFIX_TO_SERVICE: Readonly<Record<string, string>> = {
  elasticloadbalancing: 'elb-asg',
  autoscaling: 'elb-asg',
  rds: 'rds-aurora',
  'rds-db': 'rds-aurora',
  ecs: 'containers',
  ecr: 'containers',
  eks: 'containers',
  secretsmanager: 'secrets-parameters',
  ssm: 'secrets-parameters',
  cloudformation: 'cloudformation-sam',
  serverlessrepo: 'cloudformation-sam',
  logs: 'cloudwatch',
  'cognito-idp': 'cognito',
  'cognito-identity': 'cognito',
  apigateway: 'api-gateway',
  'execute-api': 'api-gateway',
  elasticbeanstalk: 'elastic-beanstalk',
  firehose: 'kinesis',
  xray: 'xray',
};

/** The service ids a topic stands for: a service id, an IAM prefix, or words of a service's name. */
export function servicesFor(topic: string): string[] {
  const lower = topic.toLowerCase().trim();
  const mapped = PREFIX_TO_SERVICE[lower];
  return mapped ? [mapped, lower] : [lower, lower.replace(/\s+/g, '-')];
}

export function scenarioQuestions(
  scenarios: readonly Scenario[],
  topic: string | undefined,
  sourceOf: (service: string) => QuestionSource,
  random: () => number,
): Question[] {
  const wanted = topic ? servicesFor(topic) : undefined;
  const words = topic?.toLowerCase();
  return scenarios
    .filter(
      (s) =>
        !wanted ||
        s.services.some((service) => wanted.includes(service)) ||
        (words !== undefined && words.length >= 3 && `${s.topic} ${s.scenario}`.toLowerCase().includes(words)),
    )
    .flatMap((s) => {
      const answer = s.options[s.answer];
      if (answer === undefined || s.why.length !== s.options.length) return [];
      const explanation = s.options.map((option, i) => `${i === s.answer ? '✓' : '✗'} ${option} — ${s.why[i]}`).join('\n');
      const question: Question = {
        id: `scenario-${hash(s.id)}`,
        type: 'scenario',
        // The service the quiz asked about, when the scenario is about several.
        topic: wanted?.find((w) => s.services.includes(w)) ?? s.services[0] ?? 'AWS',
        prompt: s.scenario,
        options: shuffle([...s.options], random),
        answer,
        explanation: `${explanation}\nSource: ${s.source}`,
        source: sourceOf(s.services[0] ?? ''),
      };
      return [question];
    });
}
