import type { IndexedSection } from '../notes/index';
import type { NotesService, StudyMaterial } from '../notes/service';
import type { LoadedFact as Fact } from '../notes/knowledge';
import { findQuantities, formatQuantity, unitInfo, type FoundQuantity } from '../notes/quantities';
import { clozes, numerics, termDefinitions, type TermDefinition } from './extract';
import { correctedQuestion, qualityProblems } from './quality';
import { scenarioQuestions } from './scenarios';
import { specQuestions } from './sequences';
import { hash, seededRandom, shuffle } from './random';
import { comparisonCells, tablesOf, tableTerms, type ComparisonCell, type Table } from './tables';
import type { Question, QuestionSource, QuestionType } from '../../protocol/quiz';

/**
 * Questions from the notes and the bundled knowledge, without any model: term ↔ definition
 * bullets, blanks on bold/code terms and on numbers, true/false from curated facts, ordering of
 * real sequences (deployment hooks, build phases) and "select N" from the specifications.
 * A user's note that contradicts a curated fact is never quizzed as true: it becomes a
 * true/false question whose answer is "False", and the explanation says the note disagrees.
 */

export interface QuizOptions {
  readonly topic?: string;
  readonly count?: number;
  readonly seed?: number;
  /** Only questions from these files (for "Quiz Me on This File"). */
  readonly files?: readonly string[];
}

/** The notes and facts questions are made from (see NotesService.studyMaterial). */
export type QuizInput = StudyMaterial;

/** Questions from the indexed notes and the bundled knowledge (deterministic for a seed). */
export function quizFromNotes(notes: NotesService, options: QuizOptions = {}): Question[] {
  return generateQuestions(notes.studyMaterial(), options);
}

const PER_SECTION = 6;

