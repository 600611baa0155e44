import specData from '../../../../knowledge/buildspec/spec.json';
import type { SpecNode } from '../yaml/spec';

/** The buildspec specification as data (knowledge/buildspec/spec.json), typed. */
export interface BuildspecSpec {
  readonly source: string;
  readonly docsBase: string;
  readonly root: SpecNode;
  readonly runtimes: { readonly linux: Readonly<Record<string, readonly string[]>>; readonly windows: Readonly<Record<string, readonly string[]>> };
  readonly environmentVariables: Readonly<Record<string, string>>;
}

export const BUILDSPEC_SPEC = specData as unknown as BuildspecSpec;

/** Runtime names across Linux and Windows images, with the versions current images list. */
export function runtimeVersions(name: string): readonly string[] | undefined {
  const linux = BUILDSPEC_SPEC.runtimes.linux[name];
  const windows = BUILDSPEC_SPEC.runtimes.windows[name];
  if (!linux && !windows) return undefined;
  return [...new Set([...(linux ?? []), ...(windows ?? [])])];
}

export function runtimeNames(): string[] {
  return [...new Set([...Object.keys(BUILDSPEC_SPEC.runtimes.linux), ...Object.keys(BUILDSPEC_SPEC.runtimes.windows)])].sort();
}
