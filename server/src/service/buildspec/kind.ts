import { buildspecQuestions } from './quizQuestions';
import { COMMANDS } from '../../protocol';
import { globMatches } from '../common/globs';
import { roundMs } from '../common/text';
import type { DocumentKind, KindModule } from '../registry/documentKind';
import { yamlKeyNoteQuery } from '../yaml/noteQuery';
import { analyzeBuildspec, type BuildspecAnalysis } from './analyze';
import { buildspecCompletion } from './completion';
import { buildspecHover } from './hover';
import { BUILDSPEC_RULE_LIST, TOO_MANY_PROBLEMS } from './rules/definitions';

/** CodeBuild buildspecs: YAML files named buildspec*.yml, or matched by awsStudyHints.buildspec.files. */

const BUILDSPEC_NAME = /^buildspec[\w.-]*\.ya?ml$/i;

const buildspecKind: DocumentKind<BuildspecAnalysis, undefined> = {
  id: 'buildspec',
  rules: BUILDSPEC_RULE_LIST,
  tooManyProblems: TOO_MANY_PROBLEMS,
  noteServices: ['codebuild'],
  searchContext: 'buildspec',
  claim({ family, paths, settings }) {
    if (family !== 'yaml' || !paths) return undefined;
    const base = paths.absolute.split(/[\\/]/).pop() ?? '';
    const named = BUILDSPEC_NAME.test(base) || settings.buildspec.files.some((glob) => globMatches(glob, paths));
    return named ? { key: 'buildspec', detail: undefined } : undefined;
  },
  analyze: (document, _claim, onRuleError) => analyzeBuildspec(document, onRuleError),
  reportKind: () => 'buildspec',
  status(analysis) {
    const problems = analysis.findings.length;
    const ms = roundMs(analysis.elapsedMs);
    return {
      documentType: 'buildspec',
      version: analysis.version,
      problems,
      elapsedMs: ms,
      label: `$(tools) CodeBuild buildspec${analysis.version ? ` ${analysis.version}` : ''}`,
      detail: `${problems} problem${problems === 1 ? '' : 's'} · ${ms} ms`,
      summary: `CodeBuild buildspec, version ${analysis.version ?? 'missing'}: ${problems} problems, analysed in ${ms} ms.`,
      command: { title: 'Show details', command: COMMANDS.showDocumentStatus },
    };
  },
  hover: buildspecHover,
  noteQuery: (document, analysis, position) => yamlKeyNoteQuery(document, analysis.model, position, 'codebuild'),
  completion: (document, _analysis, position) => buildspecCompletion(document, position),
  quizTopics: () => ['codebuild'],
  fileQuestions: (_document, analysis, file) => buildspecQuestions(analysis, file),
};

export const buildspecKindModule: KindModule = {
  id: 'buildspec',
  rules: BUILDSPEC_RULE_LIST,
  claimPriority: 30,
  create: () => buildspecKind,
};
