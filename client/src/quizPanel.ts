import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { questionSourceUri } from './notes';
import type { LanguageClient, RequestType } from 'vscode-languageclient/node';
import { QuizAnswerRequest, QuizReviseRequest, type Question } from '../../server/src/protocol';
import { answered, type Effect, failed, type KeyPress, press, type QuizState, revised, startQuiz, summarize, summaryText } from './quizFlow';
import { quizShellHtml, renderScreen } from './quizPanelHtml';

/**
 * The quiz in a webview panel: the question stays on screen, answers take one key, and the
 * feedback shows the answer, the explanation and the source. The flow is quizFlow.ts; this module
 * shows its state and runs its effects. The server grades, schedules and saves before it replies,
 * so closing the panel at any moment loses nothing that was answered and records nothing else.
 */

export const QUIZ_VIEW_TYPE = 'awsStudyHints.quiz';

/** What the page sends: it is ready (again, after being hidden), it showed a screen, a key. */
type FromPage = { type: 'ready' } | { type: 'rendered'; text: string } | ({ type: 'key' } & KeyPress);

let current: QuizPanel | undefined;

/** Starts a quiz in the panel; a quiz already open there ends first (its unanswered questions are not recorded). */
export function showQuizPanel(client: LanguageClient, questions: readonly Question[], title: string): QuizPanel {
  current?.dispose();
  current = new QuizPanel(client, questions, title);
  return current;
}

export class QuizPanel implements vscode.Disposable {
  private state: QuizState;
  private readonly panel: vscode.WebviewPanel;
  private ready = false;
  private disposed = false;
  /** When the current question was first shown: the time taken picks the grade of a right answer. */
  private shownAt = Date.now();
  private shownIndex = -1;
  /** The text the page last reported showing (what the learner sees, as the tests read it). */
  private shownText = '';
  private readonly ended = new vscode.EventEmitter<QuizState>();
  /** Fires once, when the panel closes, with the last state. */
  readonly onDidClose = this.ended.event;

  constructor(
    private readonly client: LanguageClient,
    questions: readonly Question[],
    title: string,
  ) {
    this.state = startQuiz(title, questions);
    this.panel = vscode.window.createWebviewPanel(
      QUIZ_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      {
        enableScripts: true,
        localResourceRoots: [],
        enableFindWidget: false,
      },
    );
    this.panel.webview.html = quizShellHtml(crypto.randomBytes(16).toString('base64'), title);
    this.panel.webview.onDidReceiveMessage((message: FromPage) => void this.receive(message));
    this.panel.onDidDispose(() => this.closed());
  }

  /** The flow's state and what the page shows, for the in-editor tests. */
  get snapshot(): { readonly state: QuizState; readonly shown: string } {
    return { state: this.state, shown: this.shownText };
  }

  /** A message from the page. Resolves once its effect is done (the server has replied). */
  async receive(message: FromPage): Promise<void> {
    if (this.disposed) return;
    if (message.type === 'ready') {
      // The page loads again whenever the panel was hidden: show it the current screen.
      this.ready = true;
      return this.render();
    }
    if (message.type === 'rendered') {
      this.shownText = String(message.text ?? '');
      if (this.state.screen.kind === 'question' && this.shownIndex !== this.state.index) {
        this.shownIndex = this.state.index;
        this.shownAt = Date.now();
      }
      return;
    }
    if (message.type !== 'key' || typeof message.key !== 'string') return;
    const step = press(this.state, { key: message.key, alt: message.alt === true, value: typeof message.value === 'string' ? message.value : undefined });
    this.update(step.state);
    if (step.effect) await this.run(step.effect);
  }

  dispose(): void {
    this.panel.dispose();
  }

  private async run(effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'close':
        return this.dispose();
      case 'open': {
        const position = new vscode.Position(Math.max(0, effect.source.startLine - 1), 0);
        // Beside the quiz, keeping the keyboard in it: read the source, then go on with Enter.
        await vscode.window.showTextDocument(questionSourceUri(effect.source), {
          viewColumn: vscode.ViewColumn.Beside,
          selection: new vscode.Range(position, position),
          preview: true,
          preserveFocus: true,
        });
        return;
      }
      case 'answer': {
        const seconds = (Date.now() - this.shownAt) / 1000;
        try {
          // The server grades, schedules and saves before it replies: a closed window never loses progress.
          const result = await request(this.client, QuizAnswerRequest, { question: effect.question, answer: effect.answer, seconds });
          if (result.saveError) void vscode.window.showWarningMessage(result.saveError);
          this.update(answered(this.state, effect.answer, result));
        } catch (error) {
          this.update(failed(this.state, `The answer could not be sent: ${messageOf(error)}. Try again, or press Escape.`));
        }
        return;
      }
      case 'revise': {
        try {
          const result = await request(this.client, QuizReviseRequest, { questionId: effect.question.id, correct: effect.correct, rating: effect.rating });
          this.update(revised(this.state, result));
        } catch (error) {
          this.update(failed(this.state, `The grade could not be changed: ${messageOf(error)}.`));
        }
        return;
      }
    }
  }

  private update(state: QuizState): void {
    if (state === this.state) return;
    this.state = state;
    void this.render();
  }

  private async render(): Promise<void> {
    if (!this.ready || this.disposed) return;
    const rendered = renderScreen(this.state);
    await this.panel.webview.postMessage({ type: 'render', screen: this.state.screen.kind, ...rendered });
  }

  private closed(): void {
    this.disposed = true;
    if (current === this) current = undefined;
    // Closed before the end: say what was kept, as the QuickPick quiz does.
    if (this.state.screen.kind !== 'end' && this.state.questions.length > 0) void vscode.window.showInformationMessage(summaryText(summarize(this.state)));
    this.ended.fire(this.state);
    this.ended.dispose();
  }
}

/**
 * A request by its method name: the client checks request objects by identity, and those of
 * another bundle of the protocol (the in-editor tests make panels of their own) are not its own.
 */
function request<P, R>(client: LanguageClient, type: RequestType<P, R, void>, params: P): Promise<R> {
  return client.sendRequest<R>(type.method, params);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
