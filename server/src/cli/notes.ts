import * as path from 'node:path';
import { listNoteFiles, readNote } from '../service/notes/scanner';
import { NotesService } from '../service/notes/service';

/** A notes service for the CLI: the bundled knowledge plus the notes folders named on the command line. */
export function loadNotes(folders: readonly string[]): NotesService {
  return loadNoteFiles(folders).notes;
}

/** The same, with the note files that were read (for `check --notes`, which lints each of them). */
export function loadNoteFiles(folders: readonly string[]): { notes: NotesService; files: { path: string; text: string }[] } {
  // The extension root (dist/..) holds knowledge/notes/*.md, which results and sources point at.
  const notes = new NotesService({ knowledgeRoot: path.dirname(__dirname) });
  const { files } = listNoteFiles({ paths: folders.map((p) => path.resolve(p)), extensions: ['.md', '.markdown', '.txt'] }, [process.cwd()]);
  const read: { path: string; text: string }[] = [];
  for (const file of files) {
    const text = readNote(file);
    if (typeof text === 'string') {
      notes.setNote(file, text);
      read.push({ path: file, text });
    } else process.stderr.write(`${text.skipped}\n`);
  }
  return { notes, files: read };
}
