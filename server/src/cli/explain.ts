import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { IamCatalog } from '../service/iam/catalog/catalog';
import { isPolicyKind } from '../service/iam/detect';
import { policyProblem } from '../service/iam/evaluate';
import { explainPolicy } from '../service/iam/explain';
import { explanationMarkdown } from '../service/iam/explain/render';

/** `aws-study-hints explain`: what a policy allows, statement by statement and service by service. */

export const EXPLAIN_USAGE = `Usage: aws-study-hints explain <policy.json> [--kind identity|resource|trust|scp|rcp|endpoint] [--json]

Explains a policy in plain English: one sentence per statement (wildcards expanded to counts
and examples from the AWS catalog) and a per-service summary of the access levels it grants
(Full access, or Limited: List, Read, Write, Permissions management, Tagging) with the
resources and conditions that limit it. The kind is inferred from the content unless --kind.

Exit status: 0 explained, 2 bad usage (including a file that is not a policy).`;

export function explain(args: readonly string[], usageError: (message: string, usage?: string) => number): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { kind: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error), EXPLAIN_USAGE);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageError('Name one policy file to explain.', EXPLAIN_USAGE);
  if (values.kind !== undefined && !isPolicyKind(values.kind))
    return usageError(`--kind must be identity, resource, trust, scp, rcp or endpoint, not "${values.kind}".`, EXPLAIN_USAGE);
  const file = positionals[0]!;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return usageError(`Cannot read ${file}.`, EXPLAIN_USAGE);
  }
  const problem = policyProblem(text);
  if (problem) return usageError(`${file} is not a policy: ${problem}.`, EXPLAIN_USAGE);
  const explanation = explainPolicy(text, IamCatalog.load(), values.kind);
  process.stdout.write(values.json ? `${JSON.stringify({ file, ...explanation }, null, 2)}\n` : `${explanationMarkdown(explanation, `What ${file} allows`)}\n`);
  return 0;
}
