import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { EmbeddedIn, Fix } from './findings';

/** What a diagnostic carries in `data`: the fixes computed with it and the version they apply to. */
export interface FixData {
  readonly version: number;
  readonly fixes: readonly Fix[];
  /** What embedded document the finding is in (a template's policy or buildspec), for the CLI's reports. */
  readonly embedded?: EmbeddedIn;
}

function isFixData(value: unknown): value is FixData {
  return typeof value === 'object' && value !== null && Array.isArray((value as FixData).fixes) && typeof (value as FixData).version === 'number';
}

/**
 * Quick-fixes come straight from the diagnostics' data: nothing is recomputed, and fixes
 * computed for an older version of the document are dropped rather than misapplied.
 */
export function codeActionsFromFixes(document: TextDocument, _range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (!isFixData(diagnostic.data) || diagnostic.data.version !== document.version) continue;
    for (const fix of diagnostic.data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [document.uri]: [...fix.edits] } },
      });
    }
  }
  return actions;
}
