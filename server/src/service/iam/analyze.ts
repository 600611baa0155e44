import type { TextDocument } from 'vscode-languageserver-textdocument';
import { sortFindings, type Finding } from '../common/findings';
import { rangeOf } from '../common/text';
import type { IamCatalog } from './catalog/catalog';
import { inferPolicyKind, isPolicyModel, looksLikePolicy } from './detect';
import { parsePolicy, type PolicyKind, type PolicyModel } from './model';
import { checkActions } from './rules/actions';
import { checkConditions } from './rules/conditions';
import { RuleContext, type Rule } from './rules/context';
import { checkPrincipals } from './rules/principals';
import { checkResources } from './rules/resources';
import { checkSecurity } from './rules/security';
import { checkEffect, checkSids } from './rules/statementFields';
import { checkSyntax, SYNTAX_RULES } from './rules/syntax';
import { checkDocument } from './rules/document';
import { checkElements } from './rules/elements';
import { checkVariables } from './rules/variables';

export interface PolicyAnalysis {
  readonly model: PolicyModel;
  readonly kind: PolicyKind;
  /** Where the kind came from: configuration (glob, CLI flag) or the content. */
  readonly kindSource: 'configured' | 'inferred';
  readonly findings: readonly Finding[];
  /** Statements and elapsed milliseconds, for the status item and the benchmark. */
  readonly statementCount: number;
  readonly elapsedMs: number;
}

export interface AnalyzeOptions {
  /** A configured kind: the document is then analysed even if it does not look like a policy. */
  readonly kind?: PolicyKind;
  readonly onRuleError?: (rule: string, error: unknown) => void;
}

const RULES: readonly Rule[] = [
  checkSyntax,
  checkDocument,
  checkElements,
  checkEffect,
  checkSids,
  checkActions,
  checkResources,
  checkPrincipals,
  checkConditions,
  checkVariables,
  checkSecurity,
];

/** Analyses a JSON document as an IAM policy; undefined when it is not one (and no kind is configured). */
export function analyzePolicy(document: TextDocument, catalog: IamCatalog, options: AnalyzeOptions = {}): PolicyAnalysis | undefined {
  const started = performance.now();
  const text = document.getText();
  if (!options.kind && !looksLikePolicy(text)) return undefined;
  if (text.includes('\u0000')) {
    if (!options.kind) return undefined;
    const model = parsePolicy('');
    const finding: Finding = {
      code: SYNTAX_RULES.invalidJson.code,
      range: rangeOf(document, 0, 0),
      message: 'This file contains binary data (NUL bytes), not a JSON policy.',
    };
    return { model, kind: options.kind, kindSource: 'configured', findings: [finding], statementCount: 0, elapsedMs: performance.now() - started };
  }
  const model = parsePolicy(text);
  // Too deep to parse but marked like a policy: say so rather than stay silent.
  if (!options.kind && !model.tooDeep && !isPolicyModel(model)) return undefined;
  const kind = options.kind ?? model.wrapperKind ?? inferPolicyKind(model);
  const context = new RuleContext(document, model, kind, catalog);
  for (const rule of RULES) {
    try {
      rule(context);
    } catch (error) {
      // One faulty rule must not hide the findings of the others.
      options.onRuleError?.(rule.name, error);
    }
  }
  const findings = sortFindings(context.findings);
  return {
    model,
    kind,
    kindSource: options.kind ? 'configured' : 'inferred',
    findings,
    statementCount: model.statements.length,
    elapsedMs: performance.now() - started,
  };
}
