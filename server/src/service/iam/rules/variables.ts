import { propertyMap, stringsOf, type JsonString, type StatementModel } from '../model';
import type { RuleContext } from './context';
import { define, VARIABLES } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** Policy variables (`${aws:username}`): syntax, known keys, and the Version they need. */

export const VARIABLE_RULES = {
  invalidPolicyVariable: define(
    'IAM080',
    'invalid-policy-variable',
    'error',
    'A policy variable is malformed, e.g. ${aws:username is missing its closing brace.',
    VARIABLES,
  ),
  variableInOldVersion: define(
    'IAM081',
    'variable-in-old-version',
    'warning',
    'Policy variables need Version 2012-10-17; under 2008-10-17 they are literal text.',
    VARIABLES,
  ),
} satisfies Record<string, RuleDefinition>;

const ESCAPES = new Set(['*', '?', '$']);
// `${aws:PrincipalTag/team, 'none'}`: a key with an optional default value in single quotes.
const VARIABLE_BODY = /^\s*([^\s,}]+)\s*(,\s*'[^']*'\s*)?$/;

export function checkVariables(context: RuleContext): void {
  const version = context.model.version?.value;
  const oldVersion = version !== '2012-10-17';
  context.eachStatement((statement) => {
    for (const action of statement.action?.strings ?? []) {
      if (action.value.includes('${')) {
        context.report(
          VARIABLE_RULES.invalidPolicyVariable,
          context.stringRange(action),
          'Policy variables cannot be used in Action; they work in Resource and in Condition values.',
        );
      }
    }
    for (const s of variableCarriers(context, statement)) checkString(context, s, oldVersion);
  });
}

function variableCarriers(context: RuleContext, statement: StatementModel): JsonString[] {
  const strings = [...(statement.resource?.strings ?? []), ...(statement.notResource?.strings ?? [])];
  if (statement.condition?.type === 'object') {
    for (const block of propertyMap(statement.condition).values()) {
      const blockValue = block.children?.[1];
      if (blockValue?.type !== 'object') continue;
      for (const keyProperty of propertyMap(blockValue).values()) strings.push(...stringsOf(context.model.text, keyProperty.children?.[1]));
    }
  }
  return strings.filter((s) => s.value.includes('${'));
}

function checkString(context: RuleContext, s: JsonString, oldVersion: boolean): void {
  const value = s.value;
  let index = value.indexOf('${');
  while (index !== -1) {
    const close = value.indexOf('}', index + 2);
    const nextOpen = value.indexOf('${', index + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      const name = /^[\w.-]+:[\w.-]+/.exec(value.slice(index + 2))?.[0];
      const end = name ? index + 2 + name.length : index + 2;
      const fixes = name && s.verbatim ? [{ title: `Close the variable: \${${name}}`, edits: [{ range: context.stringRange(s, end, 0), newText: '}' }] }] : [];
      context.report(
        VARIABLE_RULES.invalidPolicyVariable,
        context.stringRange(s, index, Math.max(2, end - index)),
        `The policy variable "${value.slice(index, end)}" has no closing brace: write \${${name ?? 'key'}}.`,
        { fixes },
      );
      index = nextOpen;
      continue;
    }
    const body = value.slice(index + 2, close);
    const range = context.stringRange(s, index, close - index + 1);
    if (!ESCAPES.has(body)) {
      const match = VARIABLE_BODY.exec(body);
      if (!match) {
        context.report(
          VARIABLE_RULES.invalidPolicyVariable,
          range,
          body.trim() === ''
            ? 'Empty policy variable "${}": name a key, e.g. ${aws:username}.'
            : `"\${${body}}" is not a valid policy variable: write \${key} or \${key, 'default'}.`,
        );
      } else if (!context.catalog.conditionKey(match[1]!)) {
        context.report(
          VARIABLE_RULES.invalidPolicyVariable,
          range,
          match[1]!.includes(':')
            ? `"${match[1]}" is not a known request context key, so \${${match[1]}} never resolves.`
            : `\${${match[1]}} is not a policy variable (those are prefix:name, such as \${aws:username}), so IAM never resolves it; if it is a template placeholder (CloudFormation, Terraform), substitute it before the policy is used.`,
          {
            severity: 'warning',
          },
        );
      }
    }
    if (oldVersion) {
      context.report(
        VARIABLE_RULES.variableInOldVersion,
        range,
        `\${${body}} is plain text here: policy variables need "Version": "2012-10-17" at the top of the policy.`,
      );
    }
    index = value.indexOf('${', close + 1);
  }
}