export function generateQuestions(input: QuizInput, options: QuizOptions = {}): Question[] {
  const random = seededRandom(options.seed ?? 1);
  const topic = options.topic?.toLowerCase();
  const sections = input.sections.filter((s) => matchesTopic(s, topic) && (!options.files || options.files.includes(input.pathOf(s))));
  const byType = new Map<QuestionType, Question[]>();
  const ids = new Set<string>();
  const add = (generated: Question | undefined) => {
    if (!generated) return;
    // A note that states a misconception is asked as a "False" that teaches the correct statement.
    const question = correctedQuestion(generated, input) ?? generated;
    if (!wellFormed(question) || ids.has(question.id) || qualityProblems(question, input).length > 0) return;
    ids.add(question.id);
    const list = byType.get(question.type) ?? [];
    list.push(question);
    byType.set(question.type, list);
  };
  const termsByFile = new Map<string, TermDefinition[]>();
  const chapterOf = new Map<TermDefinition, string>();
  // Both passes over the sections need the same terms and tables: extract them once.
  const extracted = new Map<IndexedSection, { terms: TermDefinition[]; tables: Table[] }>();
  const extract = (section: IndexedSection) => {
    let found = extracted.get(section);
    if (!found) {
      const tables = tablesOf(section.raw, firstLine(section));
      found = { terms: [...termDefinitions(section.raw, firstLine(section)), ...tableTerms(tables)], tables };
      extracted.set(section, found);
    }
    return found;
  };
  // Terms of the sections under the same parent heading ("Instance Store" next to "EBS Volume
  // Types" under "Storage"): the nearest distractors of the same kind.
  const termsByParent = new Map<string, TermDefinition[]>();
  const parentKey = (section: IndexedSection) => `${section.file}\u0000${section.headingPath.join('\u0000')}`;
  for (const section of sections) {
    const { terms } = extract(section);
    for (const term of terms) chapterOf.set(term, section.headingPath[0] ?? section.title);
    termsByFile.set(section.file, [...(termsByFile.get(section.file) ?? []), ...terms]);
    termsByParent.set(parentKey(section), [...(termsByParent.get(parentKey(section)) ?? []), ...terms]);
  }
  for (const section of sections) {
    if (section.text.trim().length < 20) continue; // empty or stub sections make no questions
    const source = (line: number): QuestionSource => ({
      file: input.pathOf(section),
      startLine: line,
      endLine: line,
      kind: section.source === 'knowledge' ? 'bundled' : 'user',
    });
    const first = firstLine(section);
    const topicName = section.headingPath[0] ?? section.meta.title ?? section.title;
    let made = 0;
    const { terms, tables } = extract(section);
    // Distractors come from the same list, else from the sections beside it, else from the same
    // chapter of the same file: the nearer, the more likely they are of the same kind.
    const chapter = section.headingPath[0] ?? section.title;
    const beside = termsByParent.get(parentKey(section)) ?? [];
    const siblings =
      terms.length >= 4 ? terms : beside.length >= 4 ? beside : (termsByFile.get(section.file) ?? []).filter((t) => chapterOf.get(t) === chapter);
    for (const term of terms) {
      if (made >= PER_SECTION) break;
      add(termQuestion(term, siblings, section, topicName, source(term.line), random));
      made++;
    }
    for (const cloze of clozes(section.raw, first, section.title).slice(0, 3)) {
      if (made >= PER_SECTION) break;
      add({
        id: id(section, 'cloze', cloze.answer),
        type: 'cloze',
        topic: topicName,
        prompt: `${context(section)}Fill in the blank: ${cloze.sentence}`,
        answer: cloze.answer,
        explanation: `${cloze.sentence.replace('_____', cloze.answer)} (${where(section, cloze.line)})`,
        source: source(cloze.line),
      });
      made++;
    }
    for (const cell of shuffle(comparisonCells(tables), random).slice(0, 2)) {
      if (made >= PER_SECTION) break;
      add(comparisonQuestion(cell, section, topicName, source(cell.line), random));
      made++;
    }
    for (const numeric of numerics(section.raw, first).slice(0, 2)) {
      if (made >= PER_SECTION) break;
      add(numericQuestion(numeric.sentence, numeric.quantity, numeric.line, section, topicName, input.check, source(numeric.line), random));
      made++;
    }
  }
  for (const fact of input.facts) {
    if (topic && !`${fact.topic} ${fact.id}`.toLowerCase().includes(topic)) continue;
    if (options.files) continue;
    add(factQuestion(fact, input, random));
  }
  if (!options.files) {
    for (const question of specQuestions(input, random)) if (!topic || `${question.topic} ${question.prompt}`.toLowerCase().includes(topic)) add(question);
    const noteOf = (service: string): QuestionSource => {
      const note = `knowledge/notes/${service}.md`;
      const section = input.sections.find((s) => s.source === 'knowledge' && s.file === note);
      return { file: input.knowledgePath(note), startLine: (section?.startLine ?? 0) + 1, endLine: (section?.endLine ?? 0) + 1, kind: 'bundled' };
    };
    for (const question of scenarioQuestions(input.scenarios, options.topic, noteOf, random)) add(question);
  }
  return pick(byType, options.count ?? 10, random);
}

/** 1-based line of the first body line kept in `raw` (the heading line, if any, is not part of it). */
function firstLine(section: IndexedSection): number {
  return section.endLine - section.raw.length + 2;
}

function matchesTopic(section: IndexedSection, topic: string | undefined): boolean {
  if (!topic) return true;
  const haystack = [section.title, ...section.headingPath, section.meta.title ?? '', section.meta.keywords ?? '', section.file, ...section.services]
    .join(' ')
    .toLowerCase();
  return haystack.includes(topic);
}

function context(section: IndexedSection): string {
  const path = [...section.headingPath, section.title]
    .filter((p, i, all) => all.indexOf(p) === i)
    .slice(-2)
    .join(' › ');
  return path ? `[${path}] ` : '';
}

function where(section: IndexedSection, line: number): string {
  return `${section.source === 'knowledge' ? 'AWS Study Hints knowledge' : section.file.split(/[\\/]/).pop()}, line ${line}`;
}

function id(section: IndexedSection, type: string, answer: string): string {
  return `${type}-${hash(`${section.source}|${section.file}|${section.id}|${answer}`)}`;
}

