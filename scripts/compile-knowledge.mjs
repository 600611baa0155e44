// Bundles the curated knowledge into one file the server reads at start-up:
//   dist/knowledge/knowledge.json = { notes: [{ path, text }], facts: [...] }
// knowledge/notes/*.md are the study notes shipped with the extension; knowledge/facts/*.json
// are the same facts as structured data, which the notes lint compares users' notes against.
import fs from 'node:fs';
import path from 'node:path';

export function compileKnowledge(root, outDir) {
  const notesDir = path.join(root, 'knowledge', 'notes');
  const factsDir = path.join(root, 'knowledge', 'facts');
  const list = (dir, ext) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(ext))
          .sort()
      : [];
  const notes = list(notesDir, '.md').map((file) => ({ path: `knowledge/notes/${file}`, text: fs.readFileSync(path.join(notesDir, file), 'utf8') }));
  const facts = list(factsDir, '.json').flatMap((file) => {
    const data = JSON.parse(fs.readFileSync(path.join(factsDir, file), 'utf8'));
    const notePath = `knowledge/notes/${file.replace(/\.json$/, '.md')}`;
    return (data.facts ?? []).map((fact) => ({ ...fact, topic: data.topic, note: notePath }));
  });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'knowledge.json'), JSON.stringify({ notes, facts }));
  return { notes: notes.length, facts: facts.length };
}
