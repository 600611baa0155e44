import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StudyChangedNotification, StudyOverviewRequest, type NoteFileFindings, type NotesFolderSummary, type StudyOverview } from '../../protocol';
import { fsPathOf } from '../../service/common/documentPaths';
import type { LanguageService } from '../../service/languageService';
import { resolveNoteRoots } from '../../service/notes/paths';
import { listNoteFiles, readNote } from '../../service/notes/scanner';
import type { NotesService } from '../../service/notes/service';
import type { QuizSessions } from '../../service/quiz/sessions';
import { knownServices, TopicNormaliser } from '../../service/quiz/topics';
import type { Guarded, WorkspaceState } from '../workspace';

/**
 * The AWS Study view's data: the card counts (cheap, asked after every answer) and, when the view
 * is visible, the notes folders with their files and lint findings. Linting every note is the
 * expensive part, so each file's result is kept until the notes change (a change anywhere can
 * add or remove a disagreement between notes, so every result is dropped then), and the work
 * yields between files so that hovers and diagnostics stay responsive.
 */

export interface StudyHandlers {
  /** Cards or notes changed: drop the kept lint results (for notes) and tell the client to refresh. */
  changed(what: 'cards' | 'notes'): void;
  /** A question topic counted per service ("Simple Storage Service (S3)" → "Amazon S3"). */
  topicOf(topic: string): string;
}

const MAX_FILES_LISTED = 50;
const EMPTY: StudyOverview = { cards: 0, dueNow: 0, dueToday: 0, newToday: 0, newCardsPerDay: 0, topics: [] };

interface FileLint {
  readonly generation: number;
  /** The open document's version, or undefined when the file was read from disk. */
  readonly version: number | undefined;
  readonly findings: NoteFileFindings | undefined;
}

export function registerStudyHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: WorkspaceState,
  notes: NotesService,
  service: () => LanguageService,
  sessions: { get(): QuizSessions },
  guarded: Guarded,
): StudyHandlers {
  let normaliser: TopicNormaliser | undefined;
  const topicOf = (topic: string) => {
    normaliser ??= new TopicNormaliser(knownServices(notes.facts));
    return normaliser.normalise(topic);
  };
  let generation = 0;
  const linted = new Map<string, FileLint>();

  /** The notes lint of one file, as the editor would show it: the open buffer if the file is open, else the file on disk. */
  async function lintFile(file: string): Promise<NoteFileFindings | undefined> {
    const open = documents.all().find((d) => fsPathOf(d.uri) === file);
    const kept = linted.get(file);
    if (kept && kept.generation === generation && kept.version === open?.version) return kept.findings;
    const uri = open?.uri ?? pathToFileURL(file).href;
    let document = open;
    if (!document) {
      const text = readNote(file);
      if (typeof text !== 'string') return undefined; // too large or binary: not indexed, not linted
      document = TextDocument.create(uri, file.toLowerCase().endsWith('.txt') ? 'plaintext' : 'markdown', 0, text);
    }
    const settings = await workspace.settings();
    const diagnostics = service().diagnostics(document, { settings, workspaceRoot: workspace.rootOf(uri) });
    // A closed file's analysis is not kept in the language service: it would only grow.
    if (!open) service().forget(uri);
    const first = diagnostics[0];
    const findings = first
      ? { uri, findings: diagnostics.length, first: { line: first.range.start.line, character: first.range.start.character, message: first.message } }
      : undefined;
    linted.set(file, { generation, version: open?.version, findings });
    return findings;
  }

  async function notesFolders(): Promise<NotesFolderSummary[]> {
    const settings = await workspace.settings();
    const summaries: NotesFolderSummary[] = [];
    const seen = new Set<string>();
    for (const entry of settings.notes.paths) {
      const { folders, globs } = resolveNoteRoots([entry], workspace.roots);
      const targets = [...folders.map((folder) => ({ folder, pattern: folder })), ...globs.map((glob) => ({ folder: literalBase(glob), pattern: glob }))];
      for (const { folder, pattern } of targets) {
        if (seen.has(pattern)) continue;
        seen.add(pattern);
        const { files } = listNoteFiles({ paths: [pattern], extensions: settings.notes.extensions }, []);
        const withFindings: NoteFileFindings[] = [];
        for (const file of files.sort()) {
          const findings = await lintFile(file);
          if (findings) withFindings.push(findings);
          await new Promise((resolve) => setImmediate(resolve)); // let other requests in between files
        }
        withFindings.sort((a, b) => b.findings - a.findings || a.uri.localeCompare(b.uri));
        summaries.push({
          entry,
          folder,
          exists: isDirectory(folder),
          files: files.length,
          findings: withFindings.reduce((sum, f) => sum + f.findings, 0),
          filesWithFindings: withFindings.slice(0, MAX_FILES_LISTED),
        });
      }
    }
    // Files no folder holds any more are forgotten.
    for (const file of linted.keys()) if (linted.get(file)!.generation !== generation) linted.delete(file);
    return summaries;
  }

  // The view asks again on every change; one listing at a time is enough for all of them.
  let listing: Promise<NotesFolderSummary[]> | undefined;
  const sharedNotesFolders = () => {
    listing ??= notesFolders().finally(() => {
      listing = undefined;
    });
    return listing;
  };

  connection.onRequest(StudyOverviewRequest, (params) =>
    guarded('study overview', EMPTY, async () => {
      const settings = await workspace.settings();
      const overview = sessions.get().overview(settings.quiz.newCardsPerDay, new Date(), topicOf);
      return params?.notes ? { ...overview, notesFolders: await sharedNotesFolders() } : overview;
    }),
  );

  return {
    topicOf,
    changed(what) {
      if (what === 'notes') generation++;
      void connection.sendNotification(StudyChangedNotification).catch(() => undefined);
    },
  };
}

/** The folder a glob starts from: its segments up to the first with a wildcard. */
function literalBase(glob: string): string {
  const segments = glob.split('/');
  const firstWild = segments.findIndex((segment) => /[*?[\]{}]/.test(segment));
  return path.normalize(segments.slice(0, firstWild < 0 ? segments.length : firstWild).join('/') || '/');
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
