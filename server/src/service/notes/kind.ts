import { COMMANDS } from '../../protocol';
import { roundMs } from '../common/text';
import type { Analysis, DocumentKind, KindModule } from '../registry/documentKind';
import { NOTES_RULE_LIST, NOTES_RULES } from './definitions';
import { isNotePath } from './paths';
import type { NotesService } from './service';

export const noteKindModule: KindModule = {
  id: 'note',
  rules: NOTES_RULE_LIST,
  // First: a notes folder may hold any kind of file, and there it is a note.
  claimPriority: 0,
  create: ({ notes }) => (notes ? noteKind(notes) : undefined),
};

/** The user's study notes (files under awsStudyHints.notes.paths), linted against the curated facts. */
function noteKind(notes: NotesService): DocumentKind<Analysis, { file: string }> {
  return {
    id: 'note',
    rules: NOTES_RULE_LIST,
    tooManyProblems: NOTES_RULES.tooManyProblems,
    noteServices: [],
    claim({ paths, workspaceRoot, settings }) {
      if (!paths || !isNotePath(paths.absolute, workspaceRoot, settings.notes)) return undefined;
      return { key: 'note', detail: { file: paths.absolute } };
    },
    analyze(document, claim) {
      const started = performance.now();
      const findings = notes.lint(document, claim.detail.file);
      return { findings, elapsedMs: performance.now() - started };
    },
    reportKind: () => 'notes',
    status(analysis) {
      const problems = analysis.findings.length;
      return {
        documentType: 'note',
        problems,
        elapsedMs: roundMs(analysis.elapsedMs),
        label: '$(notebook) Study note',
        detail: `${problems} statement${problems === 1 ? '' : 's'} to check`,
        summary: `Study note: ${problems} statement${problems === 1 ? '' : 's'} to check against the curated facts.`,
        command: { title: 'Search notes', command: COMMANDS.searchNotes },
      };
    },
  };
}
