import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answered, type Effect, type KeyPress, press, type QuizState, revised, startQuiz, summarize, summaryText, whenDue } from '../../client/src/quizFlow';
import { quizShellHtml, renderScreen } from '../../client/src/quizPanelHtml';
import { bundledSourceUri } from '../../server/src/protocol';
import type { Question, QuizAnswerResult } from '../../server/src/protocol/quiz';
import { grade } from '../../server/src/service/quiz/answers';

/**
 * The quiz panel's flow and pages, driven by keys as the page sends them, with a stand-in for the
 * server that grades with the real grading. (The panel in a real editor: test/editor/suite.)
 */

const NOW = new Date('2026-04-01T10:00:00Z');
const source = { file: '/notes/sqs.md', startLine: 4, endLine: 4, kind: 'user' as const };
const choice = (id: string, answer = 'B'): Question => ({
  id,
  type: 'term-definition',
  topic: 'SQS',
  prompt: `Which one is ${id}?`,
  options: ['A', 'B', 'C', 'D'],
  answer,
  explanation: `Because ${id}.`,
  source,
});
const typed: Question = {
  id: 'typed',
  type: 'cloze',
  topic: 'CloudFront',
  prompt: 'Fill in the blank: the _____ redirects HTTP to HTTPS.',
  answer: 'Viewer Protocol Policy setting',
  explanation: 'e',
  source,
};
const ordering: Question = {
  id: 'order',
  type: 'ordering',
  topic: 'CodeDeploy',
  prompt: 'Put in order',
  options: ['c', 'a', 'b'],
  answer: ['a', 'b', 'c'],
  explanation: 'e',
  source,
};
const multi: Question = {
  id: 'multi',
  type: 'multi-select',
  topic: 'S3',
  prompt: 'Select 2',
  options: ['x', 'y', 'z'],
  answer: ['x', 'z'],
  explanation: 'e',
  source,
};

/** The server's part: grade with the real grading, answer with a due time and the grade. */
function serve(state: QuizState, effect: Effect | undefined): QuizState {
  if (effect?.kind === 'answer') {
    const { correct, note } = grade(effect.question, effect.answer);
    const result: QuizAnswerResult = {
      correct,
      note,
      expected: String(effect.question.answer),
      due: new Date(NOW.getTime() + (correct ? 3 : 0.01) * 86_400_000).toISOString(),
      rating: correct ? 3 : 1,
    };
    return answered(state, effect.answer, result);
  }
  if (effect?.kind === 'revise') {
    const last = state.answers.at(-1)!;
    return revised(state, { ...last.result, correct: effect.correct, rating: effect.rating ?? (effect.correct ? 3 : 1) });
  }
  return state;
}

/** Presses keys in turn; returns the state and every effect asked for. */
function keys(state: QuizState, ...presses: (string | KeyPress)[]): { state: QuizState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const p of presses) {
    const step = press(state, typeof p === 'string' ? { key: p } : p);
    if (step.effect) effects.push(step.effect);
    state = serve(step.state, step.effect);
  }
  return { state, effects };
}

