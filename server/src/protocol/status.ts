/**
 * What the server reports about one document: one variant per document kind, each with the
 * presentation the client shows as it is (label, detail, the command behind the status item), so
 * the client never needs to know which kinds exist.
 */

export type PolicyKind = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'endpoint';
export type AppSpecPlatform = 'ec2' | 'lambda' | 'ecs';

interface StatusBase {
  readonly catalogVersion: string;
  /** What the notes index holds (user notes and bundled knowledge). */
  readonly notes?: { readonly files: number; readonly sections: number; readonly knowledgeSections: number };
  /** One line for the language status item, with a codicon, e.g. "$(shield) IAM identity policy". */
  readonly label: string;
  /** The status item's second line. */
  readonly detail: string;
  /** A sentence for "Show details". */
  readonly summary: string;
  /** The command the status item runs (a COMMANDS value). */
  readonly command?: { readonly title: string; readonly command: string };
}

interface AnalysedStatus extends StatusBase {
  readonly problems: number;
  readonly elapsedMs: number;
}

export interface IamPolicyStatus extends AnalysedStatus {
  readonly documentType: 'iam-policy';
  readonly policyKind: PolicyKind;
  readonly kindSource: 'configured' | 'inferred';
  readonly statements: number;
}

export interface BuildspecStatus extends AnalysedStatus {
  readonly documentType: 'buildspec';
  /** The version as written (0.2 / 0.1), absent when missing. */
  readonly version?: string;
}

export interface AppSpecStatus extends AnalysedStatus {
  readonly documentType: 'appspec';
  readonly platform: AppSpecPlatform;
  readonly platformSource: 'comment' | 'setting' | 'content' | 'default';
}

export interface NoteStatus extends AnalysedStatus {
  readonly documentType: 'note';
}

export interface TemplateStatus extends AnalysedStatus {
  readonly documentType: 'template';
  /** The IAM policies found inside the template's resources. */
  readonly policies: number;
  readonly serverless: boolean;
}

export interface NoDocumentStatus extends StatusBase {
  readonly documentType: 'none';
}

/** A new document kind adds its variant here (the protocol is the contract the client reads). */
export type DocumentStatus = IamPolicyStatus | BuildspecStatus | AppSpecStatus | NoteStatus | TemplateStatus | NoDocumentStatus;
export type DocumentType = DocumentStatus['documentType'];
