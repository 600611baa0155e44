/**
 * The vocabulary of the evaluation engine: a request, the policies that apply to it, and the
 * trace that says, for every statement, whether it matched and why.
 */

/** Which role a policy plays in the evaluation (not the same as the linter's PolicyKind). */
export type EvaluatedPolicyType = 'identity' | 'resource' | 'scp' | 'rcp' | 'boundary' | 'session';

export type Decision = 'allowed' | 'explicit-deny' | 'implicit-deny';

/** The request context: condition key (any case) → its values. A key that is absent is missing. */
export type RequestContext = ReadonlyMap<string, readonly string[]>;

export interface PrincipalInfo {
  readonly type: 'user' | 'role' | 'session' | 'unknown';
  /** As given: a user ARN, a role ARN (a session of that role) or an sts assumed-role ARN. */
  readonly arn?: string;
  readonly partition: string;
  readonly account?: string;
  /** For roles and sessions: the role name (the assumed-role ARN does not carry the role's path). */
  readonly roleName?: string;
  readonly sessionName?: string;
  readonly userName?: string;
}

export interface EvaluationRequest {
  /** `service:Action`, compared case-insensitively. */
  readonly action: string;
  readonly resource: string;
  readonly principal: PrincipalInfo;
  /** The account that owns the resource; RCPs and the cross-account rule depend on it. */
  readonly resourceAccount?: string;
  readonly context: RequestContext;
}

/** One policy document given to the engine. */
export interface PolicyInput {
  readonly type: EvaluatedPolicyType;
  /** Where it came from, for traces: a path or a label. */
  readonly file: string;
  readonly text: string;
  /** SCPs only: the organisation level (0 = first --scp). Each level must allow on its own. */
  readonly level?: number;
}

/** Which element decided that a statement does not apply. */
export type FailedElement = 'Effect' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal' | 'Condition';

/** How a resource-based policy's Principal named the caller; the decision logic depends on it. */
export type PrincipalMatch = 'any' | 'account' | 'user' | 'role' | 'session';

export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  readonly policyValues: readonly string[];
  /** Values of the key in the request; undefined when the key is missing. */
  readonly requestValues?: readonly string[];
  readonly result: boolean;
  /** Why, in a sentence. */
  readonly reason: string;
}

export interface StatementTrace {
  readonly index: number;
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  /** 1-based line of the statement's opening brace. */
  readonly line: number;
  readonly matched: boolean;
  /** The element that made the statement not apply, when it does not. */
  readonly failedElement?: FailedElement;
  /** One sentence: why it applies or why not. */
  readonly reason: string;
  readonly conditions: readonly ConditionTrace[];
  /** For statements with a Principal: how it named the caller. */
  readonly principalMatch?: PrincipalMatch;
}

export interface PolicyTrace {
  readonly type: EvaluatedPolicyType;
  readonly file: string;
  readonly level?: number;
  /** False when the text is not a policy (the trace says why in `error`). */
  readonly valid: boolean;
  readonly error?: string;
  readonly statements: readonly StatementTrace[];
}

export interface DecidingStatement {
  readonly file: string;
  readonly line: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly policy: EvaluatedPolicyType;
}

export interface EvaluationResult {
  readonly decision: Decision;
  /** The matching Deny statements, or the Allow statements that granted. */
  readonly statements: readonly DecidingStatement[];
  /** Why, in plain words, naming the evaluation step. */
  readonly explanation: string;
  /** The steps of the evaluation logic in the order they were checked, each with its outcome. */
  readonly steps: readonly string[];
  readonly policies: readonly PolicyTrace[];
}
