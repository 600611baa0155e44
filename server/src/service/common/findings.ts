import type { Range, TextEdit } from 'vscode-languageserver-types';

import type { Severity } from '../../protocol/settings';

export type { Severity, SeveritySetting } from '../../protocol/settings';

/** A fix that is certain enough to offer as a quick-fix; computed once, with the finding. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one fix an editor may apply automatically (e.g. "Fix all"). */
  readonly preferred?: boolean;
}

/** One problem found in a document, independent of any editor API. */
export interface Finding {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
  /** Overrides the rule's default severity when the same rule is milder in some contexts. */
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
  /** Marks text that can be deleted without changing meaning (rendered faded). */
  readonly unnecessary?: boolean;
  /** Set when the finding is inside a document embedded in another (a policy or a buildspec in a template). */
  readonly embedded?: EmbeddedIn;
}

/** Where an embedded document sits, for reports: its kind (the policy kind, or "buildspec"), the resource and the property path. */
export interface EmbeddedIn {
  readonly kind: string;
  /** The logical ID of the resource that holds it. */
  readonly resource: string;
  readonly resourceType: string;
  /** The property path, e.g. "Policies[0].PolicyDocument". */
  readonly path: string;
}

/** Static description of a rule: its stable code, short name, default severity and documentation. */
export interface RuleDefinition {
  readonly code: string;
  /** `language/kebab-case-name`, e.g. `iam/unknown-action`. */
  readonly name: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly docs?: string;
}

/**
 * A `define(code, name, severity, summary, docs?)` for one kind's rules: names carry the kind's
 * language (`buildspec/duplicate-key`) so that a name never means two rules, and docs default to
 * the kind's usual documentation page.
 */
export function ruleDefiner(language: string, defaultDocs?: string) {
  return (code: string, name: string, severity: Severity, summary: string, docs = defaultDocs): RuleDefinition => ({
    code,
    name: `${language}/${name}`,
    severity,
    summary,
    docs,
  });
}

/** Findings in document order (line, then column). */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The first `max` findings and, when there were more, one finding of the kind's
 * too-many-problems rule that says how many were left out.
 */
export function capFindings(findings: readonly Finding[], max: number, rule: RuleDefinition, range: Range): readonly Finding[] {
  if (findings.length <= max) return findings;
  return [...findings.slice(0, max), { code: rule.code, range, message: `Showing the first ${max} of ${findings.length} problems in this document.` }];
}

/** Rules in code order (IAM001, IAM002, …), as docs/rules.md and the settings schema list them. */
export function sortByCode(rules: readonly RuleDefinition[]): RuleDefinition[] {
  return [...rules].sort((a, b) => a.code.localeCompare(b.code));
}

/** A kind's rule table: every rule of its families and the extra ones, in code order. */
export function ruleTable(families: Readonly<Record<string, Readonly<Record<string, RuleDefinition>>>>, ...extra: RuleDefinition[]): RuleDefinition[] {
  return sortByCode([...Object.values(families).flatMap((family) => Object.values(family)), ...extra]);
}
