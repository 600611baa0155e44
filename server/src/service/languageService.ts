import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity, DiagnosticTag, type CodeAction, type CompletionList, type Diagnostic, type Hover, type Position, type Range,
} from 'vscode-languageserver-types';
import type { Finding, RuleDefinition, Severity, SeveritySetting } from './common/findings';
import { IamCatalog } from './iam/catalog/catalog';
import { analyzePolicy, type PolicyAnalysis } from './iam/analyze';
import { iamCodeActions, type FixData } from './iam/codeActions';
import { iamCompletion } from './iam/completion';
import { configuredPolicyKind } from './iam/detect';
import { iamHover } from './iam/hover';
import type { PolicyKind } from './iam/model';
import { IAM_RULE_LIST } from './iam/rules/definitions';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * The VS Code–free analysis service. The language server and the CLI are thin adapters
 * over it, so both always report the same thing. Each document is analysed once per
 * version; hovers, completion and code actions reuse that analysis.
 */

export const DIAGNOSTIC_SOURCE = 'aws-study-hints';

export interface DocumentContext {
  readonly settings?: Settings;
  /** Workspace folder the document belongs to, for workspace-relative globs. */
  readonly workspaceRoot?: string;
  /** A kind forced by the caller (the CLI's --kind). */
  readonly kind?: PolicyKind;
}

export interface DocumentStatus {
  readonly documentType: 'iam-policy' | 'none';
  readonly policyKind?: PolicyKind;
  readonly kindSource?: 'configured' | 'inferred';
  readonly statements?: number;
  readonly problems?: number;
  readonly elapsedMs?: number;
  readonly catalogVersion: string;
}

export interface LanguageService {
  readonly catalog: IamCatalog;
  readonly rules: readonly RuleDefinition[];
  diagnostics(document: TextDocument, context?: DocumentContext): Diagnostic[];
  hover(document: TextDocument, position: Position, context?: DocumentContext): Hover | undefined;
  completion(document: TextDocument, position: Position, context?: DocumentContext): CompletionList | undefined;
  codeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  status(document: TextDocument, context?: DocumentContext): DocumentStatus;
  /** Forget a closed document's cached analysis. */
  forget(uri: string): void;
}

export interface LanguageServiceOptions {
  readonly catalog?: IamCatalog;
  readonly log?: (message: string) => void;
}

interface CacheEntry {
  readonly version: number;
  readonly key: string;
  readonly analysis: PolicyAnalysis | undefined;
}

const RULES_BY_CODE = new Map(IAM_RULE_LIST.map((rule) => [rule.code, rule]));
const RULES_BY_NAME = new Map(IAM_RULE_LIST.map((rule) => [rule.name, rule]));

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const catalog = options.catalog ?? IamCatalog.load();
  const cache = new Map<string, CacheEntry>();
  const log = options.log ?? (() => undefined);

  function analysisOf(document: TextDocument, context: DocumentContext = {}): PolicyAnalysis | undefined {
    const settings = context.settings ?? DEFAULT_SETTINGS;
    const kind = context.kind ?? configuredKind(document.uri, context.workspaceRoot, settings);
    const key = `${kind ?? ''}|${settings.maxProblems}`;
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version && cached.key === key) return cached.analysis;
    const analysis = analyzePolicy(document, catalog, {
      kind,
      maxProblems: settings.maxProblems,
      onRuleError: (rule, error) => log(`rule ${rule} failed on ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`),
    });
    cache.set(document.uri, { version: document.version, key, analysis });
    return analysis;
  }

  return {
    catalog,
    rules: IAM_RULE_LIST,
    diagnostics(document, context = {}) {
      const analysis = analysisOf(document, context);
      if (!analysis) return [];
      const settings = context.settings ?? DEFAULT_SETTINGS;
      const diagnostics: Diagnostic[] = [];
      for (const finding of analysis.findings) {
        const diagnostic = toDiagnostic(finding, settings, document.version);
        if (diagnostic) diagnostics.push(diagnostic);
      }
      return diagnostics;
    },
    hover(document, position, context = {}) {
      const analysis = analysisOf(document, context);
      return analysis ? iamHover(document, analysis, catalog, position) : undefined;
    },
    completion(document, position, context = {}) {
      const analysis = analysisOf(document, context);
      return analysis ? iamCompletion(document, analysis, catalog, position) : undefined;
    },
    codeActions(document, range, diagnostics) {
      return iamCodeActions(document, range, diagnostics);
    },
    status(document, context = {}) {
      const analysis = analysisOf(document, context);
      const catalogVersion = catalog.source.version;
      if (!analysis) return { documentType: 'none', catalogVersion };
      return {
        documentType: 'iam-policy',
        policyKind: analysis.kind,
        kindSource: analysis.kindSource,
        statements: analysis.statementCount,
        problems: analysis.findings.length,
        elapsedMs: Math.round(analysis.elapsedMs * 10) / 10,
        catalogVersion,
      };
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}

function configuredKind(uri: string, workspaceRoot: string | undefined, settings: Settings): PolicyKind | undefined {
  const globs = settings.iam.policyKinds;
  if (Object.keys(globs).length === 0) return undefined;
  let fsPath: string;
  try {
    fsPath = URI.parse(uri).fsPath;
  } catch {
    return undefined;
  }
  const relative = workspaceRoot ? path.relative(workspaceRoot, fsPath).split(path.sep).join('/') : path.basename(fsPath);
  return configuredPolicyKind(relative, fsPath, globs);
}

export function ruleFor(codeOrName: string): RuleDefinition | undefined {
  return RULES_BY_CODE.get(codeOrName) ?? RULES_BY_NAME.get(codeOrName);
}

/** The severity in force for a rule: a setting by code, then by name, then the finding's or rule's default. */
export function effectiveSeverity(finding: Finding, settings: Settings): SeveritySetting {
  const rule = RULES_BY_CODE.get(finding.code);
  const configured = settings.rules[finding.code] ?? (rule ? settings.rules[rule.name] : undefined);
  return configured ?? finding.severity ?? rule?.severity ?? 'warning';
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(finding: Finding, settings: Settings, version: number): Diagnostic | undefined {
  const severity = effectiveSeverity(finding, settings);
  if (severity === 'off') return undefined;
  const rule = RULES_BY_CODE.get(finding.code);
  const data: FixData = { version, fixes: finding.fixes ?? [] };
  return {
    range: finding.range,
    severity: LSP_SEVERITY[severity],
    code: finding.code,
    codeDescription: rule?.docs ? { href: rule.docs } : undefined,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    tags: finding.unnecessary ? [DiagnosticTag.Unnecessary] : undefined,
    data,
  };
}
