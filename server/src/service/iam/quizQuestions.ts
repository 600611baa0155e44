import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Question, QuestionSource } from '../../protocol/quiz';
import { parseArn, patternMatchesTemplate } from './arn';
import type { ActionInfo, IamCatalog } from './catalog/catalog';
import type { PolicyAnalysis } from './analyze';
import { propertyMap, type JsonString, type StatementModel } from './model';

/**
 * "Quiz Me on This File" on a policy asks first about what the policy itself uses: the access
 * level of its actions, the resource types they act on, the condition keys they take, whether
 * they support resource-level permissions, what its resource ARNs name. Every answer comes from
 * the authorization catalog and every distractor is checked against it, so a question can never
 * key a wrong answer.
 */

const MAX_ACTIONS = 6;
const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;

export function policyQuestions(document: TextDocument, analysis: PolicyAnalysis, catalog: IamCatalog, file: string): Question[] {
  const source = (at: JsonString): QuestionSource => {
    const line = document.positionAt(at.node.offset).line + 1;
    return { file, startLine: line, endLine: line, kind: 'file' };
  };
  const questions: Question[] = [];
  const seen = new Set<string>();
  const actions: { info: ActionInfo; at: JsonString; statement: StatementModel }[] = [];
  const resources: JsonString[] = [];
  for (const statement of analysis.model.statements) {
    for (const text of statement.action?.strings ?? []) {
      const [service, name] = text.value.split(':');
      if (!service || !name || /[*?]/.test(name)) continue;
      const info = catalog.action(service, name);
      const key = `${info?.service}:${info?.name}`;
      if (!info || seen.has(key)) continue;
      seen.add(key);
      actions.push({ info, at: text, statement });
    }
    for (const text of statement.resource?.strings ?? []) if (text.value.startsWith('arn:')) resources.push(text);
  }
  for (const { info, at, statement } of actions.slice(0, MAX_ACTIONS)) {
    const name = `${info.service}:${info.name}`;
    const topic = catalog.serviceName(info.service) ?? info.service;
    const base = { topic, source: source(at) };
    // The access level, when the action has one (a few combine two, which makes no clean question).
    if (info.accessLevels.length === 1) {
      questions.push({
        ...base,
        id: `file-iam-level-${name.toLowerCase()}`,
        type: 'definition-term',
        prompt: `Which access level does the Service Authorization Reference give ${name}?`,
        options: [...LEVELS],
        answer: info.accessLevels[0]!,
        explanation: `${name} is a ${info.accessLevels[0]} action. Access levels (List, Read, Write, Permissions management, Tagging) are how IAM groups actions in policy summaries.`,
      });
    }
    // Resource-level permissions: the resource types it acts on, or none ("Resource": "*").
    const own = new Set(info.resourceTypes.map((rt) => rt.name.toLowerCase()));
    // The answer is a type the action lists: preferably the one this file's resources name.
    const inFile = info.resourceTypes.find((rt) => {
      const template = catalog.resourceType(info.service, rt.name)?.arn;
      return template !== undefined && (statement.resource?.strings ?? []).some((r) => patternMatchesTemplate(r.value, template));
    });
    const required = inFile ?? info.resourceTypes.find((rt) => rt.required) ?? info.resourceTypes[0];
    const others = catalog
      .resourceTypes(info.service)
      .map((rt) => rt.name)
      .filter((rt, i, all) => !own.has(rt.toLowerCase()) && all.indexOf(rt) === i);
    if (info.wildcardOnly) {
      questions.push({
        ...base,
        id: `file-iam-wildcard-${name.toLowerCase()}`,
        type: 'true-false',
        prompt: `True or false: ${name} can be limited to specific resources with ARNs in "Resource".`,
        options: ['True', 'False'],
        answer: 'False',
        explanation: `False. ${name} supports no resource-level permissions: it needs "Resource": "*" (a service-wide ARN such as arn:aws:${info.service}:::* also serves).`,
      });
    } else if (required && others.length >= 3) {
      questions.push({
        ...base,
        id: `file-iam-resource-${name.toLowerCase()}`,
        type: 'definition-term',
        prompt: `Which of these resource types can ${name} act on?`,
        options: pick([required.name, ...others], 4, name),
        answer: required.name,
        explanation: `${name} acts on ${info.resourceTypes.map((rt) => rt.name).join(', ')}; the ARNs in "Resource" must name resources of that type.`,
      });
    }
    // A service condition key it takes, against keys of the same service it does not take.
    const supported = new Set(
      [...info.conditionKeys, ...info.resourceTypes.flatMap((rt) => catalog.resourceType(info.service, rt.name)?.conditionKeys ?? [])].map((k) =>
        k.toLowerCase(),
      ),
    );
    const ownKeys = info.conditionKeys.filter((k) => k.toLowerCase().startsWith(`${info.service}:`) && !/[$<{]/.test(k));
    const otherKeys = catalog
      .serviceConditionKeys(info.service)
      .map((k) => k.key)
      .filter((k) => !supported.has(k.toLowerCase()) && !/[$<{]/.test(k) && !/tag/i.test(k));
    if (ownKeys.length > 0 && otherKeys.length >= 3) {
      // A key this file's condition uses with the action, when there is one (s3:prefix with s3:ListBucket).
      const used = conditionKeysOf(statement).find((k) => ownKeys.some((own) => own.toLowerCase() === k.toLowerCase()));
      const answer = ownKeys.find((k) => k.toLowerCase() === used?.toLowerCase()) ?? ownKeys[hash(name) % ownKeys.length]!;
      questions.push({
        ...base,
        id: `file-iam-key-${name.toLowerCase()}`,
        type: 'definition-term',
        prompt: `Which of these condition keys can a Condition use with ${name}?`,
        options: pick([answer, ...otherKeys], 4, name),
        answer,
        explanation: `${name} documents ${ownKeys.join(', ')}. A key the action does not support never matches its requests, so the condition would never apply.`,
      });
    }
  }
  // What the policy's resource ARNs name, when exactly one resource type fits.
  for (const at of resources.slice(0, 3)) {
    const arn = parseArn(at.value);
    if (!arn || /[*?$]/.test(arn.service)) continue;
    const types = catalog.resourceTypesInNamespace(arn.service);
    const fits = types.filter((rt) => patternMatchesTemplate(at.value, rt.arn));
    const names = [...new Set(types.map((rt) => rt.name))];
    if (fits.length !== 1 || names.length < 4) continue;
    const answer = fits[0]!.name;
    questions.push({
      id: `file-iam-arn-${hash(at.value)}`,
      type: 'definition-term',
      topic: catalog.serviceName(arn.service) ?? arn.service,
      prompt: `Which resource type does ${at.value} name?`,
      options: pick([answer, ...names.filter((n) => n !== answer)], 4, at.value),
      answer,
      explanation: `${at.value} has the form of ${fits[0]!.arn}, the ARN of a ${answer}.`,
      source: source(at),
    });
  }
  return questions;
}

function conditionKeysOf(statement: StatementModel): string[] {
  const condition = statement.condition;
  if (condition?.type !== 'object') return [];
  return [...propertyMap(condition).values()].flatMap((block) => {
    const body = block.children?.[1];
    return body?.type === 'object' ? [...propertyMap(body).keys()] : [];
  });
}

/** The answer and three others, in an order that depends on the question only (stable across sessions). */
function pick(options: readonly string[], count: number, seed: string): string[] {
  const [answer, ...rest] = options;
  const chosen = [...rest].sort((a, b) => hash(`${seed}${a}`) - hash(`${seed}${b}`)).slice(0, count - 1);
  return [answer!, ...chosen].sort((a, b) => hash(`${seed}|${a}`) - hash(`${seed}|${b}`));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