function termQuestion(
  term: TermDefinition,
  siblings: readonly TermDefinition[],
  section: IndexedSection,
  topic: string,
  source: QuestionSource,
  random: () => number,
): Question | undefined {
  // "Boot volumes: NOT ST1 or SC1." is a constraint, not a definition: neither asked nor offered.
  if (!definesSomething(term.definition)) return undefined;
  const others = shuffle(
    siblings.filter((s) => s.term !== term.term && s.definition !== term.definition && definesSomething(s.definition)),
    random,
  ).slice(0, 3);
  if (others.length < 2) return undefined;
  const explanation = `${term.term}: ${term.definition} (${where(section, term.line)})`;
  if (random() < 0.5) {
    return {
      id: id(section, 'term-definition', term.term),
      type: 'term-definition',
      topic,
      prompt: `${context(section)}What is ${term.term}?`,
      options: shuffle([term.definition, ...others.map((o) => o.definition)], random),
      answer: term.definition,
      explanation,
      source,
    };
  }
  return {
    id: id(section, 'definition-term', term.term),
    type: 'definition-term',
    topic,
    prompt: `${context(section)}Which term is this: "${term.definition}"?`,
    options: shuffle([term.term, ...others.map((o) => o.term)], random),
    answer: term.term,
    explanation,
    source,
  };
}

/** A definition says what something is or does: three words or more, not a bare negation ("NOT ST1 or SC1."). */
function definesSomething(definition: string): boolean {
  const words = definition.trim().split(/\s+/).length;
  return words >= 3 && !(words < 6 && /^(not|no|never)\b/i.test(definition.trim()));
}

/** "Which one has Max Throughput: 1,000 MB/s?" from a comparison table; the options are the table's columns. */
function comparisonQuestion(cell: ComparisonCell, section: IndexedSection, topic: string, source: QuestionSource, random: () => number): Question {
  return {
    id: id(section, 'table-cell', `${cell.attribute}|${cell.answer}`),
    type: 'table-cell',
    topic,
    prompt: `${context(section)}Which one has ${cell.attribute}: "${cell.value}"?`,
    options: shuffle(cell.options, random),
    answer: cell.answer,
    explanation: `${cell.answer} — ${cell.attribute}: ${cell.value} (${where(section, cell.line)})`,
    source,
  };
}

/** Values people commonly see in each unit: good distractors because they are plausible. */
const COMMON_VALUES: Readonly<Record<string, readonly number[]>> = {
  seconds: [1, 5, 10, 15, 30, 60, 120, 300, 900, 3600],
  minutes: [1, 5, 10, 15, 30, 60],
  hours: [1, 2, 6, 12, 24, 48],
  days: [1, 3, 4, 7, 14, 30, 35, 90, 180, 365],
  KB: [4, 64, 256, 400, 1024],
  MB: [1, 5, 6, 10, 50, 100, 250, 512],
  GB: [1, 5, 10, 16, 30, 64],
  TB: [1, 5, 16, 64, 128],
  bytes: [256, 1024, 2048, 4096],
};

/** Plausible wrong values in the same unit, never a correct one. */
function distractors(quantity: FoundQuantity, wrong: (value: number) => boolean, random: () => number): number[] {
  const v = quantity.value;
  const scaled = [v * 2, v / 2, v * 3, v * 4, v * 10, v / 10].filter((x) => Number.isInteger(x));
  const common = (COMMON_VALUES[quantity.unit] ?? []).filter((x) => x !== v);
  const candidates = [...shuffle(common, random).slice(0, 2), ...shuffle(scaled, random)].filter((x) => x > 0 && x !== v && wrong(x));
  return [...new Set(candidates)].slice(0, 3);
}

