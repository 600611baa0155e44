import type { Question } from '../../protocol/quiz';
import type { StudyMaterial } from '../notes/service';

/**
 * What a good tutor would never ask, as checks on a generated question (docs/quiz-quality.md
 * lists them). A question from the learner's notes that states a wrong or outdated number, or
 * reads like a misconception, is never asked as true: `correctedOrUnfit` turns it into a
 * "False" that teaches the right statement, or drops it.
 */

/** Section labels people put in notes; never terms to define. */
const LABELS = new Set([
  'note',
  'notes',
  'tip',
  'tips',
  'trap',
  'traps',
  'exam tip',
  'exam tips',
  'exam pattern',
  'exam patterns',
  'cost trap',
  'gotcha',
  'gotchas',
  'important',
  'example',
  'examples',
  'remember',
  'key point',
  'key points',
  'summary',
  'pros',
  'cons',
  'use case',
  'use cases',
  'optional',
  'required',
  'default',
  'defaults',
  'limits',
  'limit',
  'pricing',
  'cost',
  'costs',
  'overview',
  'features',
  'benefits',
  'why',
  'how',
  'what',
  'when',
  'where',
  'best practice',
  'best practices',
  'misc',
  'other',
  'others',
  'faq',
  'question',
  'answer',
  'scenario',
  'keywords',
  'todo',
]);

const WORKED_EXAMPLE = /(?<![a-z])(suppose|assume|assuming|for example|e\.g\.|example:|imagine|let's say|lets say|if you have|say you)(?![a-z])/i;

export type QualityRule = 'label-as-term' | 'fragment' | 'leaked-answer' | 'worked-example' | 'distractor-kind' | 'distractor-length' | 'teaches-error';

/** The machine-checkable rules a question breaks (empty when it is fit to ask). */
export function qualityProblems(question: Question, material?: Pick<StudyMaterial, 'check'>): QualityRule[] {
  const problems: QualityRule[] = [];
  const prompt = stripContext(question.prompt);
  const answers = Array.isArray(question.answer) ? question.answer : [question.answer as string];
  const term = question.type === 'term-definition' ? /^What is (.+)\?$/.exec(prompt)?.[1] : question.type === 'definition-term' ? answers[0] : undefined;
  if (
    term &&
    (LABELS.has(
      term
        .toLowerCase()
        .replace(/[*_`:]+/g, '')
        .trim(),
    ) ||
      /:$/.test(term.trim()))
  )
    problems.push('label-as-term');
  if (isFragment(question, prompt, answers)) problems.push('fragment');
  if (question.type === 'cloze' || question.type === 'definition-term' || question.type === 'numeric') {
    const body = question.type === 'numeric' ? prompt.replace(/^Fill in the number:\s*/, '') : prompt;
    const flat = (text: string) => text.toLowerCase().replace(/[-\s]+/g, ' ');
    if (answers.some((a) => a.trim().length >= 3 && flat(body).includes(flat(a)))) problems.push('leaked-answer');
  }
  // A blank on the given value of a worked example ("Suppose each item is __ KB…") tests nothing.
  if ((question.type === 'numeric' || question.type === 'cloze') && WORKED_EXAMPLE.test(prompt)) problems.push('worked-example');
  if (question.options && question.type !== 'ordering' && question.type !== 'multi-select' && question.type !== 'true-false') {
    const numeric = (s: string) => /^\s*[\d.,]+\s*\S*\s*$/.test(s);
    const kinds = new Set(question.options.map(numeric));
    // "dn" against sentences: an option of two letters is a scrap, not a choice.
    const longest = Math.max(...question.options.map((o) => o.length));
    const scrap = longest > 20 && question.options.some((o) => o.replace(/[^A-Za-z0-9]/g, '').length < 3);
    if (kinds.size > 1 || scrap) problems.push('distractor-kind');
    const lengths = question.options.map((o) => o.length);
    // One option three times longer (or shorter) than all the others gives the answer away.
    const answerLength = (answers[0] ?? '').length;
    const others = lengths.filter((_, i) => question.options![i] !== answers[0]);
    if (others.length > 0 && answerLength > 24 && others.every((l) => answerLength > 3 * l)) problems.push('distractor-length');
  }
  if (material && question.source.kind === 'user' && question.type !== 'true-false' && teachesError(question, material)) problems.push('teaches-error');
  return problems;
}

/** Whether the question's text (prompt and answer together) states a wrong number or a misconception. */
function teachesError(question: Question, material: Pick<StudyMaterial, 'check'>): boolean {
  const answers = Array.isArray(question.answer) ? question.answer : [question.answer as string];
  const sentence = stripContext(question.prompt).replace(/_____|__/, answers[0] ?? '');
  const checked = material.check(`${sentence} ${question.explanation}`, contextOf(question.prompt));
  return checked.problems.length > 0 || checked.misconceptions.length > 0;
}

/**
 * A note's statement that reads like a misconception becomes a "False" that teaches the correct
 * statement; undefined when the question is fine as it is.
 */
export function correctedQuestion(question: Question, material: Pick<StudyMaterial, 'check'>): Question | undefined {
  if (question.source.kind !== 'user') return undefined;
  const answers = Array.isArray(question.answer) ? question.answer : [question.answer as string];
  const sentence = stripContext(question.prompt).replace(/_____|__/, answers[0] ?? '');
  const [misconception] = material.check(sentence, contextOf(question.prompt)).misconceptions;
  if (!misconception) return undefined;
  return {
    id: `corrected-${question.id}`,
    type: 'true-false',
    topic: question.topic,
    prompt: `True or false: ${misconception.misconception.wrong}`,
    options: ['True', 'False'],
    answer: 'False',
    explanation: `False. ${misconception.misconception.correct} Your note says otherwise (${misconception.misconception.source}).`,
    source: question.source,
  };
}

/** Where a question comes from, as the quiz says it. */
export function originOf(question: Question): string {
  return question.source.kind === 'user' ? 'from your notes' : question.source.kind === 'file' ? 'about this file' : 'AWS Study Hints knowledge';
}

/** A blank with no sentence around it, a definition of two words, an answer that trails off. */
function isFragment(question: Question, prompt: string, answers: readonly string[]): boolean {
  if (wordCount(prompt) < 4) return true;
  if (question.type === 'cloze') {
    const sentence = prompt.replace(/^Fill in the blank:\s*/, '');
    if (wordCount(sentence.replace('_____', '')) < 4 || /^_____\s*[:(]/.test(sentence)) return true;
  }
  if (question.type === 'definition-term') {
    const definition = /"(.*)"/.exec(prompt)?.[1] ?? '';
    if (wordCount(definition) < 4) return true;
  }
  if (question.type === 'term-definition' && answers.some((a) => wordCount(a) < 3 || /[-:–]\s*$/.test(a))) return true;
  return false;
}

function stripContext(prompt: string): string {
  return prompt.replace(/^\[[^\]]*\]\s*/, '');
}

function contextOf(prompt: string): string {
  return /^\[([^\]]*)\]/.exec(prompt)?.[1] ?? '';
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
}
