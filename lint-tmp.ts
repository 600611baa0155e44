import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NotesService } from './server/src/service/notes/service';
const notes = new NotesService();
for (const f of fs.readdirSync('../shared/notes')) notes.setNote('/n/' + f, fs.readFileSync('../shared/notes/' + f, 'utf8'));
for (const f of fs.readdirSync('../shared/notes')) {
  const text = fs.readFileSync('../shared/notes/' + f, 'utf8');
  const d = TextDocument.create('file:///n/' + f, 'markdown', 1, text);
  for (const x of notes.lint(d, '/n/' + f)) console.log(f.slice(0, 3), x.range.start.line + 1, x.code, JSON.stringify(d.getText(x.range)), '|', text.split('\n')[x.range.start.line]!.trim().slice(0, 120), '=>', x.message.slice(0, 150));
}
