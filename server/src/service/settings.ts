import { SEVERITY_SETTINGS, type Settings, type SeveritySetting } from '../protocol/settings';

/** Reading the `awsStudyHints.*` settings defensively: whatever the user wrote, the service gets a complete, valid object. */

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  iam: { policyKinds: {} },
  buildspec: { files: [] },
  appspec: { files: [], platforms: {} },
  templates: { files: [] },
  notes: { paths: [], extensions: ['.md', '.markdown', '.txt'] },
  quiz: { newCardsPerDay: 20 },
  maxProblems: 1000,
};

/** Accepts partial or malformed user settings and returns a complete, valid object. */
export function normalizeSettings(raw: unknown): Settings {
  const input = isRecord(raw) ? raw : {};
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(input.rules)) {
    for (const [code, severity] of Object.entries(input.rules)) {
      const value = severity === 'info' ? 'information' : severity;
      if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) rules[code] = value as SeveritySetting;
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
  if (isRecord(appspec.platforms))
    for (const [glob, platform] of Object.entries(appspec.platforms)) if (typeof platform === 'string') platforms[glob] = platform;
  const templates = isRecord(input.templates) ? input.templates : {};
  const templateFiles = Array.isArray(templates.files) ? templates.files.filter((f): f is string => typeof f === 'string') : [];
  const notes = isRecord(input.notes) ? input.notes : {};
  const notePaths = Array.isArray(notes.paths) ? notes.paths.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  const extensions =
    Array.isArray(notes.extensions) && notes.extensions.every((e) => typeof e === 'string')
      ? (notes.extensions as string[]).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase())
      : DEFAULT_SETTINGS.notes.extensions;
  const quiz = isRecord(input.quiz) ? input.quiz : {};
  const newCardsPerDay =
    typeof quiz.newCardsPerDay === 'number' && quiz.newCardsPerDay >= 0 ? Math.floor(quiz.newCardsPerDay) : DEFAULT_SETTINGS.quiz.newCardsPerDay;
  const maxProblems = typeof input.maxProblems === 'number' && input.maxProblems > 0 ? Math.floor(input.maxProblems) : DEFAULT_SETTINGS.maxProblems;
  return {
    rules,
    iam: { policyKinds },
    buildspec: { files },
    appspec: { files: appspecFiles, platforms },
    templates: { files: templateFiles },
    notes: { paths: notePaths, extensions },
    quiz: { newCardsPerDay },
    maxProblems,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
