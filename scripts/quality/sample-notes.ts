// Measures the notes lint on the five sample notes (../shared/notes, when present) against a hand
// audit (sample-notes-audit.json): how many wrong or outdated numbers it flags, and whether it
// flags any line the audit found correct. `npx tsx scripts/quality/sample-notes.ts [--verbose]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NotesService } from '../../server/src/service/notes/service';

interface Audited {
  readonly file: string;
  readonly line: number;
  readonly quote: string;
  readonly verdict: string;
  readonly correct: string;
}

const root = path.resolve(__dirname, '..', '..');
const folder = path.join(root, '..', 'shared', 'notes');
if (!fs.existsSync(folder)) {
  console.log(`No sample notes at ${folder}: nothing to measure.`);
  process.exit(0);
}
const audit = JSON.parse(fs.readFileSync(path.join(__dirname, 'sample-notes-audit.json'), 'utf8')) as { wrong: Audited[]; correct: Audited[] };
const notes = new NotesService({ knowledgeRoot: root });
const files = fs.readdirSync(folder).map((name) => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
for (const file of files) notes.setNote(path.join(folder, file.name), file.text);
const found = new Map<string, string[]>();
for (const file of files) {
  const document = TextDocument.create(`file://${path.join(folder, file.name)}`, 'markdown', 1, file.text);
  for (const finding of notes.lint(document, path.join(folder, file.name))) {
    const key = `${file.name}:${finding.range.start.line + 1}`;
    found.set(key, [...(found.get(key) ?? []), finding.code]);
  }
}
const flagged = (a: Audited) => (found.get(`${a.file}:${a.line}`) ?? []).filter((code) => code !== 'NOTE002');
const caught = audit.wrong.filter((a) => flagged(a).length > 0);
const falseAlarms = audit.correct.filter((a) => flagged(a).length > 0);
console.log(`wrong or outdated numbers flagged: ${caught.length} of ${audit.wrong.length} (${Math.round((100 * caught.length) / audit.wrong.length)} %)`);
console.log(`lines the audit found correct that are flagged (NOTE001/3/4): ${falseAlarms.length} of ${audit.correct.length}`);
console.log(`all findings: ${[...found.values()].flat().length}`);
if (process.argv.includes('--verbose')) {
  for (const a of audit.wrong.filter((w) => !caught.includes(w)))
    console.log(`  missed ${a.file.slice(0, 3)}:${a.line} ${a.quote} (${a.verdict}; ${a.correct})`);
  for (const a of falseAlarms) console.log(`  FALSE ALARM ${a.file.slice(0, 3)}:${a.line} ${a.quote}`);
}
