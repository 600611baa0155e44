import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, StudyChangedNotification, StudyOverviewRequest, type StudyOverview } from '../../server/src/protocol';

/**
 * The study counts the AWS Study view and the status item show, kept in one place so that both
 * always agree. Asked from the server when it says something changed (an answer was recorded,
 * the notes were re-indexed), when the settings or the server change, and when the next card
 * falls due — cards become due with time alone, without any event.
 */

export interface StudyData extends vscode.Disposable {
  /** The last overview; undefined until the server answered once. */
  readonly overview: StudyOverview | undefined;
  readonly onDidChange: vscode.Event<StudyOverview | undefined>;
  /** Whether to list the notes folders too (only while the view is visible: it lints every note). */
  notesWanted: boolean;
  /** Asks the server now; resolves when the new counts are in. */
  refresh(): Promise<void>;
}

/** Several events often come together (a save re-indexes notes and the view asks too): one request per burst. */
const DEBOUNCE_MS = 250;
/** At the latest, the counts are asked again after an hour (the day changes, new cards are allowed again). */
const MAX_WAIT_MS = 3_600_000;

export function createStudyData(client: () => LanguageClient | undefined): StudyData {
  const changed = new vscode.EventEmitter<StudyOverview | undefined>();
  let overview: StudyOverview | undefined;
  let generation = 0;
  let debounce: NodeJS.Timeout | undefined;
  let nextDueTimer: NodeJS.Timeout | undefined;
  let subscribed: LanguageClient | undefined;
  let notesWanted = false;
  const disposables: vscode.Disposable[] = [changed];

  /** The server's notification handler, once per client (it survives restarts of that client). */
  const subscribe = (current: LanguageClient) => {
    if (subscribed === current) return;
    subscribed = current;
    disposables.push(
      current.onNotification(StudyChangedNotification, () => schedule()),
      current.onDidChangeState((event) => {
        if (event.newState === State.Running) schedule();
      }),
    );
  };

  async function refresh(): Promise<void> {
    const current = client();
    if (!current) return;
    subscribe(current);
    if (!current.isRunning()) return;
    const mine = ++generation;
    let next: StudyOverview;
    try {
      next = await current.sendRequest(StudyOverviewRequest, { notes: notesWanted });
    } catch {
      return; // the server is restarting; its Running state brings the next refresh
    }
    if (mine !== generation) return; // a newer request is on its way
    // Without the notes (the view is hidden), the last notes listing stays until the view asks again.
    overview = next.notesFolders === undefined && overview?.notesFolders ? { ...next, notesFolders: overview.notesFolders } : next;
    planNextDue(next);
    changed.fire(overview);
  }

  function schedule(): void {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      void refresh();
    }, DEBOUNCE_MS);
  }

  /** Refreshes when the next card falls due, or at midnight, or in an hour, whichever comes first. */
  function planNextDue(next: StudyOverview): void {
    if (nextDueTimer) clearTimeout(nextDueTimer);
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
    const due = next.nextDue ? new Date(next.nextDue).getTime() - now.getTime() : Number.POSITIVE_INFINITY;
    const wait = Math.max(1_000, Math.min(MAX_WAIT_MS, midnight + 1_000, due + 1_000));
    nextDueTimer = setTimeout(() => void refresh(), wait);
  }

  disposables.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.quiz`) || event.affectsConfiguration(`${SETTINGS_SECTION}.notes`)) schedule();
    }),
  );

  return {
    get overview() {
      return overview;
    },
    onDidChange: changed.event,
    get notesWanted() {
      return notesWanted;
    },
    set notesWanted(wanted: boolean) {
      notesWanted = wanted;
    },
    refresh,
    dispose() {
      if (debounce) clearTimeout(debounce);
      if (nextDueTimer) clearTimeout(nextDueTimer);
      for (const d of disposables) d.dispose();
    },
  };
}
