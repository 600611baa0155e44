import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import globalKeyDocs from '../../../../knowledge/iam/global-condition-keys.json';
import { rangeOf } from '../common/text';
import type { PolicyAnalysis } from './analyze';
import type { PolicyModel } from './model';
import { parseArn, patternMatchesTemplate } from './arn';
import type { IamCatalog } from './catalog/catalog';
import { EFFECT_DOCS, ELEMENT_DOCS, PRINCIPAL_TYPE_DOCS, VERSION_DOCS } from './elementDocs';
import { locate } from './location';
import { parseOperator, QUALIFIERS, suitableOperators } from './operators';

/** Hovers: short, formatted explanations of whatever token the cursor is on. */

const SAR_URL = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';
const MAX_LISTED = 8;
const GLOBAL_DOCS: Record<string, { description: string; docs?: string }> = globalKeyDocs.keys;

export function iamHover(document: TextDocument, analysis: PolicyAnalysis, catalog: IamCatalog, position: Position): Hover | undefined {
  const offset = document.offsetAt(position);
  const where = locate(analysis.model.root, offset);
  if (where?.node.type !== 'string') return undefined;
  const value = String(where.node.value);
  const markdown = hoverMarkdown(catalog, where.path, where.isKey, where.inStatement, value);
  if (!markdown) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(document, where.node.offset, where.node.length) };
}

function hoverMarkdown(catalog: IamCatalog, path: readonly (string | number)[], isKey: boolean, inStatement: boolean, value: string): string | undefined {
  const element = String(path[0] ?? '');
  if (!inStatement) {
    if (isKey && path.length === 1) return elementHover(value);
    if (element === 'Version' && !isKey) return VERSION_DOCS[value] ?? elementHover('Version');
    return undefined;
  }
  if (isKey && path.length === 1) return elementHover(value);
  switch (element) {
    case 'Effect':
      return isKey ? undefined : EFFECT_DOCS[value];
    case 'Action':
    case 'NotAction':
      return isKey ? undefined : actionHover(catalog, value);
    case 'Resource':
    case 'NotResource':
      return isKey ? undefined : arnHover(catalog, value);
    case 'Principal':
    case 'NotPrincipal':
      return isKey && path.length === 2 ? PRINCIPAL_TYPE_DOCS[value] && `**${value}** principal\n\n${PRINCIPAL_TYPE_DOCS[value]}` : undefined;
    case 'Condition':
      if (isKey && path.length === 2) return operatorHover(value);
      if (isKey && path.length === 3) return conditionKeyHover(catalog, value);
      return undefined;
    default:
      return undefined;
  }
}

function elementHover(name: string): string | undefined {
  const docs = ELEMENT_DOCS[name];
  return docs ? `**${name}**\n\n${docs}` : undefined;
}

export function actionHover(catalog: IamCatalog, value: string): string | undefined {
  if (value === '*') {
    return `**\\*** matches every action of every service: ${catalog.totalActionCount().toLocaleString('en-US')} actions in ${catalog.servicePrefixes().length} services.`;
  }
  const colon = value.indexOf(':');
  if (colon <= 0) return undefined;
  const service = value.slice(0, colon);
  const name = value.slice(colon + 1);
  const serviceName = catalog.serviceName(service);
  if (!serviceName) return undefined;
  if (/[*?]/.test(name)) {
    const matches = catalog.matchActions(service, name);
    if (matches.length === 0) return `**${escapeMarkdownText(value)}** matches no ${serviceName} action.`;
    const levels = new Map<string, number>();
    for (const m of matches) for (const level of m.accessLevels) levels.set(level, (levels.get(level) ?? 0) + 1);
    const levelText = [...levels].map(([level, count]) => `${level} ${count}`).join(' · ');
    const listed = matches
      .slice(0, MAX_LISTED)
      .map((m) => `\`${service}:${m.name}\``)
      .join(', ');
    const more = matches.length > MAX_LISTED ? `, … (+${matches.length - MAX_LISTED} more)` : '';
    return `**${escapeMarkdownText(value)}** matches ${matches.length} ${serviceName} action${matches.length === 1 ? '' : 's'} (${levelText})\n\n${listed}${more}`;
  }
  const action = catalog.action(service, name);
  if (!action) return undefined;
  const description = catalog.docs(service).actions[action.name];
  const lines = [`**${service}:${action.name}** · ${action.accessLevels.join(', ')} · ${serviceName}`];
  if (description) lines.push('', description);
  if (action.wildcardOnly) {
    lines.push('', 'Supports no resource-level permissions: use `"Resource": "*"`.');
  } else {
    lines.push('', '| Resource type | ARN |', '|---|---|');
    for (const rt of action.resourceTypes.slice(0, MAX_LISTED)) {
      const arn = catalog.resourceType(service, rt.name)?.arn ?? '';
      lines.push(`| ${rt.name}${rt.required ? ' (required)' : ''} | \`${arn}\` |`);
    }
  }
  if (action.conditionKeys.length > 0) {
    const keys = action.conditionKeys
      .slice(0, MAX_LISTED)
      .map((k) => `\`${k}\``)
      .join(', ');
    lines.push('', `Condition keys: ${keys}${action.conditionKeys.length > MAX_LISTED ? `, … (+${action.conditionKeys.length - MAX_LISTED})` : ''}`);
  }
  lines.push('', `[Service Authorization Reference](${SAR_URL})`);
  return lines.join('\n');
}

