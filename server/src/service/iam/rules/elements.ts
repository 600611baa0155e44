import type { Node } from 'jsonc-parser';
import type { Fix, RuleDefinition } from '../../common/findings';
import { removeNodeEdit } from '../../common/jsonEdits';
import { nearest } from '../../common/suggest';
import { jsonString, rangeOf } from '../../common/text';
import { keyTaken, type StatementModel, type StringListElement } from '../model';
import type { RuleContext } from './context';
import { define, ELEMENTS, GRAMMAR } from './docs';
import { CONDITION_RULES } from './conditions';

export const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;

/** Each statement's elements: allowed keys, required and exclusive elements per policy kind, element types, empty lists and repeated values. */

export const ELEMENT_RULES = {
  invalidElementType: define('IAM016', 'invalid-element-type', 'error', 'An element has a value of the wrong JSON type.', GRAMMAR),
  emptyElement: define('IAM017', 'empty-element', 'warning', 'An element is an empty array, which matches nothing.', GRAMMAR),
  unknownStatementKey: define(
    'IAM020',
    'unknown-statement-key',
    'error',
    'A statement may only contain Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition.',
    GRAMMAR,
  ),
  missingAction: define('IAM023', 'missing-action', 'error', 'Every statement needs Action or NotAction.', `${ELEMENTS}_action.html`),
  actionAndNotAction: define(
    'IAM024',
    'action-and-notaction',
    'error',
    'Action and NotAction cannot appear in the same statement.',
    `${ELEMENTS}_notaction.html`,
  ),
  missingResource: define('IAM025', 'missing-resource', 'error', 'This kind of policy needs Resource or NotResource.', `${ELEMENTS}_resource.html`),
  resourceAndNotResource: define(
    'IAM026',
    'resource-and-notresource',
    'error',
    'Resource and NotResource cannot appear in the same statement.',
    `${ELEMENTS}_notresource.html`,
  ),
  principalAndNotPrincipal: define(
    'IAM027',
    'principal-and-notprincipal',
    'error',
    'Principal and NotPrincipal cannot appear in the same statement.',
    `${ELEMENTS}_notprincipal.html`,
  ),
  missingPrincipal: define('IAM028', 'missing-principal', 'error', 'Resource and trust policies need Principal or NotPrincipal.', `${ELEMENTS}_principal.html`),
  principalNotAllowed: define('IAM029', 'principal-not-allowed', 'error', 'Identity policies and SCPs cannot name a Principal.', `${ELEMENTS}_principal.html`),
  resourceNotAllowed: define(
    'IAM030',
    'resource-not-allowed',
    'error',
    'Role trust policies cannot contain Resource or NotResource.',
    `${ELEMENTS}_resource.html`,
  ),
  redundantValue: define('IAM033', 'redundant-value', 'hint', 'The same value is listed twice.', GRAMMAR),
} satisfies Record<string, RuleDefinition>;

export function checkElements(context: RuleContext): void {
  context.eachStatement((statement) => checkStatement(context, statement));
}

