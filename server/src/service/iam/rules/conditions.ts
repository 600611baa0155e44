import type { Node } from 'jsonc-parser';
import type { Fix, RuleDefinition } from '../../common/findings';
import { nearest } from '../../common/suggest';
import { jsonString } from '../../common/text';
import type { ConditionKeyInfo } from '../catalog/catalog';
import { keyTaken, propertyMap, type StatementModel } from '../model';
import { isCompatible, OPERATORS, parseOperator, suitableOperators, type ParsedOperator } from '../operators';
import { invalidValueMessage } from './conditionValues';
import type { RuleContext } from './context';
import { keyIsSupportedByActions } from './conditionSupport';
import { define, ELEMENTS, CONDITIONS, SAR } from './docs';

/** Condition blocks: operators, keys, operator/key types, values and the classic traps. */

export const CONDITION_RULES = {
  invalidCondition: define('IAM070', 'invalid-condition', 'error', 'Condition must map operators to objects of key → value(s).', `${ELEMENTS}_condition.html`),
  unknownConditionOperator: define('IAM071', 'unknown-condition-operator', 'error', 'The condition operator does not exist.', CONDITIONS),
  unknownConditionKey: define(
    'IAM072',
    'unknown-condition-key',
    // IAM stores policies with any key; an undocumented one (AWS uses a few in its own policies)
    // may still be evaluated, and a misspelt one simply never matches: a warning, not an error.
    'warning',
    'The condition key is not in the documented catalog: not a global key nor a key of any service.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
  ),
  conditionKeyNotSupported: define(
    'IAM073',
    'condition-key-not-supported',
    'warning',
    "None of the statement's actions supports this condition key, so the condition never matches.",
    SAR,
  ),
  conditionTypeMismatch: define('IAM074', 'condition-type-mismatch', 'warning', "The operator's type does not match the condition key's type.", CONDITIONS),
  invalidConditionValue: define('IAM075', 'invalid-condition-value', 'error', "A condition value is not valid for the operator's type.", CONDITIONS),
  wildcardWithoutLike: define(
    'IAM076',
    'wildcard-without-like',
    'warning',
    'Wildcards are literal characters under this operator; use a Like operator.',
    CONDITIONS,
  ),
  forAllValuesSingleValued: define(
    'IAM077',
    'forallvalues-single-valued',
    'warning',
    'ForAllValues/ForAnyValue are for multivalued keys; ForAllValues also matches when the key is absent.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  ),
  mfaBoolWithoutIfExists: define(
    'IAM078',
    'mfa-bool-without-ifexists',
    'warning',
    'aws:MultiFactorAuthPresent is absent for long-term credentials; Bool alone does not match them.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent',
  ),
  nullWithIfExists: define('IAM079', 'null-with-ifexists', 'error', 'The Null operator cannot take IfExists.', CONDITIONS),
} satisfies Record<string, RuleDefinition>;

const EQUALITY_TO_LIKE: Readonly<Record<string, string>> = {
  StringEquals: 'StringLike',
  StringNotEquals: 'StringNotLike',
};

export function checkConditions(context: RuleContext): void {
  context.eachStatement((statement) => {
    const condition = statement.condition;
    if (condition?.type !== 'object') return;
    for (const [operatorText, property] of propertyMap(condition)) {
      const operatorKey = property.children?.[0];
      const block = property.children?.[1];
      if (!operatorKey || !block) continue;
      const operator = parseOperator(operatorText);
      if (!operator.info) {
        reportUnknownOperator(context, operatorKey, operator);
      } else if (operator.info.category === 'Null' && operator.ifExists) {
        context.report(
          CONDITION_RULES.nullWithIfExists,
          context.nodeRange(operatorKey),
          'Null already tests whether the key exists, so it cannot take IfExists: use "Null".',
          {
            fixes: [
              {
                title: 'Change to "Null"',
                edits: [{ range: context.nodeRange(operatorKey), newText: jsonString(operatorText.replace(/IfExists$/i, '')) }],
                preferred: true,
              },
            ],
          },
        );
      }
      if (block.type !== 'object') {
        context.report(
          CONDITION_RULES.invalidCondition,
          context.nodeRange(block),
          `The value of "${operatorText}" must be an object of condition keys: {"aws:SourceIp": "203.0.113.0/24"}.`,
        );
        continue;
      }
      for (const [key, keyProperty] of propertyMap(block)) checkKey(context, statement, operator, key, keyProperty);
    }
  });
}

function reportUnknownOperator(context: RuleContext, node: Node, operator: ParsedOperator): void {
  const base = operator.base.replace(/IfExists$/i, '');
  const suggestionBase = nearest(base, [...OPERATORS.keys()]);
  const prefix = operator.set ? `${operator.set}:` : '';
  const suffix = /IfExists$/i.test(operator.base) ? 'IfExists' : '';
  const suggestion = suggestionBase ? `${prefix}${suggestionBase}${suffix}` : undefined;
  const fixes: Fix[] =
    suggestion && !keyTaken(node, suggestion)
      ? [{ title: `Change to "${suggestion}"`, edits: [{ range: context.nodeRange(node), newText: jsonString(suggestion) }], preferred: true }]
      : [];
  context.report(
    CONDITION_RULES.unknownConditionOperator,
    context.nodeRange(node),
    `Unknown condition operator "${operator.text}".${suggestion ? ` Did you mean "${suggestion}"?` : ' See the list of String, Numeric, Date, Bool, Binary, IpAddress, Arn and Null operators.'}`,
    { fixes },
  );
}

/**
 * Identity-provider claims that hold several values though the catalog types them as strings:
 * Amazon Cognito's amr lists "authenticated" and the login provider, which is why AWS's own
 * trust-policy examples test it with ForAnyValue:StringLike.
 */
const MULTIVALUED_CLAIMS = new Set(['cognito-identity.amazonaws.com:amr']);

function checkKey(context: RuleContext, statement: StatementModel, operator: ParsedOperator, key: string, property: Node): void {
  const keyNode = property.children![0]!;
  const valueNode = property.children?.[1];
  const info = lookupKey(context, key, keyNode);
  const category = operator.info?.category;
  if (info && category && !isCompatible(category, info.type)) {
    context.report(
      CONDITION_RULES.conditionTypeMismatch,
      context.nodeRange(keyNode),
      `${key} is of type ${info.type}, and ${operator.info!.name} is an operator for another type; compare it with ${suitableOperators(info.type)}.`,
    );
  }
  if (info && operator.set && !info.type.startsWith('ArrayOf') && !info.inferred && !MULTIVALUED_CLAIMS.has(key.toLowerCase())) {
    context.report(
      CONDITION_RULES.forAllValuesSingleValued,
      context.nodeRange(keyNode),
      `${key} holds a single value, so "${operator.set}:" does not fit${operator.set === 'ForAllValues' ? ' (and ForAllValues is also true when the key is missing)' : ''}; use "${operator.base}${operator.ifExists ? 'IfExists' : ''}" without the prefix.`,
    );
  }
  if (info && !info.inferred && info.service !== 'aws' && !keyIsSupportedByActions(context, statement, key)) {
    context.report(
      CONDITION_RULES.conditionKeyNotSupported,
      context.nodeRange(keyNode),
      `None of this statement's actions supports ${key}, so the condition never matches a request.`,
    );
  }
  if (
    key.toLowerCase() === 'aws:multifactorauthpresent' &&
    operator.info?.name === 'Bool' &&
    !operator.ifExists &&
    statement.effect?.value === 'Deny' &&
    valuesOf(valueNode).some((v) => String(v.value).toLowerCase() === 'false')
  ) {
    const replacement = `${operator.set ? `${operator.set}:` : ''}BoolIfExists`;
    const operatorNode = property.parent?.parent?.children?.[0];
    context.report(
      CONDITION_RULES.mfaBoolWithoutIfExists,
      context.nodeRange(keyNode),
      'aws:MultiFactorAuthPresent is absent for long-term access keys, so this Deny never applies to them; use "BoolIfExists" with "false".',
      {
        fixes:
          operatorNode && !keyTaken(operatorNode, replacement)
            ? [{ title: `Change the operator to "${replacement}"`, edits: [{ range: context.nodeRange(operatorNode), newText: jsonString(replacement) }] }]
            : [],
      },
    );
  }
  if (!valueNode) return;
  checkValues(context, operator, valueNode, property);
}

function lookupKey(context: RuleContext, key: string, keyNode: Node): ConditionKeyInfo | undefined {
  const info = context.catalog.conditionKey(key);
  if (info) return info;
  const colon = key.indexOf(':');
  const prefix = colon > 0 ? key.slice(0, colon).toLowerCase() : '';
  const candidates =
    prefix === 'aws'
      ? context.catalog.globalConditionKeys().map((k) => k.key)
      : context.catalog.hasService(prefix)
        ? context.catalog.serviceConditionKeys(prefix).map((k) => k.key)
        : [];
  const suggestion =
    candidates.length > 0
      ? nearest(
          key,
          candidates.filter((k) => !k.includes('${') && !k.includes('<')),
        )
      : undefined;
  const what =
    prefix === 'aws'
      ? 'global condition key'
      : context.catalog.hasService(prefix)
        ? `condition key of ${context.catalog.serviceName(prefix)}`
        : 'condition key';
  context.report(
    CONDITION_RULES.unknownConditionKey,
    context.nodeRange(keyNode),
    `"${key}" is not a documented ${what}: if AWS does not evaluate it, the condition never matches.${suggestion ? ` Did you mean "${suggestion}"?` : colon < 0 ? ' Keys are written prefix:name, e.g. aws:SourceIp.' : ''}`,
    {
      fixes:
        suggestion && !keyTaken(keyNode, suggestion)
          ? [{ title: `Change to "${suggestion}"`, edits: [{ range: context.nodeRange(keyNode), newText: jsonString(suggestion) }], preferred: true }]
          : [],
    },
  );
  return undefined;
}

function valuesOf(node: Node | undefined): Node[] {
  if (!node) return [];
  return node.type === 'array' ? (node.children ?? []) : [node];
}

function checkValues(context: RuleContext, operator: ParsedOperator, valueNode: Node, property: Node): void {
  const info = operator.info;
  for (const value of valuesOf(valueNode)) {
    if (value.type === 'object' || value.type === 'array' || value.type === 'null') {
      context.report(
        CONDITION_RULES.invalidCondition,
        context.nodeRange(value),
        'Condition values must be strings, numbers or booleans (or an array of them).',
      );
      continue;
    }
    if (!info) continue;
    const raw = value.value as string | number | boolean;
    if (typeof raw === 'string' && raw.includes('${')) continue; // policy variables are resolved at request time
    const message = invalidValueMessage(info.category, raw, info.name);
    if (message) {
      context.report(CONDITION_RULES.invalidConditionValue, context.nodeRange(value), message);
      continue;
    }
    if (typeof raw === 'string' && !info.supportsWildcards && info.category === 'String' && raw.includes('*')) {
      const like = EQUALITY_TO_LIKE[info.name];
      const operatorNode = property.parent?.parent?.children?.[0];
      const replacement = like ? `${operator.set ? `${operator.set}:` : ''}${like}${operator.ifExists ? 'IfExists' : ''}` : undefined;
      context.report(
        CONDITION_RULES.wildcardWithoutLike,
        context.nodeRange(value),
        `${info.name} compares literally, so "*" in "${raw}" only matches a real asterisk.${like ? ` Use ${like} for wildcard matching.` : ''}`,
        {
          fixes:
            replacement && operatorNode && !keyTaken(operatorNode, replacement)
              ? [{ title: `Change the operator to "${replacement}"`, edits: [{ range: context.nodeRange(operatorNode), newText: jsonString(replacement) }] }]
              : [],
        },
      );
    }
  }
}
