import type { Pair, Scalar } from 'yaml';
import type { Fix } from '../../common/findings';
import type { YamlRuleContext } from '../../yaml/context';
import { findPair, isMap, isScalar, isSeq, pairsOf } from '../../yaml/model';
import { SCHEMA_RULES } from './schema';

/**
 * Sections emptied by comments. `phases:`, a phase or `commands:` whose every line is commented
 * out has the value null: the key is there, so the specification does not call it missing, yet
 * nothing runs. And `- # comment` in a command list is a null command, not a comment.
 */

/** The phases whose commands CodeBuild requires; install may hold only runtime-versions. */
const PHASES_WITH_COMMANDS = ['pre_build', 'build', 'post_build'];
const ALL_PHASES = ['install', ...PHASES_WITH_COMMANDS];

function isEmpty(pair: Pair): boolean {
  return pair.value === null || (isScalar(pair.value) && pair.value.value === null && (pair.value as Scalar).type === 'PLAIN');
}

/** `phasesOptional`: a batch supplies every build's buildspec, so this file may have no phases at all. */
export function checkEmptySections(context: YamlRuleContext, phasesOptional: boolean): void {
  checkEmptyArtifactFiles(context);
  const phases = findPair(context.model.doc.contents, 'phases');
  if (!phases) return;
  if (isEmpty(phases)) {
    if (!phasesOptional) {
      context.report(
        SCHEMA_RULES.missingKey,
        context.nodeRange(phases.key as Scalar),
        '"phases" has no value (its content is missing or commented out): the buildspec needs at least one phase with commands.',
      );
    }
    return;
  }
  for (const name of PHASES_WITH_COMMANDS) {
    const phase = findPair(phases.value, name);
    if (!phase) continue;
    // A phase or command list that is there but empty runs nothing; whether CodeBuild also refuses
    // it is not documented, hence a warning rather than the error of a missing key.
    if (isEmpty(phase)) {
      context.report(
        SCHEMA_RULES.missingKey,
        context.nodeRange(phase.key as Scalar),
        `"${name}" has no value (its content is missing or commented out), so the phase runs nothing: CodeBuild documents commands as required in ${name}. Add commands or remove the phase.`,
        { severity: 'warning' },
      );
      continue;
    }
    const commands = findPair(phase.value, 'commands');
    if (commands && isEmpty(commands)) {
      context.report(
        SCHEMA_RULES.missingKey,
        context.nodeRange(commands.key as Scalar),
        `"commands" of ${name} has no value (every command is missing or commented out), so the phase runs nothing. List at least one command, or remove the phase.`,
        { severity: 'warning' },
      );
    }
  }
}

/** `artifacts:` whose files are all commented out: artifacts needs at least one path. */
export function checkEmptyArtifactFiles(context: YamlRuleContext): void {
  const artifacts = findPair(context.model.doc.contents, 'artifacts')?.value;
  const files = isMap(artifacts) ? findPair(artifacts, 'files') : undefined;
  if (!files || !isEmpty(files)) return;
  context.report(
    SCHEMA_RULES.missingKey,
    context.nodeRange(files.key as Scalar),
    '"files" of artifacts has no value (every path is missing or commented out): artifacts needs at least one path, such as \'**/*\'. List the output files, or remove the artifacts section.',
    { severity: 'warning' },
  );
}

/** `- # comment` and a bare `-` in commands or finally: CodeBuild gets a null where a command string belongs. */
export function checkEmptyCommands(context: YamlRuleContext): void {
  const phases = findPair(context.model.doc.contents, 'phases')?.value;
  if (!isMap(phases)) return;
  for (const phase of pairsOf(phases)) {
    const name = String((phase.key as Scalar | null)?.value ?? '');
    if (!ALL_PHASES.includes(name) || !isMap(phase.value)) continue;
    for (const list of ['commands', 'finally']) {
      const items = findPair(phase.value, list)?.value;
      if (!isSeq(items)) continue;
      for (const item of items.items) {
        if (!isScalar(item) || item.value !== null || (item as Scalar).type !== 'PLAIN') continue;
        reportEmptyCommand(context, item as Scalar, `${name}.${list}`);
      }
    }
  }
}

function reportEmptyCommand(context: YamlRuleContext, item: Scalar, where: string): void {
  const text = context.model.text;
  const at = item.range?.[0];
  if (at === undefined) return;
  // The item's range starts after "- ": step back over the spaces to its dash.
  let dash = at - 1;
  while (dash >= 0 && text[dash] === ' ') dash--;
  if (text[dash] !== '-') return;
  const lineEnd = text.indexOf('\n', dash);
  const rest = text.slice(dash + 1, lineEnd === -1 ? text.length : lineEnd);
  const comment = rest.trimStart().startsWith('#');
  const fixes: Fix[] = [];
  if (comment) {
    // Dropping "- " leaves the comment a comment, at the same indentation.
    const spaces = rest.length - rest.trimStart().length;
    fixes.push({ title: 'Keep it as a comment (remove "- ")', edits: [{ range: context.range(dash, 1 + spaces), newText: '' }], preferred: true });
  } else {
    const lineStart = text.lastIndexOf('\n', dash) + 1;
    const end = lineEnd === -1 ? text.length : lineEnd + 1;
    fixes.push({ title: 'Remove the empty item', edits: [{ range: context.range(lineStart, end - lineStart), newText: '' }], preferred: true });
  }
  context.report(
    SCHEMA_RULES.wrongType,
    context.range(dash, 1),
    comment
      ? `This item of ${where} is empty: a comment after "- " does not make a command, so CodeBuild gets a null instead of a command string. Remove the "- " to keep the comment.`
      : `This item of ${where} is empty: CodeBuild gets a null instead of a command string. Remove the item.`,
    { fixes },
  );
}
