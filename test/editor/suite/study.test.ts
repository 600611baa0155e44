/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { StudyNode } from '../../../client/src/studyView';
import type { Question } from '../../../server/src/protocol';
import { EXTENSION_ID, until } from './helpers';

/**
 * The AWS Study view, the "n due" status item and the Get Started walkthrough inside a real
 * VS Code: the rows are read from the view's data provider as VS Code reads them, the cards come
 * from a progress file the server loads at start, answers go through the server.
 */

const DAY = 86_400_000;

/** A card as the store saves it (ts-fsrs fields, dates as ISO strings). */
function card(id: string, topic: string, dueInDays: number, history: boolean[]): unknown {
  const now = Date.now();
  const question: Question = {
    id,
    type: 'true-false',
    topic,
    prompt: `True or false: statement ${id}`,
    options: ['True', 'False'],
    answer: 'True',
    explanation: 'Because.',
    source: { file: '/notes/s3.md', startLine: 3, endLine: 3, kind: 'user' },
  };
  return {
    card: {
      due: new Date(now + dueInDays * DAY).toISOString(),
      stability: 3,
      difficulty: 5,
      elapsed_days: 1,
      scheduled_days: 3,
      learning_steps: 0,
      reps: history.length,
      lapses: history.filter((c) => !c).length,
      state: 2,
      last_review: new Date(now - 3 * DAY).toISOString(),
    },
    question,
    created: new Date(now - 10 * DAY).toISOString(),
    history: history.map((correct, i) => ({ at: new Date(now - (10 - i) * DAY).toISOString(), rating: correct ? 3 : 1, correct })),
  };
}

async function rows(api: ExtensionApi, parent?: StudyNode): Promise<{ node: StudyNode; item: vscode.TreeItem }[]> {
  const provider = api.studyTree();
  const children = await provider.getChildren(parent);
  return (children ?? []).map((node) => ({ node, item: provider.getTreeItem(node) as vscode.TreeItem }));
}

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

async function row(api: ExtensionApi, label: string, parent?: StudyNode) {
  return (await rows(api, parent)).find((r) => labelOf(r.item) === label);
}

describe('the AWS Study view, the due status item and the walkthrough', () => {
  let api: ExtensionApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  it('hides the status item while nothing is due', async () => {
    await api.refreshStudy();
    assert.equal(api.studyStatusText(), undefined);
  });

  it('shows the cards of the progress file: due today, topics per service, "1 due" in the status bar', async function () {
    this.timeout(120_000);
    const file = api.quizStoreFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const cards = {
      overdue: card('overdue', 'Simple Storage Service (S3)', -1, [true, false]),
      later: card('later', 'Amazon S3', 3, [true, true]),
    };
    fs.writeFileSync(file, JSON.stringify({ format: 1, cards }));
    // The server reads the file when it starts.
    await vscode.commands.executeCommand('awsStudyHints.restartServer');
    const status = await until('"1 due" in the status bar', async () => {
      await api.refreshStudy();
      return api.studyStatusText();
    });
    assert.equal(status, '$(mortar-board) 1 due');

    const top = await rows(api);
    assert.deepEqual(
      top.map((r) => labelOf(r.item)),
      ['Due today', 'New today', 'Start Quiz', 'Review Due Cards', 'Show Study Progress', 'Topics', 'Notes folders'],
    );
    const [due, fresh, start, review, progress] = top.map((r) => r.item);
    assert.equal(due!.description, '1');
    assert.equal(due!.command?.command, 'awsStudyHints.reviewDue');
    assert.equal(fresh!.description, '0 of 20');
    assert.equal(start!.command?.command, 'awsStudyHints.startQuiz');
    assert.equal(review!.command?.command, 'awsStudyHints.reviewDue');
    assert.equal(review!.description, '1 due');
    assert.equal(progress!.command?.command, 'awsStudyHints.showProgress');
    // "Simple Storage Service (S3)" and "Amazon S3" are one service.
    const topics = await rows(api, top[5]!.node);
    assert.deepEqual(
      topics.map((r) => [labelOf(r.item), r.item.description]),
      [['Amazon S3', '75% · 2 cards']],
    );
  });

  it('counts an answer at once: the view shows the new card and its service', async () => {
    const client = api.client()!;
    // By method name: the suite bundles its own copy of the protocol types.
    const session = await client.sendRequest<{ questions: Question[] }>('awsStudyHints/quizSession', { mode: 'topic', topic: 'SQS', count: 10, seed: 5 });
    // A question of an SQS chapter (the session also asks e.g. "Kinesis vs SQS", which counts under Kinesis).
    const question = session.questions.find((q) => /^(amazon )?sqs$/i.test(q.topic));
    assert.ok(question, session.questions.map((q) => q.topic).join(', '));
    await client.sendRequest('awsStudyHints/quizAnswer', { question, answer: 'certainly not the answer', seconds: 4 });
    // No refresh asked for: the server's notification brings the new counts.
    const sqs = await until('the SQS topic in the view', async () => {
      const topics = await row(api, 'Topics');
      if (!topics) return undefined;
      return (await rows(api, topics.node)).find((r) => labelOf(r.item) === 'Amazon SQS');
    });
    assert.equal(sqs.item.description, '0% · 1 card');
    assert.equal((await row(api, 'New today'))!.item.description, '1 of 20');
    assert.equal(api.studyStatusText(), '$(mortar-board) 1 due', 'the wrong answer is due again in a minute, not now');
  });

  it('lists the notes folders with files and lint findings; a click opens the first finding', async () => {
    await vscode.commands.executeCommand('awsStudyHints.study.focus');
    const folder = await until('the notes folder with its finding', async () => {
      const folders = await row(api, 'Notes folders');
      if (!folders) return undefined;
      const found = (await rows(api, folders.node)).find((r) => labelOf(r.item) === 'notes');
      // queues.md holds a wrong fact; roles.md (the search tests' note) holds none.
      return found && found.item.description === '2 files · 1 finding' ? found : undefined;
    });
    const files = await rows(api, folder.node);
    assert.deepEqual(
      files.map((r) => [labelOf(r.item), r.item.description]),
      [['queues.md', '1 finding']],
    );
    assert.match(String(files[0]!.item.tooltip), /^Line 4: .*14 days/);
    const command = folder.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await until('queues.md at its finding', () => {
      const active = vscode.window.activeTextEditor;
      return active && path.basename(active.document.fileName) === 'queues.md' ? active : undefined;
    });
    assert.equal(editor.selection.active.line, 3);
  });

  it('the walkthrough opens an unsaved copy of the example policy, with its problems', async () => {
    const walkthroughs = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.walkthroughs as { steps: { completionEvents: string[] }[] }[];
    assert.equal(walkthroughs[0]!.steps.length, 4);
    for (const step of walkthroughs[0]!.steps) assert.ok(step.completionEvents.length > 0);
    await vscode.commands.executeCommand('awsStudyHints.openExamplePolicy');
    const editor = await until('the example policy', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled && active.document.getText().includes('dyanmodb') ? active : undefined;
    });
    assert.equal(editor.document.languageId, 'json');
    const codes = await until('its problems', () => {
      const found = vscode.languages.getDiagnostics(editor.document.uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
      return found.length >= 6 ? found : undefined;
    });
    for (const code of ['IAM011', 'IAM022', 'IAM031', 'IAM041', 'IAM042', 'IAM071']) assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
