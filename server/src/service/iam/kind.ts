import { COMMANDS } from '../../protocol';
import type { PolicyKind } from '../../protocol/status';
import { globMatches } from '../common/globs';
import { roundMs as round } from '../common/text';
import type { DocumentKind, KindModule } from '../registry/documentKind';
import { analyzePolicy, type PolicyAnalysis } from './analyze';
import type { IamCatalog } from './catalog/catalog';
import { iamCompletion } from './completion';
import { simulationQuestions } from './evaluate/questions';
import { isPolicyKind } from './detect';
import type { Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyModel } from './model';
import { actionHoverTargets, iamHover } from './hover';
import { iamNoteQuery } from './noteQuery';
import { policyQuestions } from './quizQuestions';
import { IAM_RULE_LIST, TOO_MANY_PROBLEMS } from './rules/definitions';
import { StatementCache } from './statementCache';

const hoverTargetsOf = new WeakMap<PolicyAnalysis, readonly Position[]>();
/** IAM policies: any JSON document that looks like one (or that a setting or --kind names). */

const KIND_LABELS: Record<PolicyKind, string> = {
  identity: 'identity',
  resource: 'resource',
  trust: 'trust',
  scp: 'SCP',
  rcp: 'RCP',
  endpoint: 'VPC endpoint',
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const iamKindModule: KindModule = {
  id: 'iam-policy',
  rules: IAM_RULE_LIST,
  // After notes and AppSpecs (appspec.json is JSON too); JSON only, so never in a buildspec's way.
  claimPriority: 20,
  create: ({ catalog }) => iamPolicyKind(catalog),
};

function iamPolicyKind(catalog: () => IamCatalog): DocumentKind<PolicyAnalysis, { kind?: PolicyKind; named?: PolicyKind }> {
  // Statements' own findings, reused across versions of a policy (and by templates' embedded policies).
  const statements = new StatementCache();
  // Each open document's latest model, handed to its next version's analysis (reparse.ts). Keyed
  // by the document object, which the LSP document manager updates in place: a Check Workspace
  // run or the CLI, reading the same file into documents of their own, never shares one.
  const latestModels = new WeakMap<TextDocument, PolicyModel>();
  return {
    id: 'iam-policy',
    rules: IAM_RULE_LIST,
    tooManyProblems: TOO_MANY_PROBLEMS,
    noteServices: ['iam', 'sts', 'organizations'],
    searchContext: 'iam',
    claim({ family, paths, settings, forcedPolicyKind }) {
      if (family !== 'json') return undefined;
      const kind = isPolicyKind(forcedPolicyKind) ? forcedPolicyKind : paths ? configuredPolicyKind(paths, settings.iam.policyKinds) : undefined;
      const named = kind || !paths ? undefined : kindFromFileName(paths.relative);
      return { key: `iam|${kind ?? ''}|${named ?? ''}`, detail: { kind, named } };
    },
    analyze(document, claim, onRuleError) {
      const previousModel = latestModels.get(document);
      // Handed over once: if this analysis fails part-way the next one parses afresh.
      latestModels.delete(document);
      const analysis = analyzePolicy(document, catalog(), {
        kind: claim.detail.kind,
        kindFromName: claim.detail.named,
        onRuleError,
        statements,
        previousModel,
      });
      if (analysis) latestModels.set(document, analysis.model);
      return analysis;
    },
    reportKind: (analysis) => analysis.kind,
    status(analysis) {
      const kind = KIND_LABELS[analysis.kind];
      const source = `${analysis.kindSource === 'configured' ? 'kind from settings' : 'inferred'}${analysis.model.wrapper ? ` · in ${analysis.model.wrapper}` : ''}`;
      return {
        documentType: 'iam-policy',
        policyKind: analysis.kind,
        kindSource: analysis.kindSource,
        statements: analysis.statementCount,
        problems: analysis.findings.length,
        elapsedMs: round(analysis.elapsedMs),
        label: `$(shield) IAM ${kind} policy · ${plural(analysis.statementCount, 'statement')}`,
        // Short enough for the status hover; the whole picture is in the summary.
        detail: `${source} · ${plural(analysis.findings.length, 'problem')} · ${round(analysis.elapsedMs)} ms`,
        summary: `IAM ${analysis.kind} policy (${analysis.kindSource})${analysis.model.wrapper ? `, the document in ${analysis.model.wrapper}` : ''}: ${analysis.statementCount} statements, ${analysis.findings.length} problems, analysed in ${round(analysis.elapsedMs)} ms. Catalog ${catalog().source.version}.`,
        command: { title: 'Change kind…', command: COMMANDS.setPolicyKind },
      };
    },
    hover: (document, analysis, position) => iamHover(document, analysis, catalog(), position),
    noteQuery: iamNoteQuery,
    hoverTargets(document, analysis) {
      // Once per analysis: diagnostics are pulled again for the same version (after a settings change, a refresh).
      let targets = hoverTargetsOf.get(analysis);
      if (!targets) {
        targets = actionHoverTargets(document, analysis.model);
        hoverTargetsOf.set(analysis, targets);
      }
      return targets;
    },
    completion: (document, analysis, position) => iamCompletion(document, analysis, catalog(), position),
    fileQuestions: (document, analysis, file) => [
      ...policyQuestions(document, analysis, catalog(), file),
      ...simulationQuestions(analysis.model, analysis.kind, analysis.model.text, file, catalog()),
    ],
    quizTopics(_document, analysis) {
      // The services of the policy's actions; a policy with none is still about IAM.
      const prefixes = new Set<string>();
      for (const statement of analysis.model.statements) {
        for (const action of [...(statement.action?.strings ?? []), ...(statement.notAction?.strings ?? [])]) {
          const colon = action.value.indexOf(':');
          if (colon > 0) prefixes.add(action.value.slice(0, colon).toLowerCase());
        }
      }
      return prefixes.size > 0 ? [...prefixes] : ['iam'];
    },
  };
}

/**
 * A VPC endpoint policy reads like a resource policy (AWS's default one is Allow * to Principal
 * "*" on "*"), so only its name can tell them apart: vpc-endpoint, vpce- or endpoint-policy in the
 * file name makes it one, unless awsStudyHints.iam.policyKinds says otherwise.
 */
function kindFromFileName(relative: string): PolicyKind | undefined {
  const name = relative.split('/').pop() ?? '';
  return /vpc[_-]?endpoint|(?:^|[_.-])vpce[_.-]|endpoint[_-]?polic/i.test(name) ? 'endpoint' : undefined;
}

/** Glob → kind from `awsStudyHints.iam.policyKinds`; the first matching glob wins. */
function configuredPolicyKind(paths: { relative: string; absolute: string }, globs: Readonly<Record<string, string>>): PolicyKind | undefined {
  for (const [glob, kind] of Object.entries(globs)) {
    if (isPolicyKind(kind) && globMatches(glob, paths)) return kind;
  }
  return undefined;
}
