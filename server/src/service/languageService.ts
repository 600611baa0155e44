import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity, DiagnosticTag, type CodeAction, type CompletionList, type Diagnostic, type Hover, type Position, type Range,
} from 'vscode-languageserver-types';
import { ALL_RULES } from './allRules';
import { analyzeAppSpec, type AppSpecAnalysis } from './appspec/analyze';
import { appSpecCompletion } from './appspec/completion';
import { isAppSpecPath, isPlatform, type AppSpecPlatform } from './appspec/detect';
import { definedHooks } from './appspec/hooks';
import { appSpecHover } from './appspec/hover';
import { lifecycleMarkdown } from './appspec/lifecycle';
import picomatch from 'picomatch';
import { analyzeBuildspec, type BuildspecAnalysis } from './buildspec/analyze';
import { buildspecCompletion } from './buildspec/completion';
import { isBuildspecPath } from './buildspec/detect';
import { buildspecHover } from './buildspec/hover';
import type { Finding, RuleDefinition, Severity, SeveritySetting } from './common/findings';
import { IamCatalog } from './iam/catalog/catalog';
import { analyzePolicy, type PolicyAnalysis } from './iam/analyze';
import { iamCodeActions, type FixData } from './iam/codeActions';
import { iamCompletion } from './iam/completion';
import { configuredPolicyKind } from './iam/detect';
import { iamHover } from './iam/hover';
import type { PolicyKind } from './iam/model';
import { appSpecNoteQuery, buildspecNoteQuery, iamNoteQuery, type NoteQuery } from './notes/hoverQuery';
import type { NotesService } from './notes/service';
import { isNotePath } from './notes/paths';
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

export type DocumentType = 'iam-policy' | 'buildspec' | 'appspec' | 'note' | 'none';

export interface DocumentStatus {
  readonly documentType: DocumentType;
  readonly policyKind?: PolicyKind;
  readonly kindSource?: 'configured' | 'inferred';
  readonly statements?: number;
  /** buildspec version as written (0.2 / 0.1) */
  readonly version?: string;
  /** AppSpec compute platform and where it came from */
  readonly platform?: AppSpecPlatform;
  readonly platformSource?: 'comment' | 'setting' | 'content' | 'default';
  readonly problems?: number;
  readonly elapsedMs?: number;
  readonly catalogVersion: string;
  /** What the notes index holds (user notes and bundled knowledge). */
  readonly notes?: { readonly files: number; readonly sections: number; readonly knowledgeSections: number };
}

export interface LanguageService {
  readonly catalog: IamCatalog;
  readonly rules: readonly RuleDefinition[];
  diagnostics(document: TextDocument, context?: DocumentContext): Diagnostic[];
  hover(document: TextDocument, position: Position, context?: DocumentContext): Hover | undefined;
  completion(document: TextDocument, position: Position, context?: DocumentContext): CompletionList | undefined;
  codeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  status(document: TextDocument, context?: DocumentContext): DocumentStatus;
  /** The deployment lifecycle of an AppSpec's platform as Markdown, or undefined for other documents. */
  deploymentLifecycle(document: TextDocument, context?: DocumentContext): { platform: AppSpecPlatform; markdown: string } | undefined;
  /** Forget a closed document's cached analysis. */
  forget(uri: string): void;
}

export interface LanguageServiceOptions {
  readonly catalog?: IamCatalog;
  /** The study-notes index; without it hovers have no "From your notes" part and notes are not linted. */
  readonly notes?: NotesService;
  readonly log?: (message: string) => void;
}

type Analysis =
  | { readonly type: 'iam-policy'; readonly iam: PolicyAnalysis }
  | { readonly type: 'buildspec'; readonly buildspec: BuildspecAnalysis }
  | { readonly type: 'appspec'; readonly appspec: AppSpecAnalysis }
  | { readonly type: 'note'; readonly findings: readonly Finding[] }
  | { readonly type: 'none' };

