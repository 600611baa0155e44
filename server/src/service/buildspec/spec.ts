import specData from '../../../../knowledge/buildspec/spec.json';
import type { SpecNode } from '../yaml/spec';

/** The buildspec specification as data (knowledge/buildspec/spec.json), typed. */
export interface BuildspecSpec {
  readonly source: string;
  readonly docsBase: string;
  readonly root: SpecNode;
  /** The runtime-versions table: every runtime name and version CodeBuild documents, on any image. */
  readonly runtimes: { readonly linux: Readonly<Record<string, readonly string[]>>; readonly windows: Readonly<Record<string, readonly string[]>> };
  /** What each Linux image preinstalls; Windows images are `runtimes.windows`. */
  readonly images: readonly BuildImage[];
  /** Runtime names CodeBuild deprecated, with why. */
  readonly deprecatedRuntimes: Readonly<Record<string, string>>;
  readonly environmentVariables: Readonly<Record<string, string>>;
}

export interface BuildImage {
  readonly image: string;
  readonly os: string;
  readonly status: 'current' | 'deprecated';
  readonly runtimes: Readonly<Record<string, readonly string[]>>;
}

export const BUILDSPEC_SPEC = specData as unknown as BuildspecSpec;

const CURRENT = BUILDSPEC_SPEC.images.filter((i) => i.status === 'current');
const DEPRECATED = BUILDSPEC_SPEC.images.filter((i) => i.status === 'deprecated');

/** Distinct versions, oldest first by their numbers (corretto8 before corretto17), `latest` last. */
function union(lists: readonly (readonly string[] | undefined)[]): string[] {
  const key = (v: string) => (v === 'latest' ? [Number.POSITIVE_INFINITY] : (v.match(/\d+/g) ?? []).map(Number));
  const compare = (a: string, b: string) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
    return a.localeCompare(b);
  };
  return [...new Set(lists.flatMap((list) => list ?? []))].sort(compare);
}

/** Versions that current images (Linux and Windows) preinstall; undefined for a runtime CodeBuild does not know at all. */
export function runtimeVersions(name: string): readonly string[] | undefined {
  if (!isKnownRuntime(name)) return undefined;
  return union([...CURRENT.map((i) => i.runtimes[name]), BUILDSPEC_SPEC.runtimes.windows[name]]);
}

/** Versions the runtime-versions table documents, on any image, current or not. */
export function documentedVersions(name: string): readonly string[] {
  return union([BUILDSPEC_SPEC.runtimes.linux[name], BUILDSPEC_SPEC.runtimes.windows[name]]);
}

/** The deprecated images that preinstalled a version (none when a current image has it too). */
export function retiredImagesWith(name: string, matches: (version: string) => boolean): string[] {
  if ((runtimeVersions(name) ?? []).some(matches)) return [];
  return DEPRECATED.filter((i) => (i.runtimes[name] ?? []).some(matches)).map((i) => i.image.replace(/^aws\/codebuild\//, ''));
}

function isKnownRuntime(name: string): boolean {
  return name in BUILDSPEC_SPEC.runtimes.linux || name in BUILDSPEC_SPEC.runtimes.windows || BUILDSPEC_SPEC.images.some((i) => name in i.runtimes);
}

/** Runtime names worth offering: documented or preinstalled somewhere, and not deprecated. */
export function runtimeNames(): string[] {
  const names = [
    ...Object.keys(BUILDSPEC_SPEC.runtimes.linux),
    ...Object.keys(BUILDSPEC_SPEC.runtimes.windows),
    ...BUILDSPEC_SPEC.images.flatMap((i) => Object.keys(i.runtimes)),
  ];
  return [...new Set(names)].filter((name) => !(name in BUILDSPEC_SPEC.deprecatedRuntimes)).sort();
}
