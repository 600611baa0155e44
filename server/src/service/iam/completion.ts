import { getLocation, type Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import type { PolicyAnalysis } from './analyze';
import type { ConditionKeyInfo, IamCatalog } from './catalog/catalog';
import { ELEMENT_DOCS, PRINCIPAL_TYPE_DOCS } from './elementDocs';
import { resolveAction } from './rules/context';
import { OPERATORS, allOperatorSpellings } from './operators';
import { CURRENT_VERSION, TOP_LEVEL_KEYS } from './rules/document';
import { STATEMENT_KEYS } from './rules/elements';
import type { StatementModel } from './model';

/** Completion in policies: element names, Effect values, services, actions, operators, condition keys, principals, ARN templates. */

const ELEMENT_SNIPPETS: Readonly<Record<string, string>> = {
  Version: `"Version": "${CURRENT_VERSION}"`,
  Id: '"Id": "$1"',
  Statement: '"Statement": [\n\t{\n\t\t"Effect": "${1|Allow,Deny|}",\n\t\t"Action": "$2",\n\t\t"Resource": "$3"\n\t}\n]',
  Sid: '"Sid": "$1"',
  Effect: '"Effect": "${1|Allow,Deny|}"',
  Action: '"Action": [\n\t"$1"\n]',
  NotAction: '"NotAction": [\n\t"$1"\n]',
  Resource: '"Resource": [\n\t"$1"\n]',
  NotResource: '"NotResource": [\n\t"$1"\n]',
  Principal: '"Principal": {\n\t"${1|AWS,Service,Federated,CanonicalUser|}": "$2"\n}',
  NotPrincipal: '"NotPrincipal": {\n\t"AWS": "$1"\n}',
  Condition: '"Condition": {\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}',
};

const COMMON_SERVICE_PRINCIPALS = [
  'ec2.amazonaws.com',
  'lambda.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'codebuild.amazonaws.com',
  'codedeploy.amazonaws.com',
  'codepipeline.amazonaws.com',
  'cloudformation.amazonaws.com',
  'states.amazonaws.com',
  'events.amazonaws.com',
  'apigateway.amazonaws.com',
  'sns.amazonaws.com',
  'sqs.amazonaws.com',
  's3.amazonaws.com',
  'logs.amazonaws.com',
  'firehose.amazonaws.com',
  'glue.amazonaws.com',
  'sagemaker.amazonaws.com',
  'elasticmapreduce.amazonaws.com',
  'eks.amazonaws.com',
  'cloudtrail.amazonaws.com',
];

export function iamCompletion(document: TextDocument, analysis: PolicyAnalysis, catalog: IamCatalog, position: Position): CompletionList | undefined {
  // getLocation re-scans recursively: a document too deep to parse gets no completion.
  if (analysis.model.tooDeep) return undefined;
  const text = document.getText();
  const offset = document.offsetAt(position);
  const location = getLocation(text, offset);
  const path = location.path;
  const inStatement = path[0] === 'Statement' && path.length >= 2;
  const rel = inStatement ? path.slice(typeof path[1] === 'number' ? 2 : 1) : path;
  const statementIndex = inStatement && typeof path[1] === 'number' ? path[1] : 0;
  const statement = inStatement ? analysis.model.statements.find((s) => s.index === statementIndex) : undefined;
  const stringNode = location.previousNode?.type === 'string' && offset > location.previousNode.offset ? location.previousNode : undefined;
  const replaceRange = stringNode ? contentRange(document, text, stringNode) : rangeOf(document, offset, 0);
  const typed = stringNode ? text.slice(stringNode.offset + 1, offset) : '';
  const quote = (s: string) => (stringNode ? s : JSON.stringify(s));
  const item = (label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}): CompletionItem => ({
    label,
    kind,
    textEdit: { range: replaceRange, newText: quote(label) },
    ...extra,
  });

  let items: CompletionItem[] = [];
  if (location.isAtPropertyKey) {
    if (!inStatement && path.length === 1) items = elementItems(TOP_LEVEL_KEYS, analysis.model.root?.children, replaceRange, !!stringNode);
    else if (inStatement && rel.length === 1) items = elementItems(STATEMENT_KEYS, statement?.node.children, replaceRange, !!stringNode);
    else if (rel[0] === 'Condition' && rel.length === 2) {
      items = allOperatorSpellings().map((name) => item(name, CompletionItemKind.Operator, { detail: OPERATORS.get(name.replace(/IfExists$/, ''))?.category }));
    } else if (rel[0] === 'Condition' && rel.length === 3) {
      items = conditionKeysFor(catalog, statement).map((k) =>
        item(k.key, CompletionItemKind.Property, { detail: `${k.type} · ${k.service === 'aws' ? 'global' : k.service}` }),
      );
    } else if ((rel[0] === 'Principal' || rel[0] === 'NotPrincipal') && rel.length === 2) {
      items = Object.entries(PRINCIPAL_TYPE_DOCS).map(([name, docs]) => item(name, CompletionItemKind.Property, { documentation: docs }));
    }
  } else if (!inStatement && rel[0] === 'Version') {
    items = [item(CURRENT_VERSION, CompletionItemKind.Value, { detail: 'current policy language' })];
  } else if (rel[0] === 'Effect') {
    items = ['Allow', 'Deny'].map((v) => item(v, CompletionItemKind.EnumMember));
  } else if (rel[0] === 'Action' || rel[0] === 'NotAction') {
    items = actionItems(catalog, typed, replaceRange, quote);
  } else if ((rel[0] === 'Principal' || rel[0] === 'NotPrincipal') && rel[1] === 'Service') {
    items = COMMON_SERVICE_PRINCIPALS.map((p) => item(p, CompletionItemKind.Value));
  } else if (rel[0] === 'Resource' || rel[0] === 'NotResource') {
    items = resourceItems(catalog, statement, replaceRange, !!stringNode);
  } else if (rel[0] === 'Condition' && rel.length >= 3) {
    const key = catalog.conditionKey(String(rel[2]));
    if (key?.type.endsWith('Bool')) items = ['true', 'false'].map((v) => item(v, CompletionItemKind.Value));
  }
  return items.length > 0 ? { isIncomplete: false, items } : undefined;
}