interface CacheEntry {
  readonly version: number;
  readonly key: string;
  readonly analysis: Analysis;
}

const RULES_BY_CODE = new Map(ALL_RULES.map((rule) => [rule.code, rule]));
const RULES_BY_NAME = new Map(ALL_RULES.map((rule) => [rule.name, rule]));
const NONE: Analysis = { type: 'none' };

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const catalog = options.catalog ?? IamCatalog.load();
  const notes = options.notes;
  const cache = new Map<string, CacheEntry>();
  const log = options.log ?? (() => undefined);
  const onRuleError = (uri: string) => (rule: string, error: unknown) =>
    log(`rule ${rule} failed on ${uri}: ${error instanceof Error ? error.stack : String(error)}`);

  function analysisOf(document: TextDocument, context: DocumentContext = {}): Analysis {
    const settings = context.settings ?? DEFAULT_SETTINGS;
    const paths = documentPaths(document.uri, context.workspaceRoot);
    const family = languageFamily(document);
    const kind = family === 'json' ? context.kind ?? (paths ? configuredPolicyKind(paths.relative, paths.absolute, settings.iam.policyKinds) : undefined) : undefined;
    const isBuildspec = family === 'yaml' && !!paths && isBuildspecPath(paths.relative, paths.absolute, settings.buildspec.files);
    const isAppSpec = family !== 'other' && !!paths && isAppSpecPath(paths.relative, paths.absolute, settings.appspec.files);
    const platform = isAppSpec && paths ? configuredPlatform(paths, settings.appspec.platforms) : undefined;
    const isNote = !!notes && !!paths && isNotePath(paths.absolute, context.workspaceRoot, settings.notes);
    const key = `${family}|${kind ?? ''}|${isBuildspec}|${isAppSpec}|${platform ?? ''}|${isNote}|${settings.maxProblems}`;
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version && cached.key === key) return cached.analysis;
    let analysis: Analysis = NONE;
    if (isNote && notes && paths) {
      analysis = { type: 'note', findings: notes.lint(document, paths.absolute) };
    } else if (isAppSpec) {
      analysis = { type: 'appspec', appspec: analyzeAppSpec(document, family === 'json', platform, onRuleError(document.uri)) };
    } else if (family === 'json') {
      const iam = analyzePolicy(document, catalog, { kind, maxProblems: settings.maxProblems, onRuleError: onRuleError(document.uri) });
      if (iam) analysis = { type: 'iam-policy', iam };
    } else if (isBuildspec) {
      analysis = { type: 'buildspec', buildspec: analyzeBuildspec(document, onRuleError(document.uri)) };
    }
    cache.set(document.uri, { version: document.version, key, analysis });
    return analysis;
  }

  return {
    catalog,
    rules: ALL_RULES,
    diagnostics(document, context = {}) {
      const analysis = analysisOf(document, context);
      const findings = analysis.type === 'iam-policy' ? analysis.iam.findings
        : analysis.type === 'buildspec' ? analysis.buildspec.findings
          : analysis.type === 'appspec' ? analysis.appspec.findings
            : analysis.type === 'note' ? analysis.findings : [];
      const settings = context.settings ?? DEFAULT_SETTINGS;
      const diagnostics: Diagnostic[] = [];
      for (const finding of findings) {
        const diagnostic = toDiagnostic(finding, settings, document.version);
        if (diagnostic) diagnostics.push(diagnostic);
      }
      return diagnostics;
    },
    hover(document, position, context = {}) {
      const analysis = analysisOf(document, context);
      let hover: Hover | undefined;
      let query: NoteQuery | undefined;
      if (analysis.type === 'iam-policy') {
        hover = iamHover(document, analysis.iam, catalog, position);
        query = hover && iamNoteQuery(document, analysis.iam, position);
      } else if (analysis.type === 'buildspec') {
        hover = buildspecHover(document, analysis.buildspec, position);
        query = hover && buildspecNoteQuery(document, analysis.buildspec, position);
      } else if (analysis.type === 'appspec') {
        hover = appSpecHover(document, analysis.appspec, position);
        query = hover && appSpecNoteQuery(document, analysis.appspec, position);
      }
      return hover && query && notes ? withNotes(hover, notes.hoverMarkdown(query.text, query.boostServices)) : hover;
    },
    completion(document, position, context = {}) {
      const analysis = analysisOf(document, context);
      if (analysis.type === 'iam-policy') return iamCompletion(document, analysis.iam, catalog, position);
      if (analysis.type === 'buildspec') return buildspecCompletion(document, position);
      if (analysis.type === 'appspec') return appSpecCompletion(document, analysis.appspec, position);
      return undefined;
    },
    codeActions(document, range, diagnostics) {
      return iamCodeActions(document, range, diagnostics);
    },
    status(document, context = {}) {
      const analysis = analysisOf(document, context);
      const round = (ms: number) => Math.round(ms * 10) / 10;
      const counts = notes?.counts();
      const base = {
        catalogVersion: catalog.source.version,
        notes: counts ? { files: counts.notes.files, sections: counts.notes.sections, knowledgeSections: counts.knowledge.sections } : undefined,
      };
      switch (analysis.type) {
        case 'iam-policy': {
          const iam = analysis.iam;
          return { ...base, documentType: 'iam-policy', policyKind: iam.kind, kindSource: iam.kindSource, statements: iam.statementCount, problems: iam.findings.length, elapsedMs: round(iam.elapsedMs) };
        }
        case 'buildspec': {
          const b = analysis.buildspec;
          return { ...base, documentType: 'buildspec', version: b.version, problems: b.findings.length, elapsedMs: round(b.elapsedMs) };
        }
        case 'appspec': {
          const a = analysis.appspec;
          return { ...base, documentType: 'appspec', platform: a.platform, platformSource: a.platformSource, problems: a.findings.length, elapsedMs: round(a.elapsedMs) };
        }
        case 'note':
          return { ...base, documentType: 'note', problems: analysis.findings.length };
        default:
          return { ...base, documentType: 'none' };
      }
    },
    deploymentLifecycle(document, context = {}) {
      const analysis = analysisOf(document, context);
      if (analysis.type !== 'appspec') return undefined;
      const { platform, model } = analysis.appspec;
      return { platform, markdown: lifecycleMarkdown(platform, definedHooks(model, platform)) };
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}

/** Appends the notes part to a hover's Markdown. */
function withNotes(hover: Hover, notesMarkdown: string | undefined): Hover {
  if (!notesMarkdown) return hover;
  const contents = hover.contents as { kind: string; value: string };
  return { ...hover, contents: { kind: contents.kind, value: `${contents.value}\n\n${notesMarkdown}` } as Hover['contents'] };
}

function configuredPlatform(paths: { relative: string; absolute: string }, globs: Readonly<Record<string, string>>): AppSpecPlatform | undefined {
  for (const [glob, platform] of Object.entries(globs)) {
    if (!isPlatform(platform)) continue;
    const matcher = picomatch(glob, { dot: true });
    if (matcher(paths.relative) || matcher(paths.absolute.replace(/\\/g, '/'))) return platform;
  }
  return undefined;
}

function languageFamily(document: TextDocument): 'json' | 'yaml' | 'other' {
  const id = document.languageId;
  if (id === 'json' || id === 'jsonc') return 'json';
  if (id === 'yaml' || id === 'yml') return 'yaml';
  return 'other';
}

function documentPaths(uri: string, workspaceRoot: string | undefined): { relative: string; absolute: string } | undefined {
  let absolute: string;
  try {
    absolute = URI.parse(uri).fsPath;
  } catch {
    return undefined;
  }
  const relative = workspaceRoot ? path.relative(workspaceRoot, absolute).split(path.sep).join('/') : path.basename(absolute);
  return { relative, absolute };
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
