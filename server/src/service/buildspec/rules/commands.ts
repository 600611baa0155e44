import type { Scalar } from 'yaml';
import type { RuleDefinition } from '../../common/findings';
import type { YamlRuleContext } from '../../yaml/context';
import { findPair, isMap, isScalar, isSeq, pairsOf } from '../../yaml/model';
import { define } from './docs';

/** What the commands themselves run: AWS CLI commands that the CLI on current images no longer has. */

export const COMMAND_RULES = {
  removedCliCommand: define(
    'BSP028',
    'removed-cli-command',
    'warning',
    'aws ecr get-login was removed in AWS CLI version 2, the version current CodeBuild images come with.',
    'https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html',
  ),
} satisfies Record<string, RuleDefinition>;

const PHASES = ['install', 'pre_build', 'build', 'post_build'];
/** `aws [global options] ecr get-login`, but not get-login-password. */
const ECR_GET_LOGIN = /\baws(?:\s+--?[\w-]+(?:[= ][^\s-]\S*)?)*\s+ecr\s+get-login(?![\w-])/g;

export function checkCommands(context: YamlRuleContext): void {
  const phases = findPair(context.model.doc.contents, 'phases')?.value;
  if (!isMap(phases)) return;
  for (const phase of pairsOf(phases)) {
    if (!PHASES.includes(String((phase.key as Scalar | null)?.value)) || !isMap(phase.value)) continue;
    for (const list of ['commands', 'finally']) {
      const items = findPair(phase.value, list)?.value;
      if (!isSeq(items)) continue;
      for (const item of items.items) if (isScalar(item) && typeof item.value === 'string') checkCommand(context, item as Scalar);
    }
  }
}

function checkCommand(context: YamlRuleContext, command: Scalar): void {
  const range = command.range;
  if (!range) return;
  // The source as written, so that offsets hold for quoted and block scalars alike.
  const source = context.model.text.slice(range[0], range[1]);
  for (const match of source.matchAll(ECR_GET_LOGIN)) {
    context.report(
      COMMAND_RULES.removedCliCommand,
      context.range(range[0] + match.index, match[0].length),
      '"aws ecr get-login" was removed in AWS CLI version 2, which current CodeBuild images come with, so this command fails there. Log in with: aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <account-id>.dkr.ecr.<region>.amazonaws.com',
    );
  }
}