function contentRange(document: TextDocument, text: string, node: Node): Range {
  const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  return rangeOf(document, node.offset + 1, Math.max(0, node.length - (closed ? 2 : 1)));
}

function elementItems(names: readonly string[], existing: Node[] | undefined, range: Range, inString: boolean): CompletionItem[] {
  const present = new Set((existing ?? []).map((p) => p.children?.[0]?.value));
  return names
    .filter((name) => !present.has(name))
    .map((name) => ({
      label: name,
      kind: CompletionItemKind.Property,
      documentation: ELEMENT_DOCS[name],
      insertTextFormat: InsertTextFormat.Snippet,
      // Inside an already-typed key only the name is replaced; elsewhere the whole property is inserted.
      textEdit: { range, newText: inString ? name : (ELEMENT_SNIPPETS[name] ?? `"${name}": $1`) },
    }));
}

function actionItems(catalog: IamCatalog, typed: string, range: Range, quote: (s: string) => string): CompletionItem[] {
  const colon = typed.indexOf(':');
  if (colon < 0) {
    return catalog.servicePrefixes().map((prefix) => ({
      label: `${prefix}:`,
      kind: CompletionItemKind.Module,
      detail: catalog.serviceName(prefix),
      textEdit: { range, newText: quote(`${prefix}:`).replace(/"$/, '') },
      command: { title: 'Suggest actions', command: 'editor.action.triggerSuggest' },
    }));
  }
  const service = typed.slice(0, colon).toLowerCase();
  return catalog.actions(service).map((action) => ({
    label: `${service}:${action.name}`,
    kind: CompletionItemKind.Function,
    detail: action.accessLevels.join(', '),
    filterText: `${typed.slice(0, colon)}:${action.name}`,
    textEdit: { range, newText: quote(`${service}:${action.name}`) },
  }));
}

function resourceItems(catalog: IamCatalog, statement: StatementModel | undefined, range: Range, inString: boolean): CompletionItem[] {
  const items: CompletionItem[] = [{ label: '*', kind: CompletionItemKind.Value, textEdit: { range, newText: inString ? '*' : '"*"' } }];
  if (!statement) return items;
  const seen = new Set<string>();
  for (const text of statement.action?.strings ?? []) {
    for (const action of resolveAction(catalog, text).matches.slice(0, 50)) {
      for (const rt of action.resourceTypes) {
        const info = catalog.resourceType(action.service, rt.name);
        if (!info || seen.has(info.arn)) continue;
        seen.add(info.arn);
        let tabstop = 0;
        const snippet = info.arn.replace(/\$\{Partition\}/g, 'aws').replace(/\$\{([^}]+)\}/g, (_m, name: string) => `\${${++tabstop}:${name}}`);
        items.push({
          label: info.arn,
          kind: CompletionItemKind.Reference,
          detail: `${action.service} ${rt.name}`,
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: { range, newText: inString ? snippet : `"${snippet}"` },
        });
      }
    }
  }
  return items;
}

/** Global keys plus the keys documented for the statement's actions (or their whole services for wildcards). */
function conditionKeysFor(catalog: IamCatalog, statement: StatementModel | undefined): ConditionKeyInfo[] {
  const keys = new Map<string, ConditionKeyInfo>();
  for (const key of catalog.globalConditionKeys()) keys.set(key.key, key);
  for (const text of statement?.action?.strings ?? []) {
    const resolved = resolveAction(catalog, text);
    if (!resolved.service) continue;
    if (resolved.hasWildcard) {
      for (const key of catalog.serviceConditionKeys(resolved.service)) keys.set(key.key, key);
      continue;
    }
    for (const action of resolved.matches) {
      for (const name of action.conditionKeys) {
        const info = catalog.conditionKey(name);
        if (info) keys.set(name, { ...info, key: name });
      }
    }
  }
  return [...keys.values()];
}
