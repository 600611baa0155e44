import { NotificationType0, RequestType } from 'vscode-languageserver-protocol';
import type { StudyOverview } from './quiz';

/** The AWS Study view and the status item: one request for the counts, one notification when they change. */

export interface StudyOverviewParams {
  /** Also list the notes folders with their files and lint findings (the view, when visible). */
  readonly notes?: boolean;
}

export const StudyOverviewRequest = new RequestType<StudyOverviewParams, StudyOverview, void>('awsStudyHints/studyOverview');

/** Sent by the server after an answer is recorded and after the notes were re-indexed: the client asks for the overview again. */
export const StudyChangedNotification = new NotificationType0('awsStudyHints/studyChanged');
