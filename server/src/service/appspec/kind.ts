import { COMMANDS } from '../../protocol';
import type { AppSpecPlatform } from '../../protocol/status';
import { globMatches } from '../common/globs';
import { roundMs } from '../common/text';
import type { DocumentKind, KindModule } from '../registry/documentKind';
import { yamlKeyNoteQuery } from '../yaml/noteQuery';
import { analyzeAppSpec, type AppSpecAnalysis } from './analyze';
import { appSpecCompletion } from './completion';
import { isPlatform } from './detect';
import { definedHooks } from './hooks';
import { appSpecQuestions } from './quizQuestions';
import { appSpecHover } from './hover';
import { lifecycleMarkdown } from './lifecycle';
import { APPSPEC_RULE_LIST, TOO_MANY_PROBLEMS } from './rules/definitions';

/** CodeDeploy AppSpecs: appspec.yml/.yaml/.json (YAML or JSON), or matched by awsStudyHints.appspec.files. */

const APPSPEC_NAME = /^appspec\.(ya?ml|json)$/i;
const PLATFORM_LABELS: Record<AppSpecPlatform, string> = { ec2: 'EC2/on-premises', lambda: 'Lambda', ecs: 'ECS' };

interface AppSpecClaim {
  readonly json: boolean;
  readonly platform?: AppSpecPlatform;
}

const appSpecKind: DocumentKind<AppSpecAnalysis, AppSpecClaim> = {
  id: 'appspec',
  rules: APPSPEC_RULE_LIST,
  tooManyProblems: TOO_MANY_PROBLEMS,
  noteServices: ['codedeploy'],
  searchContext: 'appspec',
  claim({ family, paths, settings }) {
    if ((family !== 'json' && family !== 'yaml') || !paths) return undefined;
    const base = paths.absolute.split(/[\\/]/).pop() ?? '';
    if (!APPSPEC_NAME.test(base) && !settings.appspec.files.some((glob) => globMatches(glob, paths))) return undefined;
    const platform = configuredPlatform(paths, settings.appspec.platforms);
    return { key: `appspec|${family}|${platform ?? ''}`, detail: { json: family === 'json', platform } };
  },
  analyze: (document, claim, onRuleError) => analyzeAppSpec(document, claim.detail.json, claim.detail.platform, onRuleError),
  reportKind: () => 'appspec',
  status(analysis) {
    const problems = analysis.findings.length;
    const ms = roundMs(analysis.elapsedMs);
    const source = analysis.platformSource === 'content' ? 'detected' : `from ${analysis.platformSource}`;
    return {
      documentType: 'appspec',
      platform: analysis.platform,
      platformSource: analysis.platformSource,
      problems,
      elapsedMs: ms,
      label: `$(rocket) CodeDeploy AppSpec · ${PLATFORM_LABELS[analysis.platform]}`,
      detail: `${source} · ${problems} problem${problems === 1 ? '' : 's'} · ${ms} ms`,
      summary: `CodeDeploy AppSpec for ${analysis.platform} (platform ${analysis.platformSource === 'content' ? 'detected from the content' : `from the ${analysis.platformSource}`}): ${problems} problems, analysed in ${ms} ms.`,
      command: { title: 'Show lifecycle', command: COMMANDS.showDeploymentLifecycle },
    };
  },
  hover: appSpecHover,
  noteQuery: (document, analysis, position) => yamlKeyNoteQuery(document, analysis.model, position, 'codedeploy'),
  completion: appSpecCompletion,
  quizTopics: () => ['codedeploy'],
  fileQuestions: (_document, analysis, file) => appSpecQuestions(analysis, file),
  lifecycle: ({ platform, model }) => ({ platform, markdown: lifecycleMarkdown(platform, definedHooks(model, platform)) }),
};

export const appSpecKindModule: KindModule = {
  id: 'appspec',
  rules: APPSPEC_RULE_LIST,
  // Before IAM policies: appspec.json is JSON, and an AppSpec by its name (analyze gives it up when
  // the JSON has none of the AppSpec's keys: then it is some other tool's file).
  claimPriority: 10,
  create: () => appSpecKind,
};

/** Glob → platform from `awsStudyHints.appspec.platforms`; the first matching glob wins. */
function configuredPlatform(paths: { relative: string; absolute: string }, globs: Readonly<Record<string, string>>): AppSpecPlatform | undefined {
  for (const [glob, platform] of Object.entries(globs)) {
    if (isPlatform(platform) && globMatches(glob, paths)) return platform;
  }
  return undefined;
}
