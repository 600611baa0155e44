import * as vscode from 'vscode';
import { CloseAction, type CloseHandlerResult, ErrorAction, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/**
 * What happens when the language server process dies: it is started again at once, and the user
 * is told once per session (not at every crash) with a way to its log. After five crashes within
 * three minutes something is wrong with this machine or a file: the server stays down and says so.
 */

const WINDOW_MS = 3 * 60_000;
const MAX_CRASHES = 5;

export function restartingErrorHandler(showOutput: () => void, now: () => number = Date.now): ErrorHandler & { readonly crashes: () => number } {
  const crashes: number[] = [];
  let told = false;
  return {
    crashes: () => crashes.length,
    // A message the connection could not read or write: carry on; the close handler decides about the process.
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      const at = now();
      crashes.push(at);
      while (crashes.length > 0 && at - crashes[0]! > WINDOW_MS) crashes.shift();
      if (crashes.length >= MAX_CRASHES) {
        return {
          action: CloseAction.DoNotRestart,
          message: `The AWS Study Hints server stopped ${MAX_CRASHES} times in three minutes and was not restarted. "AWS Study: Show Server Output" shows why; "AWS Study: Restart Language Server" starts it again.`,
        };
      }
      if (!told) {
        told = true;
        void vscode.window
          .showWarningMessage('The AWS Study Hints server stopped unexpectedly and was restarted. Nothing you did was lost.', 'Show Server Output')
          .then((picked) => (picked ? showOutput() : undefined));
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
