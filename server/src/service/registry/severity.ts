import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../../protocol/settings';
import type { FixData } from '../common/codeActions';
import type { Finding, RuleDefinition, Severity, SeveritySetting } from '../common/findings';
import { ALL_RULES } from './kinds';

/**
 * Per-rule severities: `awsStudyHints.rules` keys a rule by its code (IAM042) or its name
 * (iam/unknown-action). Names used to have no language prefix ("unknown-action"); those still
 * work, for every rule that had the name, and are reported once as deprecated.
 */

export const DIAGNOSTIC_SOURCE = 'aws-study-hints';

const RULES_BY_CODE = new Map(ALL_RULES.map((rule) => [rule.code, rule]));
const RULES_BY_NAME = new Map(ALL_RULES.map((rule) => [rule.name, rule]));

/** The name without its language prefix, as rules were named before prefixes. */
export function legacyRuleName(rule: RuleDefinition): string {
  return rule.name.slice(rule.name.indexOf('/') + 1);
}
/** Keys of `awsStudyHints.rules` that are old unprefixed names, with the names that replace them. */
export function deprecatedRuleKeys(settings: Settings): { key: string; replacements: string[] }[] {
  const found: { key: string; replacements: string[] }[] = [];
  for (const key of Object.keys(settings.rules)) {
    if (RULES_BY_CODE.has(key) || RULES_BY_NAME.has(key)) continue;
    const replacements = ALL_RULES.filter((rule) => legacyRuleName(rule) === key).map((rule) => `${rule.name} (${rule.code})`);
    if (replacements.length > 0) found.push({ key, replacements });
  }
  return found;
}

/** The severity in force for a finding: a setting by code, then by name, then by old name, then the finding's or rule's default. */
export function effectiveSeverity(finding: Finding, settings: Settings): SeveritySetting {
  const rule = RULES_BY_CODE.get(finding.code);
  const configured = settings.rules[finding.code] ?? (rule ? (settings.rules[rule.name] ?? settings.rules[legacyRuleName(rule)]) : undefined);
  return configured ?? finding.severity ?? rule?.severity ?? 'warning';
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as an LSP diagnostic, carrying its fixes and the document version they apply to; undefined when the rule is off. */
export function toDiagnostic(finding: Finding, settings: Settings, version: number): Diagnostic | undefined {
  const severity = effectiveSeverity(finding, settings);
  if (severity === 'off') return undefined;
  const rule = RULES_BY_CODE.get(finding.code);
  const data: FixData = finding.embedded ? { version, fixes: finding.fixes ?? [], embedded: finding.embedded } : { version, fixes: finding.fixes ?? [] };
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
