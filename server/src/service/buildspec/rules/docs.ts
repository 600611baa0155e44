import { ruleDefiner } from '../../common/findings';

/** The documentation pages buildspec rules link to, and the definer that names its rules (buildspec/…). */

export const REF = 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html';
export const BATCH = 'https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html';
export const RUNTIMES = 'https://docs.aws.amazon.com/codebuild/latest/userguide/runtime-versions.html';

export const define = ruleDefiner('buildspec', REF);
