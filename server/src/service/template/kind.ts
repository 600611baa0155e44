import type { Question } from '../../protocol/quiz';
import type { Settings } from '../../protocol/settings';
import { globMatches } from '../common/globs';
import { roundMs } from '../common/text';
import type { DocumentKind, KindModule } from '../registry/documentKind';
import { analyzeTemplate, type EmbeddedKinds, type TemplateAnalysis } from './analyze';
import { looksLikeTemplate, readsAsJson } from './detect';
import { PolicyCache } from './embedded';
import { PieceCache } from './incremental';
import { RenderCache } from './renderCache';
import { templateCompletion, templateHover, templateNoteQuery } from './features';
import { TEMPLATE_RULE_LIST, TOO_MANY_PROBLEMS } from './rules/definitions';
import { UNKNOWN_VALUE } from './virtual';

/**
 * CloudFormation, SAM and CDK-synthesised templates: the IAM policies inside their resources are
 * analysed by the IAM kind (through the registry, never by importing it), at their exact
 * positions in the template.
 */

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const policies = (n: number) => plural(n, 'policy', 'policies');

export const templateKindModule: KindModule = {
  id: 'template',
  rules: TEMPLATE_RULE_LIST,
  // Before the IAM kind, which takes any JSON: a JSON template is not a policy. After AppSpecs,
  // which are recognised by their file name.
  claimPriority: 15,
  create: (resources) => {
    const cache = new PolicyCache();
    const pieces = new PieceCache();
    const renders = new RenderCache();
    return templateKind(() => ({
      iam: resources.kind?.('iam-policy'),
      buildspec: resources.kind?.('buildspec'),
      catalog: resources.catalog,
      cache,
      pieces,
      renders,
    }));
  },
};

interface TemplateClaim {
  readonly json: boolean;
  readonly settings: Settings;
}

function templateKind(embedded: () => EmbeddedKinds): DocumentKind<TemplateAnalysis, TemplateClaim> {
  const iam = () => embedded().iam;
  return {
    id: 'template',
    rules: TEMPLATE_RULE_LIST,
    tooManyProblems: TOO_MANY_PROBLEMS,
    noteServices: ['cloudformation', 'iam', 'sts'],
    claim({ document, family, settings, paths }) {
      const cloudformation = document.languageId.includes('cloudformation');
      if (family !== 'json' && family !== 'yaml' && !cloudformation) return undefined;
      const text = document.getText();
      const json = family === 'json' || (family !== 'yaml' && readsAsJson(text));
      // awsStudyHints.templates.files names templates the content alone does not give away (a fragment, an unusual layout).
      const named = paths !== undefined && settings.templates.files.some((glob) => globMatches(glob, paths));
      if (!named && !looksLikeTemplate(text, json)) return undefined;
      return { key: `template|${json ? 'json' : 'yaml'}`, detail: { json, settings } };
    },
    analyze: (document, claim, onRuleError) => analyzeTemplate(document, claim.detail.json, embedded(), claim.detail.settings, onRuleError),
    reportKind: () => 'template',
    status(analysis) {
      const ms = roundMs(analysis.elapsedMs);
      const problems = analysis.findings.length;
      const what = analysis.serverless ? 'SAM template' : 'CloudFormation template';
      return {
        documentType: 'template',
        policies: analysis.policies.length,
        serverless: analysis.serverless,
        problems,
        elapsedMs: ms,
        label: `$(cloud) ${what} · ${policies(analysis.policies.length)}`,
        detail: `${plural(analysis.resourceCount, 'resource')}${analysis.buildspecs.length > 0 ? ` · ${plural(analysis.buildspecs.length, 'inline buildspec')}` : ''} · ${plural(problems, 'problem')} · ${ms} ms`,
        summary: `${what}: ${plural(analysis.resourceCount, 'resource')}, ${policies(analysis.policies.length)} analysed as IAM policies, ${plural(problems, 'problem')}, analysed in ${ms} ms.`,
      };
    },
    hover: (document, analysis, position) => templateHover(document, analysis, embedded(), position),
    noteQuery: (document, analysis, position) => templateNoteQuery(document, analysis, iam(), position),
    completion: (document, analysis, position) => templateCompletion(document, analysis, iam(), position),
    fileQuestions(document, analysis, file) {
      // The IAM kind's questions on each policy, pointing at the policy's lines in the template.
      const kind = iam();
      const questions = new Map<string, Question>();
      for (const embedded of analysis.policies) {
        const startLine = document.positionAt(embedded.policy.node.start).line + 1;
        const endLine = document.positionAt(embedded.policy.node.end).line + 1;
        for (const question of kind?.fileQuestions?.(embedded.document, embedded.analysis, file) ?? []) {
          // A value left open until deployment makes no question.
          if (questions.has(question.id) || JSON.stringify(question).includes(UNKNOWN_VALUE)) continue;
          questions.set(question.id, { ...question, source: { ...question.source, startLine, endLine } });
        }
      }
      return [...questions.values()];
    },
    quizTopics(_document, analysis) {
      const topics = new Set<string>(['cloudformation']);
      const kind = iam();
      for (const embedded of analysis.policies) for (const topic of kind?.quizTopics?.(embedded.document, embedded.analysis) ?? []) topics.add(topic);
      if (analysis.buildspecs.length > 0) topics.add('codebuild');
      return [...topics];
    },
  };
}
