import { appSpecKindModule } from '../appspec/kind';
import { buildspecKindModule } from '../buildspec/kind';
import type { RuleDefinition } from '../common/findings';
import { iamKindModule } from '../iam/kind';
import { noteKindModule } from '../notes/kind';
import type { DocumentKind, KindModule, KindResources } from './documentKind';

/**
 * Every kind of document the service understands, in documentation order. Adding a kind is
 * its own folder plus one line here.
 */
export const KIND_MODULES: readonly KindModule[] = [iamKindModule, buildspecKindModule, appSpecKindModule, noteKindModule];

/** Every rule of every kind: severities, the manifest's settings schema, docs/rules.md and SARIF read this. */
export const ALL_RULES: readonly RuleDefinition[] = KIND_MODULES.flatMap((module) => module.rules);

/** The kinds for one service instance, in the order they claim documents. */
export function createKinds(resources: KindResources): readonly DocumentKind[] {
  return [...KIND_MODULES]
    .sort((a, b) => a.claimPriority - b.claimPriority)
    .map((module) => module.create(resources))
    .filter((kind): kind is DocumentKind => kind !== undefined);
}