describe('the quiz panel flow', () => {
  test('five choice questions take ten keys: a number answers, Enter goes on, and the summary says how it went', () => {
    const questions = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => choice(id));
    const { state, effects } = keys(startQuiz('Quiz · SQS', questions), '2', 'Enter', '2', 'Enter', '1', 'Enter', '2', 'Enter', '2', 'Enter');
    assert.equal(effects.filter((e) => e.kind === 'answer').length, 5);
    assert.deepEqual(state.screen, { kind: 'end', cancelled: false });
    assert.deepEqual(summarize(state), { right: 4, answered: 5, notAsked: 0, nextDue: new Date(NOW.getTime() + 864_000).toISOString() });
    const page = renderScreen(state, NOW).html;
    assert.match(page, /4 of 5 right · next review in 14 minutes/);
    assert.deepEqual(press(state, { key: 'Enter' }).effect, { kind: 'close' });
  });

  test('a stray Enter answers nothing: the cursor starts on no option', () => {
    const start = startQuiz('Quiz', [choice('q1')]);
    const { state, effects } = keys(start, 'Enter');
    assert.equal(effects.length, 0);
    assert.match(renderScreen(state).html, /Press 1–4 to answer/);
    const chosen = keys(state, 'ArrowDown', 'ArrowDown', 'Enter');
    assert.deepEqual(chosen.effects[0], { kind: 'answer', question: choice('q1'), answer: 'B' });
  });

  test('keys wait while the server grades: nothing is answered twice', () => {
    const step = press(startQuiz('Quiz', [choice('q1'), choice('q2')]), { key: '1' });
    assert.equal(step.effect?.kind, 'answer');
    assert.equal(press(step.state, { key: '2' }).effect, undefined);
    assert.equal(press(step.state, { key: 'Enter' }).state, step.state);
  });

  test('typed answers: Enter submits the field, an empty field only hints, R and W override the grading', () => {
    let { state, effects } = keys(startQuiz('Quiz', [typed]), { key: 'Enter', value: '  ' });
    assert.equal(effects.length, 0, 'an empty Enter is a slip');
    const sent = press(state, { key: 'Enter', value: 'viewer protocol policy' });
    assert.match(renderScreen(sent.state).html, /value="viewer protocol policy"/, 'the text stays while the server grades it');
    assert.match(renderScreen(sent.state).html, /Checking…/);
    ({ state, effects } = keys(state, { key: 'Enter', value: 'viewer protocol policy' }));
    assert.equal(state.answers[0]!.result.correct, true);
    let page = renderScreen(state, NOW).html;
    assert.match(page, /✓ Right/);
    assert.match(page, /Counted right: the key is “Viewer Protocol Policy setting”/);
    assert.match(page, /I was wrong/);
    ({ state, effects } = keys(state, 'w'));
    assert.deepEqual(effects, [{ kind: 'revise', question: typed, correct: false, rating: undefined }]);
    page = renderScreen(state, NOW).html;
    assert.match(page, /✗ Not quite \(your call\)/);
    ({ effects } = keys(state, 'w'));
    assert.equal(effects.length, 0, 'already wrong');
    ({ effects } = keys(state, 'r'));
    assert.deepEqual(effects, [{ kind: 'revise', question: typed, correct: true, rating: undefined }]);
  });

  test('the grade is chosen automatically and can be overridden with 1–4 before going on', () => {
    let { state, effects } = keys(startQuiz('Quiz', [choice('q1')]), '2');
    assert.match(renderScreen(state, NOW).html, /class="choice active" data-key="3"[^>]*><kbd>3<\/kbd> Good/);
    ({ state, effects } = keys(state, '3'));
    assert.equal(effects.length, 0, 'the grade it has already');
    ({ state, effects } = keys(state, '4'));
    assert.deepEqual(effects, [{ kind: 'revise', question: choice('q1'), correct: true, rating: 4 }]);
    assert.equal(state.answers[0]!.result.rating, 4);
    assert.match(renderScreen(state, NOW).html, /your choice/);
    ({ effects } = keys(state, 'r'));
    assert.equal(effects.length, 0, '"I was right" is for typed answers only');
  });

  test('ordering: arrows pick, Alt+arrows move, Enter submits', () => {
    const { state, effects } = keys(
      startQuiz('Quiz', [ordering]),
      '2', // "a"
      { key: 'ArrowUp', alt: true }, // a c b
      'ArrowDown', // "c"
      { key: 'ArrowDown', alt: true }, // a b c
      'Enter',
    );
    assert.deepEqual(effects, [{ kind: 'answer', question: ordering, answer: ['a', 'b', 'c'] }]);
    assert.equal(state.answers[0]!.result.correct, true);
  });

  test('multi-select: numbers tick, Enter submits the ticked options', () => {
    const { effects } = keys(startQuiz('Quiz', [multi]), 'Enter', '3', '1', '2', '2', 'Enter');
    assert.deepEqual(effects, [{ kind: 'answer', question: multi, answer: ['x', 'z'] }]);
  });

  test('Escape on a question stops the quiz: nothing unanswered is recorded, and the page says so', () => {
    const { state, effects } = keys(startQuiz('Quiz', [choice('q1'), choice('q2')]), 'Escape');
    assert.equal(effects.length, 0, 'no request at all');
    assert.deepEqual(state.screen, { kind: 'end', cancelled: true });
    assert.match(renderScreen(state).html, /Quiz cancelled: nothing was answered, nothing recorded\./);
    const later = keys(startQuiz('Quiz', [choice('q1'), choice('q2'), choice('q3')]), '2', 'Enter', 'Escape').state;
    assert.match(renderScreen(later).html, /Your 1 answer is saved; the 2 questions not answered were not recorded/);
    assert.equal(summaryText(summarize(later)), '1 of 1 right (2 not asked, not recorded). Due cards come back when FSRS says you are about to forget them.');
  });

  test("a bundled note opens as the extension's read-only document, the learner's own as its file", () => {
    const bundled = { file: '/ext/aws-study-hints-0.1.0/knowledge/notes/sqs.md', startLine: 3, endLine: 5, kind: 'bundled' as const };
    assert.equal(bundledSourceUri(bundled), 'aws-study-hints:/knowledge/notes/sqs.md');
    assert.equal(bundledSourceUri({ ...bundled, file: 'C:\\ext\\knowledge\\notes\\kms.md' }), 'aws-study-hints:/knowledge/notes/kms.md');
    assert.equal(bundledSourceUri(source), undefined);
    assert.equal(bundledSourceUri({ ...source, file: '/work/knowledge/notes/mine.md' }), undefined, 'a user note in a folder named knowledge');
    assert.equal(bundledSourceUri({ file: '/work/policy.json', startLine: 1, endLine: 1, kind: 'file' }), undefined);
  });

  test('O opens the source; the feedback shows the expected answer, the explanation and where it comes from', () => {
    const answeredState = keys(startQuiz('Quiz', [choice('q1')]), '1').state;
    assert.deepEqual(press(answeredState, { key: 'o' }).effect, { kind: 'open', source });
    const page = renderScreen(
      { ...answeredState, answers: [{ ...answeredState.answers[0]!, result: { ...answeredState.answers[0]!.result, excerpt: '- q1 is <B>' } }] },
      NOW,
    ).html;
    for (const expected of [
      /✗ Not quite/,
      /<b class="expected">B<\/b>/,
      /Because q1\./,
      /From your notes · <a href="#" data-key="o"[^>]*>sqs\.md:4<\/a>/,
      /<pre>- q1 is &lt;B&gt;<\/pre>/,
      /next review <span[^>]*>in 14 minutes/,
    ]) {
      assert.match(page, expected);
    }
  });
});