function checkStatement(context: RuleContext, statement: StatementModel): void {
  checkUnknownKeys(context, statement.node, STATEMENT_KEYS, ELEMENT_RULES.unknownStatementKey, 'a statement');
  // Computed only when a statement-level problem is reported: most statements have none.
  const where = () => (statement.sid ? context.stringRange(statement.sid) : rangeOf(context.document, statement.node.offset, 1));
  const label = statementLabel(statement);

  // Action / NotAction
  if (!statement.action && !statement.notAction) {
    context.report(ELEMENT_RULES.missingAction, where(), `${label} has no "Action" or "NotAction": say which actions it allows or denies.`);
  } else if (statement.action && statement.notAction) {
    context.report(
      ELEMENT_RULES.actionAndNotAction,
      context.keyRange(statement.notAction.property),
      `${label} has both "Action" and "NotAction"; a statement takes exactly one of them.`,
    );
  }
  // Resource / NotResource, depending on the kind of policy
  const resourceElements = [statement.resource, statement.notResource].filter((e): e is StringListElement => !!e);
  if (context.kind === 'trust') {
    for (const element of resourceElements) {
      context.report(
        ELEMENT_RULES.resourceNotAllowed,
        context.keyRange(element.property),
        `A role trust policy cannot contain "${element.name}": the role itself is the resource. Remove it.`,
        // With the key twice (IAM002), removing one leaves the other: no certain fix then.
        {
          fixes: !keyTaken(element.keyNode, element.name)
            ? [{ title: `Remove "${element.name}"`, edits: [removeNodeEdit(context.document, element.property)], preferred: true }]
            : [],
        },
      );
    }
  } else if (resourceElements.length === 0) {
    context.report(ELEMENT_RULES.missingResource, where(), `${label} has no "Resource" or "NotResource": name the resources (or "*").`);
  } else if (statement.resource && statement.notResource) {
    context.report(
      ELEMENT_RULES.resourceAndNotResource,
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
        ELEMENT_RULES.principalNotAllowed,
        context.keyRange(property),
        `${what} cannot contain "${name}": it applies to whoever it is attached to. Remove it, or mark the file as a resource or trust policy in awsStudyHints.iam.policyKinds.`,
        { fixes: !keyTaken(property.children![0]!, name) ? [{ title: `Remove "${name}"`, edits: [removeNodeEdit(context.document, property)] }] : [] },
      );
    }
  } else if (principalProperties.length === 0 && context.kind !== 'endpoint') {
    const what = context.kind === 'trust' ? 'A trust policy' : context.kind === 'rcp' ? 'A resource control policy' : 'A resource policy';
    context.report(ELEMENT_RULES.missingPrincipal, where(), `${what} statement needs "Principal" (or "NotPrincipal") to say who gets access.`);
  } else if (principalProperties.length === 2) {
    context.report(
      ELEMENT_RULES.principalAndNotPrincipal,
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
    context.report(CONDITION_RULES.invalidCondition, context.nodeRange(condition), '"Condition" must be an object: {"Operator": {"key": "value"}}.');
  }
  for (const name of ['Sid', 'Effect']) {
    const value = statement.properties.get(name)?.children?.[1];
    if (value && value.type !== 'string') context.report(ELEMENT_RULES.invalidElementType, context.nodeRange(value), `"${name}" must be a string.`);
  }
}

function checkStringList(context: RuleContext, element: StringListElement): void {
  const value = element.valueNode;
  if (value.type !== 'string' && value.type !== 'array') {
    context.report(ELEMENT_RULES.invalidElementType, context.nodeRange(value), `"${element.name}" must be a string or an array of strings.`);
    return;
  }
  for (const node of element.nonStrings) {
    context.report(ELEMENT_RULES.invalidElementType, context.nodeRange(node), `Each entry of "${element.name}" must be a string.`);
  }
  if (value.type === 'array' && (value.children ?? []).length === 0) {
    context.report(ELEMENT_RULES.emptyElement, context.nodeRange(value), `"${element.name}" is an empty array, so the statement matches nothing.`);
  }
  const seen = new Set<string>();
  for (const s of element.strings) {
    const key = s.value.toLowerCase();
    if (seen.has(key)) {
      context.report(ELEMENT_RULES.redundantValue, context.stringRange(s), `"${s.value}" is listed twice in "${element.name}".`, {
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
      ELEMENT_RULES.invalidElementType,
      context.nodeRange(value),
      `"${name}" must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}.`,
    );
  }
}

export function checkUnknownKeys(context: RuleContext, object: Node, allowed: readonly string[], rule: RuleDefinition, where: string): void {
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string' || allowed.includes(key.value)) continue;
    const suggestion = nearest(key.value, allowed);
    const fixes: Fix[] =
      suggestion && !keyTaken(key, suggestion)
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
