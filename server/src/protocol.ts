import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { DocumentStatus } from './service/languageService';

/**
 * The one typed definition of everything client and server say to each other beyond
 * standard LSP, imported by both sides so no method name or shape is written twice.
 */

export const SETTINGS_SECTION = 'awsStudyHints';

export interface DocumentStatusParams {
  readonly uri: string;
}

export const DocumentStatusRequest = new RequestType<DocumentStatusParams, DocumentStatus, void>('awsStudyHints/documentStatus');

export interface RuleSummary {
  readonly code: string;
  readonly name: string;
  readonly severity: string;
  readonly summary: string;
  readonly docs?: string;
}

export const ListRulesRequest = new RequestType0<RuleSummary[], void>('awsStudyHints/listRules');

export interface DeploymentLifecycle {
  readonly platform: string;
  readonly markdown: string;
}

export const DeploymentLifecycleRequest = new RequestType<DocumentStatusParams, DeploymentLifecycle | null, void>('awsStudyHints/deploymentLifecycle');

export const COMMANDS = {
  restartServer: 'awsStudyHints.restartServer',
  showOutput: 'awsStudyHints.showOutput',
  setPolicyKind: 'awsStudyHints.setPolicyKind',
  configureRule: 'awsStudyHints.configureRule',
  showDocumentStatus: 'awsStudyHints.showDocumentStatus',
  showDeploymentLifecycle: 'awsStudyHints.showDeploymentLifecycle',
} as const;

export type { DocumentStatus };