function numericQuestion(
  sentence: string,
  quantity: FoundQuantity,
  line: number,
  section: IndexedSection,
  topic: string,
  check: QuizInput['check'],
  source: QuestionSource,
  random: () => number,
): Question | undefined {
  const problems = section.source === 'notes' ? check(sentence, [...section.headingPath, section.title].join(' · ')).problems : [];
  if (problems.length > 0) {
    // The note is wrong or outdated: quiz the correct fact and say so, never the note's number as true.
    const fact = problems[0]!.fact;
    return {
      id: id(section, 'true-false', sentence),
      type: 'true-false',
      topic,
      prompt: `${context(section)}True or false: "${sentence}"`,
      options: ['True', 'False'],
      answer: 'False',
      explanation: `False. ${problems[0]!.kind === 'outdated' ? 'That value is outdated. ' : ''}${fact.statement} Your note (${where(section, line)}) disagrees with the curated fact (${fact.topic} › ${fact.section}; ${fact.source}).`,
      source,
    };
  }
  const unit = quantity.unit;
  const wrongValues = distractors(quantity, () => true, random);
  if (wrongValues.length < 3) return undefined;
  const text = sentence.slice(quantity.offset, quantity.offset + quantity.length);
  const prompt = `${sentence.slice(0, quantity.offset)}__ ${unit}${sentence.slice(quantity.offset + quantity.length)}`;
  const options = shuffle(
    [quantity.value, ...wrongValues].map((v) => formatQuantity(v, unit)),
    random,
  );
  return {
    id: id(section, 'numeric', text),
    type: 'numeric',
    topic,
    prompt: `${context(section)}Fill in the number: ${prompt}`,
    options,
    answer: formatQuantity(quantity.value, unit),
    explanation: `${sentence} (${where(section, line)})`,
    source,
  };
}

function factQuestion(fact: Fact, input: QuizInput, random: () => number): Question | undefined {
  const file = input.knowledgePath(fact.note);
  // Point at the section of the bundled note that states the fact.
  const section = input.sections.find((s) => s.source === 'knowledge' && s.file === fact.note && s.title === fact.section);
  const source: QuestionSource = { file, startLine: (section?.startLine ?? 0) + 1, endLine: (section?.endLine ?? 0) + 1, kind: 'bundled' };
  const quantities = findQuantities(fact.statement);
  const base = { id: `true-false-${hash(fact.id)}`, type: 'true-false' as const, topic: fact.topic, options: ['True', 'False'], source };
  const target = quantities[0];
  if (!target || random() < 0.4) {
    return { ...base, prompt: `True or false: ${fact.statement}`, answer: 'True', explanation: `True. ${fact.statement} (${fact.topic} › ${fact.section})` };
  }
  const allowed = (value: number) =>
    fact.quantities.some((q) => {
      const info = unitInfo(q.unit);
      const mine = unitInfo(target.unit);
      return info && mine && info.kind === mine.kind && Math.abs(q.value * info.factor - value * mine.factor) < 1e-9;
    });
  const [wrong] = distractors(target, (v) => !allowed(v), random);
  if (wrong === undefined) return { ...base, prompt: `True or false: ${fact.statement}`, answer: 'True', explanation: `True. ${fact.statement}` };
  const altered = `${fact.statement.slice(0, target.offset)}${formatQuantity(wrong, target.unit)}${fact.statement.slice(target.offset + target.length)}`;
  return { ...base, prompt: `True or false: ${altered}`, answer: 'False', explanation: `False. ${fact.statement} (${fact.topic} › ${fact.section})` };
}

function wellFormed(question: Question): boolean {
  if (question.prompt.trim().length < 10) return false;
  const answers = Array.isArray(question.answer) ? question.answer : [question.answer as string];
  if (answers.some((a) => a.trim() === '')) return false;
  if (question.options) {
    if (new Set(question.options).size !== question.options.length || question.options.length < 2) return false;
    if (!answers.every((a) => question.options!.includes(a))) return false;
  }
  return true;
}

/** Up to `count` questions, mixing the types, without two questions on the same prompt. */
function pick(byType: Map<QuestionType, Question[]>, count: number, random: () => number): Question[] {
  const pools = [...byType.values()].map((list) => shuffle(list, random));
  const chosen: Question[] = [];
  const prompts = new Set<string>();
  while (chosen.length < count && pools.some((p) => p.length > 0)) {
    for (const pool of shuffle(pools, random)) {
      const next = pool.shift();
      if (!next || prompts.has(next.prompt)) continue;
      prompts.add(next.prompt);
      chosen.push(next);
      if (chosen.length >= count) break;
    }
  }
  return chosen;
}
