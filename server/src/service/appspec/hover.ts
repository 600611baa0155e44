import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import { locateYaml } from '../yaml/location';
import { describeType, type SpecNode } from '../yaml/spec';
import type { AppSpecAnalysis } from './analyze';
import { lifecycleLine, neighbours } from './lifecycle';
import { APPSPEC_SPEC, eventsOf } from './spec';

/** Hovers in AppSpecs: hooks show their place in the lifecycle; keys explain themselves. */
export function appSpecHover(document: TextDocument, analysis: AppSpecAnalysis, position: Position): Hover | undefined {
  const where = locateYaml(analysis.model, document.offsetAt(position));
  if (!where?.onKey || !where.node?.range) return undefined;
  const path = where.path;
  const key = path[path.length - 1]!;
  const platform = analysis.platform;
  const range = rangeOf(document, where.node.range[0], where.node.range[1] - where.node.range[0]);
  const isHook = platform === 'ec2' ? path.length === 2 && path[0] === 'hooks' : path.length === 3 && path[0]!.toLowerCase() === 'hooks';
  if (isHook) {
    const event = eventsOf(platform).get(key);
    if (!event) return undefined;
    const { before, after } = neighbours(platform, key);
    const scripts = platform === 'ec2';
    const reserved = scripts ? 'reserved lifecycle event (cannot run scripts)' : 'reserved lifecycle event (no hook function runs here)';
    const lines = [`**${key}** · ${event.reserved ? reserved : scripts ? 'lifecycle hook' : 'lifecycle hook (a Lambda function)'}`, '', event.doc, ''];
    const { defaultSeconds, maxSecondsPerEvent } = APPSPEC_SPEC.timeouts;
    // EC2/on-premises hooks run scripts on the instance; Lambda and ECS hooks name a Lambda
    // function, which reports back to CodeDeploy (no script timeout applies to them).
    const runs = scripts
      ? `Script timeout default ${defaultSeconds} s, at most ${maxSecondsPerEvent} s per event.`
      : 'The hook names a Lambda function, which must report Succeeded or Failed with PutLifecycleEventHookExecutionStatus.';
    lines.push(
      `Runs after ${before ?? 'the start'} and before ${after ?? 'the end'}.`,
      '',
      lifecycleLine(platform, key),
      '',
      `Struck through: run by CodeDeploy itself. ${runs} *AWS Study: Show Deployment Lifecycle* shows every lifecycle of this platform.`,
    );
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
  }
  const spec = specAtInsensitive(APPSPEC_SPEC.platforms[platform].root, path);
  if (!spec) return undefined;
  const header = [
    `**${key}**`,
    spec.type === 'map' ? undefined : describeType(spec),
    spec.required ? 'required' : undefined,
    spec.platform ? `${spec.platform} only` : undefined,
  ];
  const lines = [header.filter(Boolean).join(' · ')];
  if (spec.doc) lines.push('', spec.doc);
  if (spec.type === 'enum' && spec.values) lines.push('', `Values: ${spec.values.map((v) => `\`${v}\``).join(', ')}`);
  if (spec.link) lines.push('', `[AppSpec reference](${spec.link})`);
  lines.push(
    '',
    `*${APPSPEC_SPEC.platforms[platform].label} AppSpec (${analysis.platformSource === 'content' ? 'detected from the content' : `from ${analysis.platformSource}`})*`,
  );
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}

/** Like specAt, but with the case-insensitive keys of Lambda and ECS AppSpecs. */
export function specAtInsensitive(root: SpecNode, path: readonly string[]): SpecNode | undefined {
  let node: SpecNode | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    if (step === '[]') node = node.items;
    else if (node.type === 'map') {
      const keys: Readonly<Record<string, SpecNode>> = node.keys ?? {};
      const match = Object.keys(keys).find((k) => k.toLowerCase() === step.toLowerCase());
      node = match ? keys[match] : undefined;
    } else if (node.type === 'dict') node = node.entry;
    else if (node.type === 'list') node = node.items ? specAtInsensitive(node.items, [step]) : undefined;
    else return undefined;
  }
  return node;
}
