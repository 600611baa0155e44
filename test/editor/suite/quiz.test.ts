import * as path from 'node:path';
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import { QUIZ_VIEW_TYPE, type QuizPanel, showQuizPanel } from '../../../client/src/quizPanel';
import { type Question, type QuizSession, QuizSessionRequest } from '../../../server/src/protocol';
import { EXTENSION_ID, until } from './helpers';

/**
 * The quiz panel in a real VS Code, against the extension's own language server and study store.
 * The page's text is what the page reports showing after each screen; keys go in where the page
 * sends them (QuizPanel.receive), since the extension host cannot type into a webview — the UI
 * checks (scripts/editor/ui-checks.mjs) press real keys in the browser.
 */

type Saved = Record<string, { history: { rating: number; correct: boolean }[] }>;

function savedCards(api: ExtensionApi): Saved {
  const file = api.quizStoreFile();
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { cards: Saved }).cards : {};
}

function quizTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes(QUIZ_VIEW_TYPE));
}

describe('the quiz panel in VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
  });

  afterEach(async () => {
    for (const tab of quizTabs()) await vscode.window.tabGroups.close(tab);
  });

  it('"Quiz Me on This File" opens the panel by default; closing it records nothing', async () => {
    const before = Object.keys(savedCards(api)).length;
    // A policy: questions about the services of its actions (DynamoDB).
    const policy = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'clean.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(policy));
    await vscode.commands.executeCommand('awsStudyHints.quizFile');
    const tab = await until('the quiz panel tab', () => quizTabs()[0]);
    assert.equal(tab.label, 'Quiz · clean.json');
    await vscode.window.tabGroups.close(tab);
    await until('the panel closed', () => quizTabs().length === 0 || undefined);
    assert.equal(Object.keys(savedCards(api)).length, before, 'no question was answered, so no card was saved');
  });

  it('shows the question, answers it with a number key, shows the feedback and saves the answer; Escape records nothing more', async () => {
    const client = api.client()!;
    const session = await client.sendRequest<QuizSession>(QuizSessionRequest.method, { mode: 'topic', topic: 'SQS', count: 20, seed: 5 });
    // Two single-choice questions: the number of the right option answers the first at once.
    const questions = session.questions.filter((q) => q.options && q.type !== 'multi-select' && q.type !== 'ordering').slice(0, 2) as Question[];
    assert.equal(questions.length, 2, 'two choice questions about SQS');
    const [first, second] = questions as [Question, Question];
    assert.equal(savedCards(api)[first.id], undefined, 'a new card');

    const panel: QuizPanel = showQuizPanel(client, questions, 'Quiz · SQS');
    let closed = false;
    panel.onDidClose(() => {
      closed = true;
    });
    const shows = (what: string, text: string) => until(what, () => panel.snapshot.shown.includes(text) || undefined);
    await shows('the first question on the page', first.prompt);
    assert.match(panel.snapshot.shown, /1 of 2/);
    for (const option of first.options!) assert.ok(panel.snapshot.shown.includes(option), `option "${option}" shown`);

    const number = first.options!.indexOf(first.answer as string) + 1;
    await panel.receive({ type: 'key', key: String(number) });
    await shows('the feedback', '✓ Right');
    assert.ok(panel.snapshot.shown.includes(first.explanation.split('\n')[0]!), 'the explanation');
    assert.match(panel.snapshot.shown, /Next question|next question/);
    assert.match(panel.snapshot.shown, /next review/);
    assert.match(panel.snapshot.shown, /AWS Study Hints knowledge ·/);

    // Saved before the reply came: the card is in the store the extension named.
    const card = savedCards(api)[first.id];
    assert.ok(card, 'the answer is in the study store');
    assert.equal(card.history.length, 1);
    assert.equal(card.history[0]!.correct, true);

    // O opens the source beside the quiz: a bundled note as the extension's read-only document, not its file.
    await panel.receive({ type: 'key', key: 'o' });
    const note = path.basename(first.source.file);
    const beside = await until('the source open beside the quiz', () =>
      vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.path.endsWith(`/knowledge/notes/${note}`) && e.selection.active.line === first.source.startLine - 1,
      ),
    );
    assert.equal(beside.document.uri.scheme, 'aws-study-hints');

    // Another grade with 1–4 replaces the automatic one, saved at once.
    await panel.receive({ type: 'key', key: '1' });
    await until('the grade Again saved', () => savedCards(api)[first.id]?.history[0]?.rating === 1 || undefined);
    assert.equal(savedCards(api)[first.id]!.history.length, 1, 'a revision, not a second answer');

    await panel.receive({ type: 'key', key: 'Enter' });
    await shows('the second question', second.prompt);
    assert.match(panel.snapshot.shown, /2 of 2/);
    await panel.receive({ type: 'key', key: 'Escape' });
    await shows('the page saying what was kept', 'Your 1 answer is saved; the 1 question not answered was not recorded');
    assert.equal(savedCards(api)[second.id], undefined, 'the question left unanswered is not recorded');

    await panel.receive({ type: 'key', key: 'Enter' });
    await until('the panel closed', () => closed || undefined);
    await until('its tab gone', () => quizTabs().length === 0 || undefined);
  });
});
