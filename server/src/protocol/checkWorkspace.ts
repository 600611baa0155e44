import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

/**
 * Check Workspace: the server checks every policy, buildspec, AppSpec (and whatever other kind
 * claims a file) under the workspace folders and publishes their problems, as a watch task does.
 * The client shows the progress and cancels the request to stop.
 */

export interface CheckWorkspaceResult {
  /** Files looked at (JSON and YAML under the workspace folders, outside build output and dot-folders). */
  readonly files: number;
  /** Files some kind claimed (policies, buildspecs, AppSpecs…). */
  readonly checked: number;
  readonly withProblems: number;
  readonly problems: number;
  /** Files skipped (too large, unreadable), with why. */
  readonly skipped: readonly { readonly uri: string; readonly reason: string }[];
  readonly cancelled: boolean;
  readonly elapsedMs: number;
}

export const CheckWorkspaceRequest = new RequestType0<CheckWorkspaceResult, void>('awsStudyHints/checkWorkspace');

export interface CheckWorkspaceProgress {
  readonly done: number;
  readonly total: number;
  /** The file being checked, relative to its workspace folder. */
  readonly file: string;
}

export const CheckWorkspaceProgressNotification = new NotificationType<CheckWorkspaceProgress>('awsStudyHints/checkWorkspaceProgress');
