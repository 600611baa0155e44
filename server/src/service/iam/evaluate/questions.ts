import type { Question } from '../../../protocol/quiz';
import type { IamCatalog } from '../catalog/catalog';
import type { PolicyKind, PolicyModel, StatementModel } from '../model';
import { evaluateRequest } from './engine';
import { parsePrincipal } from './principal';
import type { EvaluationResult } from './types';

/**
 * Quiz questions the evaluation engine answers about an identity policy: "can this principal
 * call X on Y?" and "which statement denies X here?". Each request has an empty context, so
 * only statements without a Condition are used, and every answer is the engine's own decision,
 * with its explanation (IAM User Guide, reference_policies_evaluation-logic.html).
 */

const PRINCIPAL = parsePrincipal('arn:aws:iam::111122223333:user/learner')!;
const MAX_CAN_QUESTIONS = 3;

/** A concrete ARN for a pattern: `*` → `example`, `?` → `x`; none for patterns with variables. */
function exampleOf(pattern: string): string | undefined {
  if (pattern.includes('${')) return undefined;
  if (pattern === '*') return undefined;
  return pattern.replace(/\*/g, 'example').replace(/\?/g, 'x');
}

/** A concrete action for an Action entry: itself, or the first action of the catalog it matches. */
function actionOf(pattern: string, catalog: IamCatalog): string | undefined {
  const [service, name] = pattern.split(':');
  if (!service || !name) return undefined;
  if (!/[*?]/.test(name)) {
    const info = catalog.action(service, name);
    return info ? `${info.service}:${info.name}` : undefined;
  }
  const first = catalog.matchActions(service, name)[0];
  return first ? `${first.service}:${first.name}` : undefined;
}

function label(statement: StatementModel, line: number): string {
  return statement.sid ? `"${statement.sid.value}" (line ${line})` : `Statement ${statement.index + 1} (line ${line})`;
}

export function simulationQuestions(model: PolicyModel, kind: PolicyKind, text: string, file: string, catalog: IamCatalog): Question[] {
  if (kind !== 'identity' || model.statements.length === 0) return [];
  const simulate = (action: string, resource: string): EvaluationResult =>
    evaluateRequest({ action, resource, principal: PRINCIPAL, context: new Map() }, [{ type: 'identity', file, text }]);
  const lineOfStatement = (s: StatementModel) => text.slice(0, s.node.offset).split('\n').length;
  const questions: Question[] = [];
  const seen = new Set<string>();

  // "Can it?" for Allow statements without conditions: the request named by their own action and resource.
  for (const statement of model.statements) {
    if (questions.length >= MAX_CAN_QUESTIONS) break;
    if (statement.effect?.value !== 'Allow' || statement.condition) continue;
    const action = statement.action?.strings.map((s) => actionOf(s.value, catalog)).find((a) => a !== undefined);
    const resource = statement.resource?.strings.map((s) => exampleOf(s.value)).find((r) => r !== undefined);
    if (!action || !resource || seen.has(`${action} ${resource}`)) continue;
    seen.add(`${action} ${resource}`);
    const result = simulate(action, resource);
    const line = lineOfStatement(statement);
    const yes = result.decision === 'allowed';
    questions.push({
      id: `file-iam-can-${hash(`${action} ${resource}`)}`,
      type: 'true-false',
      topic: catalog.serviceName(action.split(':')[0]!) ?? 'IAM',
      prompt: `True or false: with only this policy attached, its principal can call ${action} on ${resource}.`,
      options: ['True', 'False'],
      answer: yes ? 'True' : 'False',
      explanation: `${yes ? 'True' : 'False'}. ${result.explanation}`,
      source: { file, startLine: line, endLine: line, kind: 'file' },
    });
  }

  // "Which statement denies?" for each Deny that decides its own request alone.
  const labels = model.statements.map((s) => label(s, lineOfStatement(s)));
  if (labels.length >= 2) {
    for (const statement of model.statements) {
      if (statement.effect?.value !== 'Deny' || statement.condition) continue;
      const action = statement.action?.strings.map((s) => actionOf(s.value, catalog)).find((a) => a !== undefined);
      const resource =
        statement.resource?.strings.map((s) => exampleOf(s.value)).find((r) => r !== undefined) ?? (statement.resource ? 'arn:aws:s3:::example' : undefined);
      if (!action || !resource) continue;
      const result = simulate(action, resource);
      const line = lineOfStatement(statement);
      if (result.decision !== 'explicit-deny' || result.statements.length !== 1 || result.statements[0]!.line !== line) continue;
      const answer = labels[statement.index]!;
      const others = labels.filter((l) => l !== answer).slice(0, 3);
      questions.push({
        id: `file-iam-denies-${hash(`${action} ${resource}`)}`,
        type: 'definition-term',
        topic: catalog.serviceName(action.split(':')[0]!) ?? 'IAM',
        prompt: `Which statement of this policy denies ${action} on ${resource}?`,
        options: [answer, ...others].sort((a, b) => hash(`${action}|${a}`) - hash(`${action}|${b}`)),
        answer,
        explanation: result.explanation,
        source: { file, startLine: line, endLine: line, kind: 'file' },
      });
    }
  }
  return questions;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
