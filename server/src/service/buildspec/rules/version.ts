import type { Scalar } from 'yaml';
import type { YamlRuleContext } from '../../yaml/context';
import { findPair, isMap, isScalar, scalarSource } from '../../yaml/model';
import { define } from './docs';
import type { RuleDefinition } from '../../common/findings';

export const SUPPORTED_VERSIONS = ['0.2', '0.1'] as const;

/** The version as written (`0.2`), or undefined when missing or unsupported. */

export const VERSION_RULES = {
  missingVersion: define('BSP010', 'missing-version', 'error', 'A buildspec needs version: 0.2.'),
  unsupportedVersion: define('BSP011', 'unsupported-version', 'error', 'version must be 0.2 (or the legacy 0.1).'),
  quotedVersion: define('BSP012', 'quoted-version', 'warning', 'A quoted version ("0.2") is reported to break batch builds; write version: 0.2.'),
} satisfies Record<string, RuleDefinition>;
export function buildspecVersion(context: YamlRuleContext): string | undefined {
  const value = findPair(context.model.doc.contents, 'version')?.value;
  if (!isScalar(value)) return undefined;
  const source = scalarSource(context.model, value as Scalar);
  return (SUPPORTED_VERSIONS as readonly string[]).includes(source) ? source : undefined;
}

/**
 * True when the file names a version CodeBuild does not support (0.0, 0.3…): its keys then belong to
 * another format, and the specification would only restate that one problem as unknown or missing keys.
 */
export function hasUnsupportedVersion(context: YamlRuleContext): boolean {
  const value = findPair(context.model.doc.contents, 'version')?.value;
  if (!isScalar(value) || value.value === null) return false;
  return !(SUPPORTED_VERSIONS as readonly string[]).includes(scalarSource(context.model, value as Scalar));
}

/**
 * The line goes above the first key, indented as it is: a mapping may start indented, and a
 * line at column 0 above `  phases:` would break it. A line above a flow mapping ({…}) would
 * make a block mapping followed by text, and a key that shares its line with something else
 * (`--- phases:`) leaves no certain place: no fix there.
 */
function addVersionFixes(context: YamlRuleContext, flow: boolean, first: number) {
  if (flow) return [];
  const text = context.model.text;
  const lineStart = Math.max(text.lastIndexOf('\n', first - 1), text.lastIndexOf('\r', first - 1)) + 1;
  const indent = text.slice(lineStart, first);
  if (!/^ *$/.test(indent)) return [];
  // The file's own line break, so that a CRLF (or CR) file stays one.
  const lineBreak = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  return [{ title: 'Add version: 0.2', edits: [{ range: context.range(lineStart, 0), newText: `${indent}version: 0.2${lineBreak}` }], preferred: true }];
}

export function checkVersion(context: YamlRuleContext): void {
  const root = context.model.doc.contents;
  if (!isMap(root)) return;
  const pair = findPair(root, 'version');
  if (!pair) {
    const first = root.range?.[0] ?? 0;
    context.report(
      VERSION_RULES.missingVersion,
      context.range(first, 0),
      'The buildspec has no "version": CodeBuild rejects it. Add version: 0.2 at the top.',
      { fixes: addVersionFixes(context, root.flow === true, first) },
    );
    return;
  }
  const value = pair.value;
  if (!isScalar(value) || value.value === null) {
    context.report(VERSION_RULES.unsupportedVersion, context.nodeRange(pair.key as Scalar), '"version" needs a value: 0.2.');
    return;
  }
  const source = scalarSource(context.model, value as Scalar);
  const replace = { title: 'Use version 0.2', edits: [{ range: context.nodeRange(value), newText: '0.2' }], preferred: true };
  if (!(SUPPORTED_VERSIONS as readonly string[]).includes(source)) {
    context.report(VERSION_RULES.unsupportedVersion, context.nodeRange(value), `Unsupported buildspec version "${source}": use 0.2 (0.1 is legacy).`, {
      fixes: [replace],
    });
    return;
  }
  const quoted = (value as Scalar).type === 'QUOTE_DOUBLE' || (value as Scalar).type === 'QUOTE_SINGLE';
  if (quoted && findPair(root, 'batch')) {
    context.report(
      VERSION_RULES.quotedVersion,
      context.nodeRange(value),
      `A quoted version ("${source}") is reported to make batch builds fail; write it unquoted: version: ${source}.`,
      { fixes: [{ title: `Unquote: version: ${source}`, edits: [{ range: context.nodeRange(value), newText: source }], preferred: true }] },
    );
  }
}
