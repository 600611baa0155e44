import type { Diagnostic } from 'vscode-languageserver-types';
import type { EmbeddedIn, Fix, Severity } from '../service/common/findings';

/** The CLI's result for one file, in the shape `--format json` prints (positions 1-based). */
export interface FileReport {
  readonly file: string;
  /** The kind of IAM policy, or "buildspec" / "appspec", or "notes" for a study-notes file. */
  readonly kind: string;
  readonly diagnostics: readonly ReportedDiagnostic[];
}

export interface ReportedDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly fixes: readonly ReportedFix[];
  /** For a finding inside a template's policy or buildspec: that document's kind (the policy kind, or "buildspec"), resource and property path. */
  readonly embedded?: EmbeddedIn;
}

export interface ReportedFix {
  readonly title: string;
  readonly edits: readonly { line: number; column: number; endLine: number; endColumn: number; newText: string }[];
}

const SEVERITY_NAMES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function toReported(diagnostic: Diagnostic): ReportedDiagnostic {
  const data = diagnostic.data as { fixes?: readonly Fix[]; embedded?: EmbeddedIn } | undefined;
  return {
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: SEVERITY_NAMES[diagnostic.severity ?? 1] ?? 'error',
    code: String(diagnostic.code ?? ''),
    message: diagnostic.message,
    fixes: (data?.fixes ?? []).map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => ({
        line: edit.range.start.line + 1,
        column: edit.range.start.character + 1,
        endLine: edit.range.end.line + 1,
        endColumn: edit.range.end.character + 1,
        newText: edit.newText,
      })),
    })),
    ...(data?.embedded ? { embedded: data.embedded } : {}),
  };
}
