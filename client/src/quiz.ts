import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, QuizQuestionsRequest, SETTINGS_SECTION, type Question } from '../../server/src/protocol';
import { isCorrect } from '../../server/src/service/quiz/answers';
import { studyProgress } from '../../server/src/service/quiz/progress';
import { progressHtml } from '../../server/src/service/quiz/progressHtml';
import { CardStore } from '../../server/src/service/quiz/store';

/**
 * The quiz in the command palette: questions come from the server, answers happen in
 * QuickPicks and input boxes (keyboard only), and the FSRS schedule is kept in the
 * extension's global storage, saved after every answer.
 */

const TOPICS = ['IAM', 'STS', 'Organizations', 'KMS', 'S3', 'EC2', 'VPC', 'ELB', 'RDS', 'DynamoDB', 'ElastiCache', 'Lambda', 'API Gateway',
  'SQS', 'SNS', 'Kinesis', 'ECS', 'CloudFormation', 'CodeBuild', 'CodeDeploy', 'CodePipeline', 'Elastic Beanstalk', 'CloudWatch', 'X-Ray',
  'CloudTrail', 'Cognito', 'Route 53', 'CloudFront', 'Secrets Manager'];

export interface QuizApi {
  readonly storeFile: string;
}

export function registerQuiz(client: () => LanguageClient | undefined, context: vscode.ExtensionContext): { disposables: vscode.Disposable[]; api: QuizApi } {
  const storeFile = path.join(context.globalStorageUri.fsPath, 'study-cards.json');
  let store: CardStore | undefined;
  const cards = (): CardStore => {
    if (!store) {
      const opened = CardStore.open(storeFile);
      store = opened.store;
      if (opened.report.problem) void vscode.window.showWarningMessage(opened.report.problem);
    }
    return store;
  };
  const request = async (params: { topic?: string; count?: number; uri?: string }): Promise<Question[]> => {
    const current = client();
    if (!current) return [];
    return current.sendRequest(QuizQuestionsRequest, { ...params, seed: Math.floor(Math.random() * 2_147_483_647) });
  };

  const disposables = [
    vscode.commands.registerCommand(COMMANDS.startQuiz, async () => {
      const topic = await chooseTopic();
      if (topic === undefined) return;
      const count = await chooseCount();
      if (!count) return;
      const fresh = await request({ topic: topic || undefined, count: count * 3 });
      await runSession(cards(), plan(cards(), fresh, count, topic), `Quiz${topic ? ` · ${topic}` : ''}`);
    }),
    vscode.commands.registerCommand(COMMANDS.quizFile, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return void vscode.window.showInformationMessage('Open a note, a policy, a buildspec or an AppSpec first.');
      const topics = topicsOf(editor.document);
      const fresh = topics.length > 0
        ? (await Promise.all(topics.slice(0, 4).map((topic) => request({ topic, count: 6 })))).flat()
        : await request({ uri: editor.document.uri.toString(), count: 15 });
      if (fresh.length === 0) return void vscode.window.showInformationMessage('No questions could be made from this file.');
      await runSession(cards(), plan(cards(), fresh, 10), `Quiz · ${path.basename(editor.document.fileName)}`);
    }),
    vscode.commands.registerCommand(COMMANDS.reviewDue, async () => {
      const due = cards().due().map((r) => r.question);
      if (due.length === 0) return void vscode.window.showInformationMessage('No cards are due. Start a quiz to learn new ones.');
      await runSession(cards(), due, 'Review due cards');
    }),
    vscode.commands.registerCommand(COMMANDS.showProgress, () => showProgress(cards(), context)),
  ];
  return { disposables, api: { storeFile } };
}

/** Due cards first (of the topic), then new questions up to the daily limit for new cards. */
function plan(store: CardStore, fresh: readonly Question[], count: number, topic?: string): Question[] {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const newPerDay = configuration.get<number>('quiz.newCardsPerDay') ?? 20;
  const matches = (q: Question) => !topic || `${q.topic} ${q.prompt}`.toLowerCase().includes(topic.toLowerCase());
  const due = store.due().map((r) => r.question).filter(matches);
  const allowedNew = Math.max(0, newPerDay - store.newToday());
  const unseen = fresh.filter((q) => !store.get(q.id)).slice(0, allowedNew);
  const session = [...due, ...unseen].slice(0, count);
  if (session.length === 0 && allowedNew === 0) void vscode.window.showInformationMessage(`You have started ${newPerDay} new cards today (awsStudyHints.quiz.newCardsPerDay) and nothing is due.`);
  return session;
}

async function chooseTopic(): Promise<string | undefined> {
  const items: vscode.QuickPickItem[] = [{ label: 'All topics' }, ...TOPICS.map((label) => ({ label })), { label: 'Other topic…' }];
  const picked = await vscode.window.showQuickPick(items, { title: 'AWS Study: Start Quiz', placeHolder: 'Choose a topic' });
  if (!picked) return undefined;
  if (picked.label === 'All topics') return '';
  if (picked.label === 'Other topic…') return vscode.window.showInputBox({ title: 'Quiz topic', prompt: 'A service or subject, e.g. "visibility timeout"' });
  return picked.label;
}

async function chooseCount(): Promise<number | undefined> {
  const picked = await vscode.window.showQuickPick(['5', '10', '20'].map((label) => ({ label, description: 'questions' })), { title: 'How many questions?' });
  return picked ? Number(picked.label) : undefined;
}

