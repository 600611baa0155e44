import type { SeveritySetting } from './common/findings';

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
  readonly notes: {
    /** Folders or globs of the user's notes, absolute or relative to the workspace. */
    readonly paths: readonly string[];
    /** File endings indexed as notes. */
    readonly extensions: readonly string[];
  };
  /** Upper bound of problems reported per document. */
  readonly maxProblems: number;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  iam: { policyKinds: {} },
  buildspec: { files: [] },
  appspec: { files: [], platforms: {} },
  notes: { paths: [], extensions: ['.md', '.markdown', '.txt'] },
  maxProblems: 1000,
};

const SEVERITY_SETTINGS: readonly string[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Accepts partial or malformed user settings and returns a complete, valid object. */
export function normalizeSettings(raw: unknown): Settings {
  const input = isRecord(raw) ? raw : {};
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(input.rules)) {
    for (const [code, severity] of Object.entries(input.rules)) {
      const value = severity === 'info' ? 'information' : severity;
      if (typeof value === 'string' && SEVERITY_SETTINGS.includes(value)) rules[code] = value as SeveritySetting;
    }
  }
  const policyKinds: Record<string, string> = {};
  const iam = isRecord(input.iam) ? input.iam : {};
  if (isRecord(iam.policyKinds)) {
    for (const [glob, kind] of Object.entries(iam.policyKinds)) if (typeof kind === 'string') policyKinds[glob] = kind;
  }
  const buildspec = isRecord(input.buildspec) ? input.buildspec : {};
  const files = Array.isArray(buildspec.files) ? buildspec.files.filter((f): f is string => typeof f === 'string') : [];
  const appspec = isRecord(input.appspec) ? input.appspec : {};
  const appspecFiles = Array.isArray(appspec.files) ? appspec.files.filter((f): f is string => typeof f === 'string') : [];
  const platforms: Record<string, string> = {};
  if (isRecord(appspec.platforms)) for (const [glob, platform] of Object.entries(appspec.platforms)) if (typeof platform === 'string') platforms[glob] = platform;
  const notes = isRecord(input.notes) ? input.notes : {};
  const notePaths = Array.isArray(notes.paths) ? notes.paths.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  const extensions = Array.isArray(notes.extensions) && notes.extensions.every((e) => typeof e === 'string')
    ? (notes.extensions as string[]).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase())
    : DEFAULT_SETTINGS.notes.extensions;
  const maxProblems = typeof input.maxProblems === 'number' && input.maxProblems > 0 ? Math.floor(input.maxProblems) : DEFAULT_SETTINGS.maxProblems;
  return { rules, iam: { policyKinds }, buildspec: { files }, appspec: { files: appspecFiles, platforms }, notes: { paths: notePaths, extensions }, maxProblems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
