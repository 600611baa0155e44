import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { indexNotes, listNoteFiles, MAX_NOTE_FILES, readNote } from '../../server/src/service/notes/scanner';
import { NotesService } from '../../server/src/service/notes/service';
import { EMPTY_KNOWLEDGE } from '../../server/src/service/notes/knowledge';

/** Hostile notes folders: many files, huge files, symlink loops, binary and invalid UTF-8, HTML. */

describe('notes folders that fight back', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-scan-'));
    const many = path.join(root, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < MAX_NOTE_FILES + 20; i++) fs.writeFileSync(path.join(many, `n${i}.md`), `# Note ${i}\n- fact ${i}\n`);
    fs.mkdirSync(path.join(root, 'loop'));
    fs.symlinkSync(root, path.join(root, 'loop', 'again'));
    fs.writeFileSync(path.join(root, 'huge.md'), `# Huge\n${'- line\n'.repeat(400_000)}`);
    fs.writeFileSync(path.join(root, 'binary.md'), Buffer.from([0x23, 0x00, 0x01]));
    fs.writeFileSync(path.join(root, 'latin1.txt'), Buffer.from([0x53, 0x51, 0x53, 0x0a, 0x2d, 0x20, 0xe9, 0x74, 0xe9]));
    fs.writeFileSync(path.join(root, 'html.md'), '# Evil\n- <img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>alert(2)</script>\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('listing stops at the file limit and never follows symbolic links', () => {
    const { files, truncated } = listNoteFiles({ paths: [root], extensions: ['.md', '.txt'] }, []);
    assert.equal(truncated, true);
    assert.equal(files.length, MAX_NOTE_FILES);
    assert.ok(files.every((f) => !f.includes(`${path.sep}loop${path.sep}`)));
  });

  test('huge and binary files are skipped with a reason; invalid UTF-8 is read with replacements', () => {
    assert.match((readNote(path.join(root, 'huge.md')) as { skipped: string }).skipped, /larger than 2 MB/);
    assert.match((readNote(path.join(root, 'binary.md')) as { skipped: string }).skipped, /binary/);
    assert.match(readNote(path.join(root, 'latin1.txt')) as string, /\ufffd/);
  });

  test('indexing yields and survives everything; excerpts of HTML are inert', async () => {
    const notes = new NotesService({ knowledge: EMPTY_KNOWLEDGE });
    const files = ['huge.md', 'binary.md', 'latin1.txt', 'html.md'].map((f) => path.join(root, f));
    const result = await indexNotes(
      notes,
      files,
      () => undefined,
      () => false,
    );
    assert.equal(result.skipped.length, 2);
    const [hit] = notes.search('evil').results;
    assert.ok(hit);
    assert.doesNotMatch(hit.excerpt, /<img|<script|\]\(javascript/);
    const hover = notes.hoverMarkdown('evil', []);
    assert.ok(hover && !/<script|<img|\]\(javascript/.test(hover));
  });
});
