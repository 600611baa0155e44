import type { Fix, RuleDefinition } from '../../common/findings';
import { nearest } from '../../common/suggest';
import { jsonString } from '../../common/text';
import type { RuleContext, ResolvedAction } from './context';
import { define, ELEMENTS, SAR } from './docs';

/** Action and NotAction strings: format, service prefix, action name, wildcards. */

export const ACTION_RULES = {
  invalidActionFormat: define(
    'IAM040',
    'invalid-action-format',
    'error',
    'Actions are written service:ActionName, e.g. s3:GetObject.',
    `${ELEMENTS}_action.html`,
  ),
  unknownService: define('IAM041', 'unknown-service', 'error', 'The service prefix is not in the AWS authorization catalog.', SAR),
  unknownAction: define('IAM042', 'unknown-action', 'error', 'The action does not exist in its service.', SAR),
  wildcardMatchesNothing: define('IAM043', 'wildcard-matches-nothing', 'error', 'The action pattern matches no action of its service.', SAR),
} satisfies Record<string, RuleDefinition>;

const SERVICE_PATTERN = /^[a-z0-9-]+$/i;
const ACTION_NAME_PATTERN = /^[A-Za-z0-9*?]+$/;

export function checkActions(context: RuleContext): void {
  context.eachStatement((statement) => {
    for (const action of context.actionsOf(statement)) checkAction(context, action);
  });
}

function checkAction(context: RuleContext, action: ResolvedAction): void {
  const { text } = action;
  const value = text.value;
  if (action.isStar) return;
  const colon = value.indexOf(':');
  if (action.service === undefined || action.name === undefined) {
    const trimmed = value.replace(/\s+/g, '');
    const fixes: Fix[] = trimmed !== value && /^[a-z0-9-]+:[A-Za-z0-9*?]+$/i.test(trimmed) ? [replaceFix(context, action, trimmed)] : [];
    const why =
      colon < 0
        ? 'it has no colon'
        : colon === 0
          ? 'the service prefix is missing'
          : colon === value.length - 1
            ? 'the action name is missing'
            : 'it has more than one colon';
    context.report(
      ACTION_RULES.invalidActionFormat,
      context.stringRange(text),
      `"${value}" is not an action: ${why}. Write service:Action, e.g. "s3:GetObject".`,
      { fixes },
    );
    return;
  }
  const service = value.slice(0, colon);
  if (!SERVICE_PATTERN.test(service) || !ACTION_NAME_PATTERN.test(action.name)) {
    const trimmed = value.replace(/\s+/g, '');
    const fixes = trimmed !== value ? [replaceFix(context, action, trimmed)] : [];
    context.report(
      ACTION_RULES.invalidActionFormat,
      context.stringRange(text),
      `"${value}" is not a valid action: the service prefix takes letters, digits and hyphens, the action name letters, digits, * and ?.`,
      { fixes },
    );
    return;
  }
  const catalog = context.catalog;
  if (!catalog.hasService(action.service)) {
    const suggestion = nearest(action.service, catalog.servicePrefixes());
    const fixes = suggestion ? [replaceFix(context, action, `${suggestion}:${action.name}`, `Change the service to "${suggestion}"`)] : [];
    context.report(
      ACTION_RULES.unknownService,
      context.stringRange(text, 0, colon),
      `Unknown service prefix "${service}".${suggestion ? ` Did you mean "${suggestion}" (${catalog.serviceName(suggestion)})?` : ''}`,
      { fixes },
    );
    return;
  }
  if (action.matches.length > 0) return;
  const nameRange = context.stringRange(text, colon + 1, value.length - colon - 1);
  const serviceName = catalog.serviceName(action.service);
  if (action.hasWildcard) {
    context.report(ACTION_RULES.wildcardMatchesNothing, nameRange, `"${value}" matches no ${serviceName} action, so it grants or denies nothing.`);
    return;
  }
  const suggestion = nearestAction(context, action.service, action.name);
  const fixes = suggestion ? [replaceFix(context, action, `${service}:${suggestion}`, `Change to "${service}:${suggestion}"`)] : [];
  context.report(
    ACTION_RULES.unknownAction,
    nameRange,
    `${serviceName} has no action "${action.name}".${suggestion ? ` Did you mean "${service}:${suggestion}"?` : ''}`,
    { fixes },
  );
}

/** Suggests a real action, preferring a plain edit distance and then a plural/singular slip (GetObjects → GetObject). */
function nearestAction(context: RuleContext, service: string, name: string): string | undefined {
  const names = context.catalog.actions(service).map((a) => a.name);
  return nearest(name, names) ?? names.find((n) => n.toLowerCase() === name.toLowerCase().replace(/s$/, ''));
}

function replaceFix(context: RuleContext, action: ResolvedAction, replacement: string, title = `Change to "${replacement}"`): Fix {
  return { title, edits: [{ range: context.nodeRange(action.text.node), newText: jsonString(replacement) }], preferred: true };
}
