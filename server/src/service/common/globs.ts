import picomatch from 'picomatch';

/**
 * Glob matching for every setting that takes globs (policy kinds, buildspec and AppSpec files,
 * platforms, notes). Compiled once per glob and shared, with one set of options, so that the
 * same glob means the same thing everywhere.
 */

const compiled = new Map<string, (path: string) => boolean>();

function matcherOf(glob: string): (path: string) => boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    matcher = picomatch(glob, { dot: true, nocase: process.platform === 'win32' });
    if (compiled.size > 500) compiled.clear(); // settings change rarely; never grow without bound
    compiled.set(glob, matcher);
  }
  return matcher;
}

/** Whether a glob matches a file, given as its workspace-relative path or its absolute path. */
export function globMatches(glob: string, file: { readonly relative: string; readonly absolute: string }): boolean {
  const matcher = matcherOf(glob);
  return matcher(file.relative) || matcher(file.absolute.replace(/\\/g, '/'));
}

/** Whether a single path matches a glob (for globs that are already absolute). */
export function globMatchesPath(glob: string, file: string): boolean {
  return matcherOf(glob)(file.replace(/\\/g, '/'));
}