function arnHover(catalog: IamCatalog, value: string): string | undefined {
  if (value === '*') return "**\\*** — every resource the statement's actions can apply to.";
  const arn = parseArn(value);
  if (!arn) return undefined;
  const serviceName = catalog.serviceName(arn.service);
  const lines = [
    '| Part | Value |',
    '|---|---|',
    `| partition | \`${arn.partition || '(empty)'}\` |`,
    `| service | \`${arn.service}\`${serviceName ? ` (${serviceName})` : ''} |`,
    `| region | \`${arn.region || '(none)'}\` |`,
    `| account | \`${arn.account || '(none)'}\` |`,
    `| resource | \`${escapeTable(arn.resource)}\` |`,
  ];
  if (serviceName) {
    const types = catalog.resourceTypesInNamespace(arn.service).filter((rt) => patternMatchesTemplate(value, rt.arn));
    if (types.length > 0) {
      lines.push(
        '',
        `Resource type${types.length === 1 ? '' : 's'}: ${types
          .slice(0, MAX_LISTED)
          .map((t) => `**${t.name}** \`${t.arn}\``)
          .join(', ')}`,
      );
    }
  }
  return lines.join('\n');
}

function operatorHover(text: string): string | undefined {
  const operator = parseOperator(text);
  if (!operator.info) return undefined;
  const lines = [`**${escapeMarkdownText(text)}** · ${operator.info.category} operator`, '', operator.info.description];
  if (operator.ifExists) lines.push('', `**IfExists**: ${QUALIFIERS.IfExists}`);
  if (operator.set) lines.push('', `**${operator.set}**: ${QUALIFIERS[operator.set]}`);
  return lines.join('\n');
}

function conditionKeyHover(catalog: IamCatalog, key: string): string | undefined {
  const info = catalog.conditionKey(key);
  if (!info) return undefined;
  const scope = info.service === 'aws' ? 'global key' : info.inferred ? 'identity-provider claim' : `${catalog.serviceName(info.service) ?? info.service} key`;
  const description =
    info.service === 'aws'
      ? GLOBAL_DOCS[info.key]?.description
      : info.inferred
        ? "A claim from the identity provider's token, available when a role is assumed with a web identity."
        : catalog.docs(info.service).conditionKeys[info.key];
  const lines = [`**${escapeMarkdownText(key)}** · ${info.type} · ${scope}`];
  if (description) lines.push('', description);
  lines.push('', `Compare with ${suitableOperators(info.type)}${info.type.startsWith('ArrayOf') ? '; multivalued, so use ForAnyValue:/ForAllValues:' : ''}.`);
  const docs = info.service === 'aws' ? GLOBAL_DOCS[info.key]?.docs : undefined;
  if (docs) lines.push('', `[Documentation](${docs})`);
  return lines.join('\n');
}

function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>]/g, '\\$&');
}

function escapeTable(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}

/** Hovers worth warming in idle time: one position inside each distinct action name (at most 200, in document order). */
export function actionHoverTargets(document: TextDocument, model: PolicyModel): Position[] {
  const seen = new Set<string>();
  const targets: Position[] = [];
  for (const statement of model.statements) {
    for (const action of [...(statement.action?.strings ?? []), ...(statement.notAction?.strings ?? [])]) {
      const key = action.value.toLowerCase();
      if (seen.has(key) || action.contentLength === 0) continue;
      seen.add(key);
      targets.push(document.positionAt(action.contentOffset + 1));
      if (targets.length >= MAX_WARMED_HOVERS) return targets;
    }
  }
  return targets;
}

const MAX_WARMED_HOVERS = 200;
