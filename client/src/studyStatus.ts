import * as vscode from 'vscode';
import { COMMANDS } from '../../server/src/protocol';
import type { StudyData } from './studyData';

/**
 * "$(mortar-board) 12 due" in the status bar; a click reviews those cards. It counts the cards
 * due now — exactly what Review Due Cards asks — and hides at zero: the extension starts in any
 * workspace with JSON or YAML, and a permanent "0 due" would take status-bar room where nobody
 * studies. The AWS Study view shows the zero.
 */

export interface StudyStatus extends vscode.Disposable {
  /** The text shown, or undefined while the item is hidden. */
  text(): string | undefined;
}

export function createStudyStatus(data: StudyData): StudyStatus {
  const item = vscode.window.createStatusBarItem('awsStudyHints.due', vscode.StatusBarAlignment.Left, 10);
  item.name = 'AWS Study: cards due';
  item.command = COMMANDS.reviewDue;
  let shown = false;
  const render = () => {
    const overview = data.overview;
    shown = !!overview && overview.dueNow > 0;
    if (!overview || !shown) return void item.hide();
    item.text = `$(mortar-board) ${overview.dueNow} due`;
    const later = overview.dueToday - overview.dueNow;
    item.tooltip = `${overview.dueNow} card${overview.dueNow === 1 ? ' is' : 's are'} due for review${later > 0 ? ` (${later} more later today)` : ''}. Click to review them.`;
    item.accessibilityInformation = { label: `${overview.dueNow} study cards due. Review Due Cards.` };
    item.show();
  };
  const subscription = data.onDidChange(render);
  render();
  return {
    text: () => (shown ? item.text : undefined),
    dispose: () => {
      subscription.dispose();
      item.dispose();
    },
  };
}
