// Runs the notes lint over the example statements kept with the curated knowledge
// (knowledge/facts/*.json and knowledge/misconceptions/*.json: correct, wrong and outdated lines
// written the way people write notes) and reports how many are judged as they should be.
// `npx tsx scripts/quality/statements.ts [--verbose]`; test/notes/statements.test.ts asserts the same.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FactChecker } from '../../server/src/service/notes/factCheck';
import { type Fact, loadFact, type LoadedFact, type Misconception } from '../../server/src/service/notes/knowledge';
import { MisconceptionChecker } from '../../server/src/service/notes/misconceptions';

const root = path.resolve(__dirname, '..', '..');

export interface Example {
  readonly text: string;
  readonly expect: 'correct' | 'wrong' | 'outdated' | 'misconception';
  readonly from: string;
}

export function loadExamples(): { facts: LoadedFact[]; misconceptions: Misconception[]; examples: Example[] } {
  const facts: LoadedFact[] = [];
  const misconceptions: Misconception[] = [];
  const examples: Example[] = [];
  const dir = path.join(root, 'knowledge', 'facts');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const raw of data.facts) {
      const fact = loadFact({ ...raw, service: data.service, topic: data.serviceName, serviceWords: raw.serviceWords ?? data.serviceWords, note: '' } as Fact);
      if (fact) facts.push(fact);
      for (const kind of ['correct', 'wrong', 'outdated'] as const)
        for (const text of raw.examples?.[kind] ?? []) examples.push({ text, expect: kind, from: raw.id });
    }
  }
  const mdir = path.join(root, 'knowledge', 'misconceptions');
  for (const file of fs.readdirSync(mdir).filter((f) => f.endsWith('.json'))) {
    for (const m of JSON.parse(fs.readFileSync(path.join(mdir, file), 'utf8')).misconceptions) {
      misconceptions.push(m);
      for (const text of m.examples?.wrong ?? []) examples.push({ text, expect: 'misconception', from: m.id });
      for (const text of m.examples?.correct ?? []) examples.push({ text, expect: 'correct', from: m.id });
    }
  }
  return { facts, misconceptions, examples };
}

export function judge(examples: readonly Example[], facts: readonly LoadedFact[], misconceptions: readonly Misconception[]) {
  const factChecker = new FactChecker(facts);
  const misconceptionChecker = new MisconceptionChecker(misconceptions);
  return examples.map((example) => {
    const statements = [{ text: example.text, offset: 0, line: 0, context: '' }];
    const problems = factChecker.check(statements);
    const found = misconceptionChecker.check(statements);
    const got = found.length > 0 ? 'misconception' : problems.some((p) => p.kind === 'outdated') ? 'outdated' : problems.length > 0 ? 'wrong' : 'correct';
    const detail = [...problems.map((p) => `${p.kind} ${p.fact.id}`), ...found.map((m) => `misconception ${m.misconception.id}`)].join('; ');
    return { ...example, got, detail };
  });
}

if (require.main === module) {
  const { facts, misconceptions, examples } = loadExamples();
  const results = judge(examples, facts, misconceptions);
  const verbose = process.argv.includes('--verbose');
  for (const expect of ['correct', 'wrong', 'outdated', 'misconception'] as const) {
    const group = results.filter((r) => r.expect === expect);
    const ok = group.filter((r) => (expect === 'correct' ? r.got === 'correct' : r.got !== 'correct'));
    console.log(`${expect.padEnd(14)} ${ok.length}/${group.length} judged as they should be`);
    if (verbose) for (const r of group.filter((g) => !ok.includes(g))) console.log(`   ${r.from}: ${r.text}  →  ${r.got} ${r.detail}`);
  }
  console.log(`facts ${facts.length}, misconceptions ${misconceptions.length}`);
}
