import type { Node } from 'jsonc-parser';
import type { Fix } from '../../common/findings';
import { indentationOf, removeNodeEdit } from '../../common/jsonEdits';
import { nearest } from '../../common/suggest';
import { jsonString, rangeOf } from '../../common/text';
import type { StatementModel, StringListElement } from '../model';
import type { RuleContext } from './context';
import { IAM_RULES } from './definitions';

/** The policy's shape: top-level keys, Version, Statement, statement keys and element types. */

export const TOP_LEVEL_KEYS = ['Version', 'Id', 'Statement'] as const;
export const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
export const CURRENT_VERSION = '2012-10-17';
const OLD_VERSION = '2008-10-17';

export function checkStructure(context: RuleContext): void {
  const { model } = context;
  const root = model.root;
  if (!root) return;
  if (root.type !== 'object') {
    context.report(IAM_RULES.notAnObject, context.nodeRange(root), 'A policy must be a JSON object with Version and Statement.');
    return;
  }
  checkUnknownKeys(context, root, TOP_LEVEL_KEYS, IAM_RULES.unknownTopLevelKey, 'the top level of a policy');
  checkVersion(context, root);
  checkStatementElement(context, root);
  for (const statement of model.statements) checkStatement(context, statement);
}

function checkVersion(context: RuleContext, root: Node): void {
  const { model, document } = context;
  const property = model.versionProperty;
  if (!property) {
    const first = root.children?.[0];
    const insertAt = first ? first.offset : root.offset + 1;
    const indent = first ? indentationOf(model.text, first.offset) : '';
    const newText = first ? `"Version": "${CURRENT_VERSION}",\n${indent}` : `"Version": "${CURRENT_VERSION}"`;
    context.report(
      IAM_RULES.missingVersion,
      rangeOf(document, root.offset, 1),
      `Missing "Version": IAM then applies 2008-10-17, where policy variables such as \${aws:username} are plain text. Add "Version": "${CURRENT_VERSION}".`,
      { fixes: [{ title: `Add "Version": "${CURRENT_VERSION}"`, edits: [{ range: rangeOf(document, insertAt, 0), newText }], preferred: true }] },
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
    context.report(IAM_RULES.invalidElementType, context.nodeRange(value), `Version must be the string "${CURRENT_VERSION}".`, { fixes: [replace] });
  } else if (value.value === OLD_VERSION) {
    context.report(
      IAM_RULES.oldVersion,
      context.nodeRange(value),
      `Version "${OLD_VERSION}" is the old policy language without policy variables; use "${CURRENT_VERSION}".`,
      { fixes: [replace] },
    );
  } else if (value.value !== CURRENT_VERSION) {
    context.report(
      IAM_RULES.unknownVersion,
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
      IAM_RULES.missingStatement,
      rangeOf(context.document, root.offset, 1),
      'The policy has no "Statement": add one statement object or an array of them.',
    );
    return;
  }
  const value = property.children?.[1];
  if (!value) return;
  if (value.type === 'array') {
    if ((value.children ?? []).length === 0)
      context.report(IAM_RULES.emptyElement, context.nodeRange(value), '"Statement" is empty: the policy grants and denies nothing.');
    for (const entry of value.children ?? []) {
      if (entry.type !== 'object')
        context.report(
          IAM_RULES.invalidStatement,
          context.nodeRange(entry),
          'Each entry of "Statement" must be a statement object {"Effect": …, "Action": …, …}.',
        );
    }
  } else if (value.type !== 'object') {
    context.report(IAM_RULES.invalidStatement, context.nodeRange(value), '"Statement" must be a statement object or an array of statement objects.');
  }
}

function checkStatement(context: RuleContext, statement: StatementModel): void {
  checkUnknownKeys(context, statement.node, STATEMENT_KEYS, IAM_RULES.unknownStatementKey, 'a statement');
  // Computed only when a statement-level problem is reported: most statements have none.
  const where = () => (statement.sid ? context.stringRange(statement.sid) : rangeOf(context.document, statement.node.offset, 1));
  const label = statementLabel(statement);

  // Action / NotAction
  if (!statement.action && !statement.notAction) {
    context.report(IAM_RULES.missingAction, where(), `${label} has no "Action" or "NotAction": say which actions it allows or denies.`);
  } else if (statement.action && statement.notAction) {
    context.report(
      IAM_RULES.actionAndNotAction,
      context.keyRange(statement.notAction.property),
      `${label} has both "Action" and "NotAction"; a statement takes exactly one of them.`,
    );
  }
  // Resource / NotResource, depending on the kind of policy
  const resourceElements = [statement.resource, statement.notResource].filter((e): e is StringListElement => !!e);
  if (context.kind === 'trust') {
    for (const element of resourceElements) {
      context.report(
        IAM_RULES.resourceNotAllowed,
        context.keyRange(element.property),
        `A role trust policy cannot contain "${element.name}": the role itself is the resource. Remove it.`,
        { fixes: [{ title: `Remove "${element.name}"`, edits: [removeNodeEdit(context.document, element.property)], preferred: true }] },
      );
    }
  } else if (resourceElements.length === 0) {
    context.report(IAM_RULES.missingResource, where(), `${label} has no "Resource" or "NotResource": name the resources (or "*").`);
  } else if (statement.resource && statement.notResource) {
    context.report(
      IAM_RULES.resourceAndNotResource,
      context.keyRange(statement.notResource.property),
      `${label} has both "Resource" and "NotResource"; a statement takes exactly one of them.`,
    );
  }
  // Principal / NotPrincipal, depending on the kind of policy
  const principalProperties = ['Principal', 'NotPrincipal'].map((name) => statement.properties.get(name)).filter((p): p is Node => !!p);
  if (context.kind === 'identity' || context.kind === 'scp') {
    const what = context.kind === 'scp' ? 'A service control policy' : 'An identity policy';
    for (const property of principalProperties) {
      const name = String(property.children?.[0]?.value);
      context.report(
        IAM_RULES.principalNotAllowed,
        context.keyRange(property),
        `${what} cannot contain "${name}": it applies to whoever it is attached to. Remove it, or mark the file as a resource or trust policy in awsStudyHints.iam.policyKinds.`,
        { fixes: [{ title: `Remove "${name}"`, edits: [removeNodeEdit(context.document, property)] }] },
      );
    }
  } else if (principalProperties.length === 0) {
    const what = context.kind === 'trust' ? 'A trust policy' : 'A resource policy';
    context.report(IAM_RULES.missingPrincipal, where(), `${what} statement needs "Principal" (or "NotPrincipal") to say who gets access.`);
  } else if (principalProperties.length === 2) {
    context.report(
      IAM_RULES.principalAndNotPrincipal,
      context.keyRange(principalProperties[1]!),
      `${label} has both "Principal" and "NotPrincipal"; a statement takes exactly one of them.`,
    );
  }
  for (const element of [statement.action, statement.notAction, statement.resource, statement.notResource]) {
    if (element) checkStringList(context, element);
  }
  checkObjectOrString(context, statement, 'Principal');
  checkObjectOrString(context, statement, 'NotPrincipal');
  const condition = statement.condition;
  if (condition && condition.type !== 'object') {
    context.report(IAM_RULES.invalidCondition, context.nodeRange(condition), '"Condition" must be an object: {"Operator": {"key": "value"}}.');
  }
  for (const name of ['Sid', 'Effect']) {
    const value = statement.properties.get(name)?.children?.[1];
    if (value && value.type !== 'string') context.report(IAM_RULES.invalidElementType, context.nodeRange(value), `"${name}" must be a string.`);
  }
}

function checkStringList(context: RuleContext, element: StringListElement): void {
  const value = element.valueNode;
  if (value.type !== 'string' && value.type !== 'array') {
    context.report(IAM_RULES.invalidElementType, context.nodeRange(value), `"${element.name}" must be a string or an array of strings.`);
    return;
  }
  for (const node of element.nonStrings) {
    context.report(IAM_RULES.invalidElementType, context.nodeRange(node), `Each entry of "${element.name}" must be a string.`);
  }
  if (value.type === 'array' && (value.children ?? []).length === 0) {
    context.report(IAM_RULES.emptyElement, context.nodeRange(value), `"${element.name}" is an empty array, so the statement matches nothing.`);
  }
  const seen = new Set<string>();
  for (const s of element.strings) {
    const key = s.value.toLowerCase();
    if (seen.has(key)) {
      context.report(IAM_RULES.redundantValue, context.stringRange(s), `"${s.value}" is listed twice in "${element.name}".`, {
        unnecessary: true,
        fixes: [{ title: `Remove the duplicate "${s.value}"`, edits: [removeNodeEdit(context.document, s.node)], preferred: true }],
      });
    } else seen.add(key);
  }
}

function checkObjectOrString(context: RuleContext, statement: StatementModel, name: 'Principal' | 'NotPrincipal'): void {
  const value = statement.properties.get(name)?.children?.[1];
  if (value && value.type !== 'object' && value.type !== 'string') {
    context.report(
      IAM_RULES.invalidElementType,
      context.nodeRange(value),
      `"${name}" must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}.`,
    );
  }
}

function checkUnknownKeys(context: RuleContext, object: Node, allowed: readonly string[], rule: typeof IAM_RULES.unknownTopLevelKey, where: string): void {
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string' || allowed.includes(key.value)) continue;
    const suggestion = nearest(key.value, allowed);
    const fixes: Fix[] = suggestion
      ? [{ title: `Rename to "${suggestion}"`, edits: [{ range: context.nodeRange(key), newText: jsonString(suggestion) }], preferred: true }]
      : [];
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : ` Allowed: ${allowed.join(', ')}.`;
    const caseOnly = suggestion && suggestion.toLowerCase() === key.value.toLowerCase() ? ' (element names are case-sensitive)' : '';
    context.report(rule, context.nodeRange(key), `Unknown key "${key.value}" in ${where}${caseOnly}.${hint}`, { fixes });
  }
}

export function statementLabel(statement: StatementModel): string {
  return statement.sid?.value ? `Statement "${statement.sid.value}"` : `Statement ${statement.index + 1}`;
}
