import { appSpecKindModule } from '../appspec/kind';
import { buildspecKindModule } from '../buildspec/kind';
import type { RuleDefinition } from '../common/findings';
import { iamKindModule } from '../iam/kind';
import { noteKindModule } from '../notes/kind';
import { templateKindModule } from '../template/kind';
import type { DocumentKind, KindModule, KindResources } from './documentKind';

/**
 * Every kind of document the service understands, in documentation order. Adding a kind is
 * its own folder plus one line here.
 */
export const KIND_MODULES: readonly KindModule[] = [iamKindModule, buildspecKindModule, appSpecKindModule, noteKindModule, templateKindModule];

/** Every rule of every kind: severities, the manifest's settings schema, docs/rules.md and SARIF read this. */
export const ALL_RULES: readonly RuleDefinition[] = KIND_MODULES.flatMap((module) => module.rules);

/** The kinds for one service instance, in the order they claim documents. */
export function createKinds(resources: KindResources): readonly DocumentKind[] {
  const kinds: DocumentKind[] = [];
  const withSiblings: KindResources = { ...resources, kind: (id) => kinds.find((kind) => kind.id === id) };
  for (const module of [...KIND_MODULES].sort((a, b) => a.claimPriority - b.claimPriority)) {
    const kind = module.create(withSiblings);
    if (kind) kinds.push(kind);
  }
  return kinds;
}
