import type { Question, QuestionSource } from '../../protocol/quiz';
import { APPSPEC_SPEC, lifecyclesOf } from '../appspec/spec';
import type { QuizInput } from './generate';
import { hash, shuffle } from './random';

/** Ordering and "select N" questions from the specifications: real sequences only. */
export function specQuestions(input: QuizInput, random: () => number): Question[] {
  const questions: Question[] = [];
  // Point at the bundled section that explains the sequence.
  const sourceIn = (note: string, title: RegExp): QuestionSource => {
    const section = input.sections.find((s) => s.source === 'knowledge' && s.file === note && title.test(s.title));
    return { file: input.knowledgePath(note), startLine: (section?.startLine ?? 0) + 1, endLine: (section?.endLine ?? 0) + 1, kind: 'bundled' };
  };
  const codedeploy = sourceIn('knowledge/notes/codedeploy.md', /hook|lifecycle/i);
  const codebuild = sourceIn('knowledge/notes/codebuild.md', /phase/i);
  for (const platform of ['ec2', 'ecs'] as const) {
    const lifecycle = lifecyclesOf(platform)[0];
    if (!lifecycle) continue;
    const hooks = lifecycle.events.filter((e) => !e.reserved).map((e) => e.name);
    const label = APPSPEC_SPEC.platforms[platform].label;
    const chosen =
      platform === 'ec2' ? hooks.filter((h) => ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'].includes(h)) : hooks;
    questions.push({
      id: `ordering-${hash(`codedeploy-${platform}`)}`,
      type: 'ordering',
      topic: 'AWS CodeDeploy',
      prompt: `Put these ${label} deployment hooks in the order CodeDeploy runs them.`,
      options: shuffle(chosen, random),
      answer: chosen,
      explanation: `${lifecycle.events.map((e) => (e.reserved ? `(${e.name})` : e.name)).join(' → ')}; events in parentheses are run by CodeDeploy itself.`,
      source: codedeploy,
    });
  }
  const phases = ['install', 'pre_build', 'build', 'post_build'];
  questions.push({
    id: `ordering-${hash('codebuild-phases')}`,
    type: 'ordering',
    topic: 'AWS CodeBuild',
    prompt: 'Put the buildspec phases in the order CodeBuild runs them.',
    options: shuffle(phases, random),
    answer: phases,
    explanation: 'install → pre_build → build → post_build, then the artifacts are uploaded; finally blocks run even when a command fails.',
    source: codebuild,
  });
  const evaluation = [
    'An explicit Deny in any applicable policy',
    'An Allow in an applicable policy (within SCPs, boundaries and session policies)',
    'Otherwise the implicit (default) deny',
  ];
  questions.push({
    id: `ordering-${hash('iam-evaluation')}`,
    type: 'ordering',
    topic: 'AWS IAM',
    prompt: 'Put the outcomes of IAM policy evaluation in the order IAM checks them.',
    options: shuffle(evaluation, random),
    answer: evaluation,
    explanation:
      'An explicit Deny always wins; otherwise an Allow grants access (as long as no SCP, permissions boundary or session policy leaves it out); with neither, the request is implicitly denied.',
    source: sourceIn('knowledge/notes/iam.md', /evaluat/i),
  });
  const lambda = lifecyclesOf('lambda')[0];
  if (lambda) {
    const scriptable = lambda.events.filter((e) => !e.reserved).map((e) => e.name);
    const wrong = ['Install', 'AllowTraffic', 'BeforeInstall', 'ApplicationStart'].filter((n) => !scriptable.includes(n));
    questions.push({
      id: `multi-${hash('lambda-hooks')}`,
      type: 'multi-select',
      topic: 'AWS CodeDeploy',
      prompt: `Which ${scriptable.length === 2 ? 'TWO' : String(scriptable.length)} lifecycle events of a Lambda deployment can run a hook function? (Select ${scriptable.length})`,
      options: shuffle([...scriptable, ...wrong.slice(0, 3)], random),
      answer: scriptable,
      explanation: `Lambda deployments run hooks only in ${scriptable.join(' and ')}; Start, AllowTraffic and End are run by CodeDeploy.`,
      source: codedeploy,
    });
  }
  return questions;
}
