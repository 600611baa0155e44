import { RequestType } from 'vscode-languageserver-protocol';

/**
 * Explain and simulate for the editor: the same engine as `aws-study-hints explain` and
 * `aws-study-hints simulate`, over documents the client names by URI (open documents are read
 * as edited, others from disk).
 */

export type SimulatedPolicyType = 'identity' | 'resource' | 'scp' | 'rcp' | 'boundary' | 'session';

export interface SimulatedPolicy {
  readonly uri: string;
  readonly type: SimulatedPolicyType;
  /** SCPs: the organisation level (0 = root); each level must allow. */
  readonly level?: number;
}

export interface SimulateParams {
  readonly action: string;
  readonly resource: string;
  /** A user ARN, a role ARN (a session of that role) or an sts assumed-role ARN. */
  readonly principal?: string;
  readonly resourceAccount?: string;
  /** The whole request context: key → values; keys not given are absent. */
  readonly context?: Readonly<Record<string, readonly string[]>>;
  readonly policies: readonly SimulatedPolicy[];
}

export interface SimulatedStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  /** 1-based. */
  readonly line: number;
  readonly matched: boolean;
  readonly failedElement?: string;
  readonly reason: string;
  readonly conditions: readonly { readonly operator: string; readonly key: string; readonly result: boolean; readonly reason: string }[];
}

export interface SimulateResult {
  /** Set when the request could not be simulated (a bad principal, a document that is not a policy); the rest is then empty. */
  readonly error?: string;
  readonly decision?: 'allowed' | 'explicit-deny' | 'implicit-deny';
  /** The matching Deny statements, or the Allow statements that granted; `uri` and 1-based `line` link to them. */
  readonly statements: readonly {
    readonly uri: string;
    readonly line: number;
    readonly sid?: string;
    readonly effect: 'Allow' | 'Deny';
    readonly policy: SimulatedPolicyType;
  }[];
  readonly explanation: string;
  readonly steps: readonly string[];
  readonly policies: readonly {
    readonly uri: string;
    readonly type: SimulatedPolicyType;
    readonly level?: number;
    readonly statements: readonly SimulatedStatement[];
  }[];
  /** The readable trace, as the CLI prints it. */
  readonly text: string;
  /** The trace as Markdown for a preview: statements link to `uri#L<line>`. */
  readonly markdown: string;
}

export const SimulateRequest = new RequestType<SimulateParams, SimulateResult, void>('awsStudyHints/simulate');

export interface ExplainPolicyParams {
  readonly uri: string;
  readonly kind?: 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'endpoint';
}

export interface ExplainPolicyResult {
  /** For the preview beside the file. */
  readonly markdown: string;
  /** One line per statement, for code lenses. */
  readonly statements: readonly { readonly line: number; readonly sid?: string; readonly sentence: string }[];
}

/** Null when the document is not a policy. */
export const ExplainPolicyRequest = new RequestType<ExplainPolicyParams, ExplainPolicyResult | null, void>('awsStudyHints/explainPolicy');

export interface SimulateOptionsParams {
  /** The policy the simulation starts from: its own actions come first. */
  readonly uri?: string;
  /** The chosen action, for its resource ARN templates and condition keys. */
  readonly action?: string;
  /** What the user has typed so far: catalog actions that match it follow the policy's own. */
  readonly query?: string;
}

export interface SimulateOptionsResult {
  /** The policy's actions, wildcards expanded from the catalog (at most 200). */
  readonly actions: readonly string[];
  /** ARN templates of the resource types the action acts on (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`), or `*`. */
  readonly resourceTemplates: readonly string[];
  /** Condition keys the action supports, its own and its resource types'. */
  readonly conditionKeys: readonly string[];
}

export const SimulateOptionsRequest = new RequestType<SimulateOptionsParams, SimulateOptionsResult, void>('awsStudyHints/simulateOptions');
