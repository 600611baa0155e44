/** The settings shared by client and server: the severity values and the `awsStudyHints.*` object. */

export const SETTINGS_SECTION = 'awsStudyHints';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * The `awsStudyHints.*` settings as the service sees them. The manifest (package.json)
 * declares the same keys; a test keeps the two in step.
 */
export interface Settings {
  /** Per-rule severity by diagnostic code (IAM042) or rule name (unknown-action). */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly iam: {
    /** Glob → policy kind. */
    readonly policyKinds: Readonly<Record<string, string>>;
  };
  readonly buildspec: {
    /** Extra globs for buildspec files with custom names (buildspec*.yml is always recognised). */
    readonly files: readonly string[];
  };
  readonly appspec: {
    /** Extra globs for AppSpec files with custom names (appspec.yml/.yaml/.json are always recognised). */
    readonly files: readonly string[];
    /** Glob → compute platform (ec2, lambda, ecs), overriding detection from the content. */
    readonly platforms: Readonly<Record<string, string>>;
  };
  readonly templates: {
    /** Extra globs for CloudFormation/SAM templates that detection from the content misses. */
    readonly files: readonly string[];
  };
  readonly notes: {
    /** Folders or globs of the user's notes, absolute or relative to the workspace. */
    readonly paths: readonly string[];
    /** File endings indexed as notes. */
    readonly extensions: readonly string[];
  };
  readonly quiz: {
    /** New cards introduced per day; due cards are always reviewed. */
    readonly newCardsPerDay: number;
  };
  /** Upper bound of problems reported per document. */
  readonly maxProblems: number;
}
