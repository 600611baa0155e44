import type { Question } from '../../protocol/quiz';
import { findPair, keyName, pairsOf } from '../yaml/model';
import type { BuildspecAnalysis } from './analyze';

/** The order in which CodeBuild runs the phases of a build (the buildspec reference). */
const PHASE_ORDER = ['install', 'pre_build', 'build', 'post_build'] as const;

/**
 * "Quiz Me on This File" on a buildspec: the order of the phases this file defines. The order
 * is CodeBuild's, fixed whatever order the file lists them in.
 */
export function buildspecQuestions(analysis: BuildspecAnalysis, file: string): Question[] {
  const defined = new Set(pairsOf(findPair(analysis.model.doc.contents, 'phases')?.value).map((p) => keyName(p) ?? ''));
  const ordered = PHASE_ORDER.filter((phase) => defined.has(phase));
  if (ordered.length < 3) return [];
  const shown = [...ordered].sort((a, b) => b.localeCompare(a));
  return [
    {
      id: `file-buildspec-phases-${ordered.join('-')}`,
      type: 'ordering',
      topic: 'AWS CodeBuild',
      prompt: 'Put the phases this buildspec defines in the order CodeBuild runs them.',
      options: shown,
      answer: [...ordered],
      explanation: 'CodeBuild runs install, pre_build, build and post_build in that order, whatever order the file lists them in.',
      source: { file, startLine: 1, endLine: 1, kind: 'file' },
    },
  ];
}
