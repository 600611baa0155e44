import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../common/findings';
import { rangeOf } from '../common/text';
import type { IamCatalog } from './catalog/catalog';
import { inferPolicyKind, isPolicyModel, looksLikePolicy } from './detect';
import { parsePolicy, type PolicyKind, type PolicyModel, type StatementModel } from './model';
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
import { reparsePolicy } from './reparse';
import type { StatementCache } from './statementCache';

export interface PolicyAnalysis {
  readonly model: PolicyModel;
  readonly kind: PolicyKind;
  /** Where the kind came from: configuration (glob, CLI flag) or the content. */
  readonly kindSource: 'configured' | 'inferred';
  readonly findings: readonly Finding[];
  /** Statements and elapsed milliseconds, for the status item and the benchmark. */
  readonly statementCount: number;
  /** Statements whose own findings were reused from an earlier version (see statementCache.ts). */
  readonly reusedStatements?: number;
  readonly elapsedMs: number;
}

export interface AnalyzeOptions {
  /** A configured kind: the document is then analysed even if it does not look like a policy. */
  readonly kind?: PolicyKind;
  /** The kind the file's name suggests (a VPC endpoint policy), used instead of inferring it from the content. */
  readonly kindFromName?: PolicyKind;
  readonly onRuleError?: (rule: string, error: unknown) => void;
  /** Statements' own findings kept from earlier versions, reused for the statements that did not change. */
  readonly statements?: StatementCache;
  /**
   * The model of this document's previous version, handed over to be updated in place when the
   * edit stayed inside one statement (reparse.ts); the caller must not use it again.
   */
  readonly previousModel?: PolicyModel;
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

/**
 * Findings in document order, ties broken by end, code and message: a finding reused from an
 * earlier version and one found now then come in the same order as in a fresh analysis.
 */
function sortFindingsFully(findings: Finding[]): Finding[] {
  const text = (f: Finding) => `${f.code}\n${f.message}`;
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0),
  );
}

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
  const model = (options.previousModel && reparsePolicy(options.previousModel, text)) || parsePolicy(text);
  // Too deep to parse but marked like a policy: say so rather than stay silent.
  if (!options.kind && !model.tooDeep && !isPolicyModel(model)) return undefined;
  const kind = options.kind ?? model.wrapperKind ?? options.kindFromName ?? inferPolicyKind(model);
  const context = new RuleContext(document, model, kind, catalog);
  const cache = model.tooDeep ? undefined : options.statements;
  const version = model.version?.value;
  const reusedFindings: Finding[] = [];
  if (cache) {
    const reused = new Set<StatementModel>();
    for (const statement of model.statements) {
      const kept = cache.reuse(document, text, kind, version, statement);
      if (!kept) continue;
      reused.add(statement);
      reusedFindings.push(...kept);
    }
    context.reused = reused;
  }
  let failed = false;
  for (const rule of RULES) {
    try {
      rule(context);
    } catch (error) {
      // One faulty rule must not hide the findings of the others.
      failed = true;
      options.onRuleError?.(rule.name, error);
    }
  }
  // A rule that failed part-way leaves its statements' findings incomplete: keep none of them.
  if (cache && !failed) for (const [statement, found] of context.statementFindings) cache.keep(document, text, kind, version, statement, found);
  const findings = sortFindingsFully([...context.findings, ...reusedFindings]);
  return {
    model,
    kind,
    kindSource: options.kind ? 'configured' : 'inferred',
    findings,
    statementCount: model.statements.length,
    reusedStatements: context.reused.size,
    elapsedMs: performance.now() - started,
  };
}