/** The services a policy, buildspec or AppSpec is about, as quiz topics; none for notes (quizzed by file). */
function topicsOf(document: vscode.TextDocument): string[] {
  const name = path.basename(document.fileName).toLowerCase();
  if (/^buildspec.*\.ya?ml$/.test(name)) return ['codebuild'];
  if (/^appspec\.(ya?ml|json)$/.test(name)) return ['codedeploy'];
  if (document.languageId === 'json' || document.languageId === 'jsonc') {
    const prefixes = new Set([...document.getText().matchAll(/"([a-z0-9-]+):[A-Za-z*?]+"/g)].map((m) => m[1]!).filter((p) => p !== 'aws' && p !== 'arn'));
    return prefixes.size > 0 ? [...prefixes] : ['iam'];
  }
  return [];
}

async function runSession(store: CardStore, questions: readonly Question[], title: string): Promise<void> {
  if (questions.length === 0) return void vscode.window.showInformationMessage('No questions right now: nothing is due and no new questions matched.');
  let right = 0;
  for (const [index, question] of questions.entries()) {
    const started = Date.now();
    const answer = await ask(question, `${title} · ${index + 1}/${questions.length} · ${question.topic}`);
    if (answer === undefined) break;
    const correct = isCorrect(question, answer);
    if (correct) right++;
    const record = store.answer(question, correct, (Date.now() - started) / 1000);
    store.save(); // after every answer: a closed window never loses progress
    const next = await feedback(question, correct, record.card.due);
    if (next === 'stop') break;
  }
  void vscode.window.showInformationMessage(`${right} of ${questions.length} right. Due cards come back when FSRS says you are about to forget them.`);
}

/** Options as rows: a short label, the whole text underneath when it is long. */
function optionItems(options: readonly string[]): (vscode.QuickPickItem & { value: string })[] {
  return options.map((value, i) => (value.length > 70
    ? { label: `${i + 1}. ${value.slice(0, 66)}…`, detail: value, value }
    : { label: `${i + 1}. ${value}`, value }));
}

async function pickOne(title: string, prompt: string, options: readonly string[], placeHolder: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(optionItems(options), { title, placeHolder: prompt.length <= 80 ? prompt : placeHolder, ignoreFocusOut: true, matchOnDetail: true });
  return picked?.value;
}

/** A long question is shown whole first (a dialog wraps text; a QuickPick does not), then answered. */
async function readQuestion(question: Question, title: string): Promise<boolean> {
  if (question.prompt.length <= 80) return true;
  const detail = question.options && question.type !== 'ordering' ? question.options.map((o, i) => `${i + 1}. ${o}`).join('\n') : undefined;
  return (await vscode.window.showInformationMessage(`${title}\n\n${question.prompt}`, { modal: true, detail }, 'Answer')) === 'Answer';
}

async function ask(question: Question, title: string): Promise<string | string[] | undefined> {
  if (question.options && !(await readQuestion(question, title))) return undefined;
  if (!question.options) {
    return vscode.window.showInputBox({ title, prompt: question.prompt, placeHolder: 'Type the answer and press Enter', ignoreFocusOut: true });
  }
  if (question.type === 'multi-select') {
    const picked = await vscode.window.showQuickPick(optionItems(question.options), { title, placeHolder: question.prompt.length <= 80 ? question.prompt : 'Select with Space, confirm with Enter', canPickMany: true, ignoreFocusOut: true });
    return picked?.map((p) => p.value);
  }
  if (question.type === 'ordering') {
    const remaining = [...question.options];
    const order: string[] = [];
    while (remaining.length > 0) {
      const picked = await pickOne(title, `Pick #${order.length + 1}${order.length > 0 ? ` (so far: ${order.join(' → ')})` : ''}`, remaining, 'Pick the next one');
      if (!picked) return undefined;
      order.push(picked);
      remaining.splice(remaining.indexOf(picked), 1);
    }
    return order;
  }
  return pickOne(title, question.prompt, question.options, 'Choose the answer and press Enter');
}

async function feedback(question: Question, correct: boolean, due: Date | string): Promise<'next' | 'stop'> {
  const expected = Array.isArray(question.answer) ? question.answer.join(question.type === 'ordering' ? ' → ' : ', ') : (question.answer as string);
  const when = new Date(due).toLocaleString();
  const items: (vscode.QuickPickItem & { action: string })[] = [
    { label: '$(arrow-right) Next question', detail: question.explanation, action: 'next' },
    { label: '$(go-to-file) Open the source', description: `${path.basename(question.source.file)}:${question.source.startLine}`, action: 'open' },
    { label: '$(close) Stop the quiz', action: 'stop' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: correct ? `✓ Right — next review ${when}` : `✗ Not quite: ${expected}`,
    placeHolder: correct ? 'Right.' : `The answer is: ${expected}`,
    ignoreFocusOut: true,
  });
  if (!picked) return 'stop';
  if (picked.action === 'open') {
    const position = new vscode.Position(Math.max(0, question.source.startLine - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.file(question.source.file), { selection: new vscode.Range(position, position), preview: true, preserveFocus: false });
    return 'stop';
  }
  return picked.action === 'stop' ? 'stop' : 'next';
}

let panel: vscode.WebviewPanel | undefined;

function showProgress(store: CardStore, context: vscode.ExtensionContext): void {
  panel ??= vscode.window.createWebviewPanel('awsStudyHints.progress', 'Study progress', vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
  panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
  const nonce = crypto.randomBytes(16).toString('base64');
  panel.webview.html = progressHtml(studyProgress(store.all()), nonce, panel.webview.cspSource);
  panel.reveal();
}
