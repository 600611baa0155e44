import { lineOf, lineStarts } from './lines';
import { parsePolicy, type PolicyModel } from '../model';
import { evaluateStatement } from './statement';
import type { EvaluationRequest, PolicyInput, PolicyTrace } from './types';

/** Parsing one policy document and evaluating each of its statements against the request. */

/** The AWS managed RCP attached to every root, OU and account of an organisation that uses RCPs. */
export const RCP_FULL_AWS_ACCESS: PolicyInput = {
  type: 'rcp',
  file: 'RCPFullAWSAccess (AWS managed)',
  text: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": "*",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]\n}\n',
};

/** Why a text cannot be evaluated as a policy, or undefined when it can. */
export function policyProblem(text: string): string | undefined {
  return problemOf(parsePolicy(text));
}

function problemOf(model: PolicyModel): string | undefined {
  if (model.tooDeep) return 'the document is nested too deeply';
  if (model.syntaxErrors.length > 0 || !model.root) return 'the file is not valid JSON';
  if (model.root.type !== 'object' || !model.statementProperty) return 'the document has no "Statement"';
  return undefined;
}

/**
 * Parsed models by text: a simulation is usually repeated over the same files with another
 * request (the editor's command, a quiz, a benchmark), and parsing dominates the cost.
 */
const parsed = new Map<string, { model: PolicyModel; starts: number[] }>();

export function parseCached(text: string): { model: PolicyModel; starts: number[] } {
  let entry = parsed.get(text);
  if (entry) {
    // Refresh its place so that the least recently used text goes first.
    parsed.delete(text);
    parsed.set(text, entry);
    return entry;
  }
  entry = { model: parsePolicy(text), starts: lineStarts(text) };
  parsed.set(text, entry);
  if (parsed.size > 64) parsed.delete(parsed.keys().next().value!);
  return entry;
}

export function evaluatePolicy(input: PolicyInput, request: EvaluationRequest): PolicyTrace {
  const { model, starts } = parseCached(input.text);
  const head = { type: input.type, file: input.file, level: input.level };
  const problem = problemOf(model);
  if (problem) return { ...head, valid: false, error: problem, statements: [] };
  const variables = model.version?.value === '2012-10-17';
  return {
    ...head,
    valid: true,
    statements: model.statements.map((statement) =>
      evaluateStatement({ statement, policyType: input.type, line: lineOf(starts, statement.node.offset), variables }, request),
    ),
  };
}
