import type { Node, Scalar } from 'yaml';
import type { RuleDefinition } from '../../common/findings';
import type { YamlRuleContext } from '../../yaml/context';
import { isMap, isScalar, isSeq, keyName, pairsOf, scalarSource } from '../../yaml/model';
import { define, RESOURCES } from './docs';

/**
 * Template values such as "<TASK_ARN>" or "<CONTAINER_PORT>", left for a person or a tool to
 * replace. One finding says so; the type and format rules would only restate it (see analyze.ts).
 * The placeholder CodePipeline's ECS blue/green action fills in, TaskDefinition: <TASK_DEFINITION>,
 * is no finding at all.
 */

export const PLACEHOLDER_RULES = {
  unsubstitutedPlaceholder: define(
    'APS048',
    'unsubstituted-placeholder',
    'warning',
    'A value holds a <PLACEHOLDER> that must be replaced before the deployment.',
    RESOURCES,
  ),
} satisfies Record<string, RuleDefinition>;

const PLACEHOLDER = /<[A-Za-z][\w .-]*>/g;
/** Deeper than any AppSpec: the walk stops here rather than follow aliases or pathological input. */
const MAX_DEPTH = 32;

export function checkPlaceholders(context: YamlRuleContext): void {
  const stack: { node: unknown; key: string; depth: number }[] = [{ node: context.model.doc.contents, key: '', depth: 0 }];
  while (stack.length > 0) {
    const { node, key, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (isMap(node)) for (const pair of pairsOf(node)) stack.push({ node: pair.value, key: keyName(pair) ?? '', depth: depth + 1 });
    else if (isSeq(node)) for (const item of node.items) stack.push({ node: item, key, depth: depth + 1 });
    else if (isScalar(node) && typeof node.value === 'string') checkValue(context, node as Scalar, key);
  }
}

function checkValue(context: YamlRuleContext, node: Scalar, key: string): void {
  const source = scalarSource(context.model, node);
  const found = [...new Set(source.match(PLACEHOLDER) ?? [])];
  if (found.length === 0) return;
  const taskDefinition = key.toLowerCase() === 'taskdefinition';
  if (taskDefinition && source === '<TASK_DEFINITION>') return;
  const what =
    found.length === 1 && found[0] === source
      ? `"${source}" is a placeholder`
      : `"${source}" holds the placeholder${found.length > 1 ? 's' : ''} ${found.join(', ')}`;
  const it = found.length > 1 ? 'them' : 'it';
  context.report(
    PLACEHOLDER_RULES.unsubstitutedPlaceholder,
    context.nodeRange(node as Node),
    taskDefinition
      ? `${what}: CodeDeploy needs the task definition ARN here, so replace ${it} before the deployment. (CodePipeline's ECS blue/green action fills in TaskDefinition itself; the placeholder it documents is <TASK_DEFINITION>.)`
      : `${what}: replace ${it} with the real value before the deployment.`,
  );
}