describe('the quiz panel page', () => {
  test('a strict content security policy: only the nonce-tagged style and script, nothing remote', () => {
    const html = quizShellHtml('n0nce', 'Quiz <1>');
    assert.match(html, /content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';"/);
    assert.equal(html.match(/<script nonce="n0nce">/g)?.length, 1);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(html, /https?:\/\//, 'no remote content');
    assert.match(html, /<title>Quiz &lt;1&gt;<\/title>/);
  });

  test('every text is escaped, and no screen uses inline styles or handlers (the policy would block them)', () => {
    const evil: Question = {
      ...choice('<img src=x onerror=alert(1)>'),
      options: ['<b>A</b>', 'B'],
      explanation: '<script>x</script> see https://docs.aws.amazon.com/x.html.',
    };
    const start = startQuiz('<i>t</i>', [evil, typed, ordering, multi]);
    const screens = [start, keys(start, '2').state, keys(start, '2', 'Enter').state, keys(start, 'Escape').state];
    for (const state of screens) {
      const { html } = renderScreen(state, NOW);
      assert.doesNotMatch(html, /<img|<script|<i>|<b>A/);
      assert.doesNotMatch(html, /<[^>]*\s(?:style|on[a-z]+)=/, 'no inline style or handler attribute');
    }
    assert.match(renderScreen(screens[1]!, NOW).html, /&lt;script&gt;x&lt;\/script&gt; see <a href="https:\/\/docs\.aws\.amazon\.com\/x\.html">/);
    assert.equal(renderScreen(screens[2]!).focus, 'answer', 'the typed question takes the keyboard in its field');
  });

  test('when a card comes back, in words', () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    assert.deepEqual(
      [at(0), at(1), at(10), at(90), at(60 * 24), at(60 * 24 * 4)].map((d) => whenDue(d, NOW)),
      ['now', 'in 1 minute', 'in 10 minutes', 'in 2 hours', 'tomorrow', 'in 4 days'],
    );
  });
});
