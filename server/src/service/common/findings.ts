import type { Range, TextEdit } from 'vscode-languageserver-types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

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
}

/** Static description of a rule: its stable code, short name, default severity and documentation. */
export interface RuleDefinition {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly docs?: string;
}

/** A `define(code, name, severity, summary, docs?)` for one capability's rule table, with its usual documentation page. */
export function ruleDefiner(defaultDocs?: string) {
  return (code: string, name: string, severity: Severity, summary: string, docs = defaultDocs): RuleDefinition => ({ code, name, severity, summary, docs });
}
