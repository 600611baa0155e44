import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { questionSourceUri } from './notes';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS,
  QuizAnswerRequest,
  QuizProgressRequest,
  QuizSessionRequest,
  SETTINGS_SECTION,
  type Question,
  type QuizSessionParams,
} from '../../server/src/protocol';
import { progressHtml } from './progressHtml';
import { summaryText } from './quizFlow';
import { showQuizPanel } from './quizPanel';

/**
 * The quiz commands. The server plans each session (due cards first, then new ones within the
 * daily limit), grades answers and keeps the FSRS schedule in the file this extension names (its
 * global storage); this side only shows questions and sends the answers back — in the quiz panel
 * (quizPanel.ts), or in QuickPicks and input boxes when `awsStudyHints.quiz.interface` is
 * "quickPick".
 */

/** Which interface asks the questions; anything but "quickPick" (absent included) is the panel. */
export function quizInterface(): 'panel' | 'quickPick' {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('quiz.interface') === 'quickPick' ? 'quickPick' : 'panel';
}

const TOPICS = [
  'IAM',
  'STS',
  'Organizations',
  'KMS',
  'S3',
  'EC2',
  'VPC',
  'ELB',
  'RDS',
  'DynamoDB',
  'ElastiCache',
  'Lambda',
  'API Gateway',
  'SQS',
  'SNS',
  'Kinesis',
  'ECS',
  'CloudFormation',
  'CodeBuild',
  'CodeDeploy',
  'CodePipeline',
  'Elastic Beanstalk',
  'CloudWatch',
  'X-Ray',
  'CloudTrail',
  'Cognito',
  'Route 53',
  'CloudFront',
  'Secrets Manager',
];

/** Where the study progress is kept: the extension's global storage, handed to the server at start. */
export function quizStoreFile(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'study-cards.json');
}

export function registerQuiz(client: () => LanguageClient | undefined, context: vscode.ExtensionContext): vscode.Disposable[] {
  const session = async (params: QuizSessionParams, title: string): Promise<void> => {
    const current = client();
    if (!current) return;
    const planned = await current.sendRequest(QuizSessionRequest, params);
    if (planned.questions.length === 0) return void vscode.window.showInformationMessage(planned.message ?? 'No questions right now.');
    if (quizInterface() === 'panel') return void showQuizPanel(current, planned.questions, title);
    await runSession(current, planned.questions, title);
  };

  return [
    vscode.commands.registerCommand(COMMANDS.startQuiz, async () => {
      const topic = await chooseTopic();
      if (topic === undefined) return;
      const count = await chooseCount();
      if (!count) return;
      await session({ mode: 'topic', topic: topic || undefined, count }, `Quiz${topic ? ` · ${topic}` : ''}`);
    }),
    vscode.commands.registerCommand(COMMANDS.quizFile, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return void vscode.window.showInformationMessage('Open a note, a policy, a buildspec or an AppSpec first.');
      await session({ mode: 'file', uri: editor.document.uri.toString(), count: 10 }, `Quiz · ${path.basename(editor.document.fileName)}`);
    }),
    vscode.commands.registerCommand(COMMANDS.reviewDue, () => session({ mode: 'due' }, 'Review due cards')),
    vscode.commands.registerCommand(COMMANDS.showProgress, () => showProgress(client(), context)),
  ];
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
  const picked = await vscode.window.showQuickPick(
    ['5', '10', '20'].map((label) => ({ label, description: 'questions' })),
    { title: 'How many questions?' },
  );
  return picked ? Number(picked.label) : undefined;
}

async function runSession(client: LanguageClient, questions: readonly Question[], title: string): Promise<void> {
  let right = 0;
  let answered = 0;
  for (const [index, question] of questions.entries()) {
    const started = Date.now();
    // Say where the question comes from: the learner's own notes or the curated knowledge.
    const origin = question.source.kind === 'user' ? 'from your notes' : question.source.kind === 'file' ? 'about this file' : 'AWS Study Hints knowledge';
    const answer = await ask(question, `${title} · ${index + 1}/${questions.length} · ${question.topic} · ${origin}`);
    if (answer === undefined) break;
    // The server grades, schedules and saves before it answers: a closed window never loses progress.
    const result = await client.sendRequest(QuizAnswerRequest, { question, answer, seconds: (Date.now() - started) / 1000 });
    if (result.saveError) void vscode.window.showWarningMessage(result.saveError);
    answered++;
    if (result.correct) right++;
    const next = await feedback(question, result.correct, result.expected, result.due, result.note);
    if (next === 'stop') break;
  }
  // Cancelling records nothing: say so rather than score questions never answered.
  void vscode.window.showInformationMessage(summaryText({ right, answered, notAsked: questions.length - answered }));
}

/** Options as rows: a short label, the whole text underneath when it is long. */
function optionItems(options: readonly string[]): (vscode.QuickPickItem & { value: string })[] {
  return options.map((value, i) =>
    value.length > 70 ? { label: `${i + 1}. ${value.slice(0, 66)}…`, detail: value, value } : { label: `${i + 1}. ${value}`, value },
  );
}

async function pickOne(title: string, prompt: string, options: readonly string[], placeHolder: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(optionItems(options), {
    title,
    placeHolder: prompt.length <= 80 ? prompt : placeHolder,
    ignoreFocusOut: true,
    matchOnDetail: true,
  });
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
    const picked = await vscode.window.showQuickPick(optionItems(question.options), {
      title,
      placeHolder: question.prompt.length <= 80 ? question.prompt : 'Select with Space, confirm with Enter',
      canPickMany: true,
      ignoreFocusOut: true,
    });
    return picked?.map((p) => p.value);
  }
  if (question.type === 'ordering') {
    const remaining = [...question.options];
    const order: string[] = [];
    while (remaining.length > 0) {
      const picked = await pickOne(
        title,
        `Pick #${order.length + 1}${order.length > 0 ? ` (so far: ${order.join(' → ')})` : ''}`,
        remaining,
        'Pick the next one',
      );
      if (!picked) return undefined;
      order.push(picked);
      remaining.splice(remaining.indexOf(picked), 1);
    }
    return order;
  }
  return pickOne(title, question.prompt, question.options, 'Choose the answer and press Enter');
}

async function feedback(question: Question, correct: boolean, expected: string, due: string, note: string | undefined): Promise<'next' | 'stop'> {
  const when = new Date(due).toLocaleString();
  const items: (vscode.QuickPickItem & { action: string })[] = [
    // A typed answer counted right though not word for word says so ("Counted right: the key is …").
    { label: '$(arrow-right) Next question', detail: note ? `${note} ${question.explanation}` : question.explanation, action: 'next' },
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
    await vscode.window.showTextDocument(questionSourceUri(question.source), {
      selection: new vscode.Range(position, position),
      preview: true,
      preserveFocus: false,
    });
    return 'stop';
  }
  return picked.action === 'stop' ? 'stop' : 'next';
}

let panel: vscode.WebviewPanel | undefined;

async function showProgress(client: LanguageClient | undefined, context: vscode.ExtensionContext): Promise<void> {
  if (!client) return;
  const progress = await client.sendRequest(QuizProgressRequest);
  panel ??= vscode.window.createWebviewPanel('awsStudyHints.progress', 'Study progress', vscode.ViewColumn.Active, {
    enableScripts: false,
    localResourceRoots: [],
  });
  panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
  const nonce = crypto.randomBytes(16).toString('base64');
  panel.webview.html = progressHtml(progress, nonce, panel.webview.cspSource);
  panel.reveal();
}
