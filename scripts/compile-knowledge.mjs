// Bundles the curated knowledge into one file the server reads on first use:
//   dist/knowledge/knowledge.json = { notes, facts, misconceptions, scenarios }
// knowledge/notes/*.md are the study notes shipped with the extension; knowledge/facts/*.json are
// the numbers (limits, defaults, sizes…) with their history and sources, which the notes lint
// and the quiz use; knowledge/misconceptions/*.json are common non-numeric errors with the
// correct statement; knowledge/scenarios/*.json is the bank of exam-style questions.
import fs from 'node:fs';
import path from 'node:path';

const list = (dir, ext) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
    : [];
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

export function compileKnowledge(root, outDir) {
  const notesDir = path.join(root, 'knowledge', 'notes');
  const notes = list(notesDir, '.md').map((file) => ({ path: `knowledge/notes/${file}`, text: fs.readFileSync(path.join(notesDir, file), 'utf8') }));
  const factsDir = path.join(root, 'knowledge', 'facts');
  const facts = list(factsDir, '.json').flatMap((file) => {
    const data = readJson(path.join(factsDir, file));
    const service = data.service ?? file.replace(/\.json$/, '');
    return (data.facts ?? []).map((fact) => ({
      ...fact,
      examples: undefined,
      service,
      topic: data.serviceName ?? service,
      serviceWords: fact.serviceWords ?? data.serviceWords ?? [service],
      note: `knowledge/notes/${service}.md`,
    }));
  });
  const misconceptions = list(path.join(root, 'knowledge', 'misconceptions'), '.json')
    .flatMap((file) => readJson(path.join(root, 'knowledge', 'misconceptions', file)).misconceptions ?? [])
    .map((m) => ({ ...m, examples: undefined }));
  const scenarios = list(path.join(root, 'knowledge', 'scenarios'), '.json').flatMap(
    (file) => readJson(path.join(root, 'knowledge', 'scenarios', file)).questions ?? [],
  );
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'knowledge.json'), JSON.stringify({ notes, facts, misconceptions, scenarios }));
  return { notes: notes.length, facts: facts.length, misconceptions: misconceptions.length, scenarios: scenarios.length };
}
