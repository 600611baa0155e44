import type { Question } from '../../server/src/protocol/quiz';
import { escapeHtml, webviewHead } from './progressHtml';
import { type Answered, currentQuestion, type QuizState, RATINGS, shapeOf, summarize, summaryText, whenDue } from './quizFlow';
import { QUIZ_SCRIPT } from './quizPanelScript';
import { QUIZ_STYLE } from './quizPanelStyle';

/**
 * The quiz panel's HTML. The page itself is a shell (a strict content security policy: only the
 * nonce-tagged style and script, nothing remote); each screen is rendered here, on the extension
 * side, with every text escaped, and handed to the page's script, which only shows it and sends
 * keys back. Rows carry `data-key`, so a click is the same message as its key.
 */

export function quizShellHtml(nonce: string, title: string): string {
  const n = escapeHtml(nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
${webviewHead({ nonce, title, script: true })}
<style nonce="${n}">${QUIZ_STYLE}</style>
</head>
<body>
<main id="app" tabindex="-1" aria-live="polite"><p class="muted">Loading the quiz…</p></main>
<script nonce="${n}">${QUIZ_SCRIPT}</script>
</body>
</html>`;
}

export interface Rendered {
  readonly html: string;
  /** Which element takes the keyboard: the answer field, or the page. */
  readonly focus: 'answer' | 'page';
}

export function renderScreen(state: QuizState, now = new Date()): Rendered {
  const screen = state.screen;
  const error = state.error ? `<p class="error" role="alert">${escapeHtml(state.error)}</p>` : '';
  if (screen.kind === 'end') {
    return { html: `<header><span class="title">${escapeHtml(state.title)}</span></header>${error}${endHtml(state, screen.cancelled, now)}`, focus: 'page' };
  }
  const question = currentQuestion(state)!;
  const header = headerHtml(state, question);
  const prompt = `<h2 class="prompt">${escapeHtml(question.prompt)}</h2>`;
  if (screen.kind === 'feedback') return { html: `${header}${prompt}${feedbackHtml(state.answers.at(-1)!, state, now)}${error}`, focus: 'page' };
  const hint = screen.hint ? `<p class="hint" role="status">${escapeHtml(screen.hint)}</p>` : '';
  const busy = state.busy ? '<p class="muted">Checking…</p>' : '';
  return {
    html: `${header}${prompt}${answerHtml(question, screen)}${hint}${busy}${error}${questionKeys(question)}`,
    focus: shapeOf(question) === 'typed' ? 'answer' : 'page',
  };
}

function headerHtml(state: QuizState, question: Question): string {
  // Where the question comes from: the learner's own notes or the curated knowledge.
  const origin = question.source.kind === 'user' ? 'from your notes' : 'AWS Study Hints knowledge';
  return `<header><span class="title">${escapeHtml(state.title)}</span><span class="muted">${state.index + 1} of ${state.questions.length} · ${escapeHtml(question.topic)} · ${origin}</span></header>`;
}

function answerHtml(question: Question, screen: Extract<QuizState['screen'], { kind: 'question' }>): string {
  const options = question.options ?? [];
  const row = (i: number, text: string, extra = '') =>
    `<li class="option${screen.cursor === i ? ' cursor' : ''}" data-key="${i + 1}" role="option" aria-selected="${screen.cursor === i}"><kbd>${i + 1}</kbd>${extra}<span>${escapeHtml(text)}</span></li>`;
  switch (shapeOf(question)) {
    case 'typed':
      return `<input id="answer" type="text" autocomplete="off" spellcheck="false" aria-label="Your answer" placeholder="Type the answer, then Enter" value="${escapeHtml(screen.draft ?? '')}">`;
    case 'choice':
      return `<ol class="options" role="listbox">${options.map((o, i) => row(i, o)).join('')}</ol>`;
    case 'multi':
      return `<ol class="options" role="listbox" aria-multiselectable="true">${options
        .map((o, i) => row(i, o, `<span class="tick">${screen.picked.includes(i) ? '☑' : '☐'}</span>`))
        .join('')}</ol>`;
    case 'ordering':
      return `<ol class="options order" role="listbox">${screen.order.map((o, i) => row(i, o)).join('')}</ol>`;
  }
}

function questionKeys(question: Question): string {
  const n = question.options?.length ?? 0;
  const keys: Record<ReturnType<typeof shapeOf>, string> = {
    typed: '<kbd>Enter</kbd> check',
    choice: `<kbd>1</kbd>–<kbd>${n}</kbd> answer${question.type === 'true-false' ? ' (or <kbd>T</kbd>/<kbd>F</kbd>)' : ''} · <kbd>↑</kbd><kbd>↓</kbd> <kbd>Enter</kbd>`,
    multi: `<kbd>1</kbd>–<kbd>${n}</kbd> tick · <kbd>Enter</kbd> check`,
    ordering: '<kbd>↑</kbd><kbd>↓</kbd> pick an item · <kbd>Alt</kbd>+<kbd>↑</kbd><kbd>↓</kbd> move it · <kbd>Enter</kbd> check',
  };
  return `<footer class="keys">${keys[shapeOf(question)]} · <kbd>Esc</kbd> stop (this question is not recorded)</footer>`;
}

function feedbackHtml(answer: Answered, state: QuizState, now: Date): string {
  const { question, result, given } = answer;
  const shape = shapeOf(question);
  const verdict = result.correct
    ? `<p class="verdict right">✓ Right${answer.revised && shape === 'typed' ? ' (your call)' : ''}</p>`
    : `<p class="verdict wrong">✗ Not quite${answer.revised && shape === 'typed' ? ' (your call)' : ''}</p>`;
  const givenText = Array.isArray(given) ? given.join(shape === 'ordering' ? ' → ' : ', ') : String(given);
  const yours = shape === 'choice' && result.correct ? '' : `<p><span class="label">Your answer</span> ${escapeHtml(givenText)}</p>`;
  const expected = `<p><span class="label">Answer</span> <b class="expected">${escapeHtml(result.expected)}</b></p>`;
  const note = result.note ? `<p class="muted">${escapeHtml(result.note)}</p>` : '';
  const override =
    shape === 'typed'
      ? `<p class="choices"><span class="label">Grading</span>${choice('r', 'R', 'I was right', result.correct)}${choice('w', 'W', 'I was wrong', !result.correct)}</p>`
      : '';
  const grades = RATINGS.map((r) => choice(String(r.rating), String(r.rating), r.label, r.rating === result.rating)).join('');
  const chosenBy = answer.revised ? 'your choice' : result.correct ? 'chosen from your time' : 'wrong answers are Again';
  const rating = `<p class="choices"><span class="label">Grade</span>${grades}<span class="muted">${chosenBy} · next review <span title="${escapeHtml(new Date(result.due).toLocaleString())}">${whenDue(result.due, now)}</span></span></p>`;
  const last = state.index + 1 >= state.questions.length;
  // What to do next stays above the fold; the explanation and the source, often long, come after.
  const keys = `<p class="keys"><kbd>Enter</kbd> or <kbd>N</kbd> ${last ? 'see the summary' : 'next question'} · <kbd>1</kbd>–<kbd>4</kbd> grade${shape === 'typed' ? ' · <kbd>R</kbd>/<kbd>W</kbd> I was right/wrong' : ''} · <kbd>O</kbd> open the source · <kbd>Esc</kbd> stop</p>`;
  return `<section class="feedback">${verdict}${yours}${expected}${note}${override}${rating}${keys}<p class="explanation">${linked(question.explanation)}</p>${sourceHtml(question, result.excerpt)}</section>`;
}

function choice(key: string, label: string, text: string, active: boolean): string {
  return `<span class="choice${active ? ' active' : ''}" data-key="${key}" role="button" aria-pressed="${active}"><kbd>${label}</kbd> ${escapeHtml(text)}</span>`;
}

function sourceHtml(question: Question, excerpt: string | undefined): string {
  const origin = question.source.kind === 'user' ? 'From your notes' : 'AWS Study Hints knowledge';
  const file = question.source.file.split(/[\\/]/).pop() ?? question.source.file;
  const where = `${escapeHtml(file)}:${question.source.startLine}`;
  return `<figure class="source"><figcaption>${origin} · <a href="#" data-key="o" title="Opens the source beside the quiz">${where}</a></figcaption>${
    excerpt ? `<pre>${escapeHtml(excerpt)}</pre>` : ''
  }</figure>`;
}

/** Explanations of scenario questions end with a documentation link: make it one. */
function linked(text: string): string {
  return escapeHtml(text).replace(/https:\/\/[^\s<>"']+[^\s<>"'.,;)]/g, (url) => `<a href="${url}">${url}</a>`);
}

function endHtml(state: QuizState, cancelled: boolean, now: Date): string {
  const summary = summarize(state);
  const keys = '<footer class="keys"><kbd>Enter</kbd> or <kbd>Esc</kbd> close</footer>';
  if (summary.answered === 0) {
    const text = state.questions.length === 0 ? 'No questions right now.' : summaryText(summary);
    return `<h2 class="summary">${escapeHtml(text)}</h2>${keys}`;
  }
  const next = summary.nextDue ? ` · next review ${whenDue(summary.nextDue, now)}` : '';
  const headline = `${summary.right} of ${summary.answered} right${next}`;
  const stopped = cancelled
    ? `<p>Quiz stopped. Your ${summary.answered} answer${summary.answered === 1 ? ' is' : 's are'} saved${summary.notAsked > 0 ? `; the ${summary.notAsked} question${summary.notAsked === 1 ? '' : 's'} not answered ${summary.notAsked === 1 ? 'was' : 'were'} not recorded` : ''}.</p>`
    : summary.notAsked > 0
      ? `<p>${summary.notAsked} not asked, not recorded.</p>`
      : '<p class="muted">Every answer is saved. Cards come back when FSRS says you are about to forget them.</p>';
  const rows = state.answers
    .map(
      (a) =>
        `<tr><td class="${a.result.correct ? 'right' : 'wrong'}">${a.result.correct ? '✓' : '✗'}</td><td>${escapeHtml(shorten(a.question.prompt))}</td><td>${RATINGS[a.result.rating - 1]?.label ?? ''}</td><td>${whenDue(a.result.due, now)}</td></tr>`,
    )
    .join('');
  return `<h2 class="summary">${escapeHtml(headline)}</h2>${stopped}<table><tr><th></th><th>Question</th><th>Grade</th><th>Next review</th></tr>${rows}</table>${keys}`;
}

function shorten(text: string): string {
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}
