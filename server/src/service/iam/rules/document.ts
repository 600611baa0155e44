import type { Node } from 'jsonc-parser';
import type { Fix, RuleDefinition } from '../../common/findings';
import { indentationOf } from '../../common/jsonEdits';
import { jsonString, rangeOf } from '../../common/text';
import type { RuleContext } from './context';
import { define, ELEMENTS, GRAMMAR } from './docs';
import { checkUnknownKeys, ELEMENT_RULES } from './elements';

/** The document's shape: a JSON object, its top-level keys, Version and the Statement element. */

export const DOCUMENT_RULES = {
  notAnObject: define('IAM003', 'invalid-document', 'error', 'A policy must be a JSON object.', GRAMMAR),
  missingVersion: define(
    'IAM010',
    'missing-version',
    'warning',
    'Without Version, IAM uses 2008-10-17, which has no policy variables.',
    `${ELEMENTS}_version.html`,
  ),
  unknownVersion: define('IAM011', 'unknown-version', 'error', 'Version must be 2012-10-17 (or the old 2008-10-17).', `${ELEMENTS}_version.html`),
  oldVersion: define('IAM012', 'old-version', 'warning', 'Version 2008-10-17 is outdated; use 2012-10-17.', `${ELEMENTS}_version.html`),
  unknownTopLevelKey: define('IAM013', 'unknown-top-level-key', 'error', 'Only Version, Id and Statement may appear at the top level.', GRAMMAR),
  missingStatement: define('IAM014', 'missing-statement', 'error', 'A policy needs a Statement.', `${ELEMENTS}_statement.html`),
  invalidStatement: define('IAM015', 'invalid-statement', 'error', 'Statement must be an object or an array of objects.', `${ELEMENTS}_statement.html`),
} satisfies Record<string, RuleDefinition>;

export const TOP_LEVEL_KEYS = ['Version', 'Id', 'Statement'] as const;
export const CURRENT_VERSION = '2012-10-17';
const OLD_VERSION = '2008-10-17';

export function checkDocument(context: RuleContext): void {
  const { model } = context;
  const root = model.root;
  if (!root) return;
  if (root.type !== 'object') {
    context.report(DOCUMENT_RULES.notAnObject, context.nodeRange(root), 'A policy must be a JSON object with Version and Statement.');
    return;
  }
  checkUnknownKeys(context, root, TOP_LEVEL_KEYS, DOCUMENT_RULES.unknownTopLevelKey, 'the top level of a policy');
  checkVersion(context, root);
  checkStatementElement(context, root);
}

function checkVersion(context: RuleContext, root: Node): void {
  const { model, document } = context;
  const property = model.versionProperty;
  if (!property) {
    const first = root.children?.[0];
    const insertAt = first ? first.offset : root.offset + 1;
    const indent = first ? indentationOf(model.text, first.offset) : '';
    const newText = first ? `"Version": "${CURRENT_VERSION}",\n${indent}` : `"Version": "${CURRENT_VERSION}"`;
    // Without variables the old language reads this policy the same (AWS's default VPC endpoint
    // policy has no Version): then it is advice, not a warning.
    const usesVariables = model.text.includes('${');
    context.report(
      DOCUMENT_RULES.missingVersion,
      rangeOf(document, root.offset, 1),
      usesVariables
        ? `Missing "Version": IAM then applies 2008-10-17, where policy variables such as \${aws:username} are plain text. Add "Version": "${CURRENT_VERSION}".`
        : `Missing "Version": IAM then applies 2008-10-17, which reads this policy the same but has none of the newer features (policy variables). AWS recommends "Version": "${CURRENT_VERSION}".`,
      {
        severity: usesVariables ? undefined : 'information',
        fixes: [{ title: `Add "Version": "${CURRENT_VERSION}"`, edits: [{ range: rangeOf(document, insertAt, 0), newText }], preferred: true }],
      },
    );
    return;
  }
  const value = property.children?.[1];
  if (!value) return;
  const replace: Fix = {
    title: `Use Version "${CURRENT_VERSION}"`,
    edits: [{ range: context.nodeRange(value), newText: jsonString(CURRENT_VERSION) }],
    preferred: true,
  };
  if (value.type !== 'string') {
    context.report(ELEMENT_RULES.invalidElementType, context.nodeRange(value), `Version must be the string "${CURRENT_VERSION}".`, { fixes: [replace] });
  } else if (value.value === OLD_VERSION) {
    context.report(
      DOCUMENT_RULES.oldVersion,
      context.nodeRange(value),
      `Version "${OLD_VERSION}" is the old policy language without policy variables; use "${CURRENT_VERSION}".`,
      { fixes: [replace] },
    );
  } else if (value.value !== CURRENT_VERSION) {
    context.report(
      DOCUMENT_RULES.unknownVersion,
      context.nodeRange(value),
      `Unknown Version "${value.value}": the only policy language versions are "${CURRENT_VERSION}" (current) and "${OLD_VERSION}".`,
      { fixes: [replace] },
    );
  }
}

function checkStatementElement(context: RuleContext, root: Node): void {
  const property = context.model.statementProperty;
  if (!property) {
    context.report(
      DOCUMENT_RULES.missingStatement,
      rangeOf(context.document, root.offset, 1),
      'The policy has no "Statement": add one statement object or an array of them.',
    );
    return;
  }
  const value = property.children?.[1];
  if (!value) return;
  if (value.type === 'array') {
    if ((value.children ?? []).length === 0)
      context.report(ELEMENT_RULES.emptyElement, context.nodeRange(value), '"Statement" is empty: the policy grants and denies nothing.');
    for (const entry of value.children ?? []) {
      if (entry.type !== 'object')
        context.report(
          DOCUMENT_RULES.invalidStatement,
          context.nodeRange(entry),
          'Each entry of "Statement" must be a statement object {"Effect": …, "Action": …, …}.',
        );
    }
  } else if (value.type !== 'object') {
    context.report(DOCUMENT_RULES.invalidStatement, context.nodeRange(value), '"Statement" must be a statement object or an array of statement objects.');
  }
}
