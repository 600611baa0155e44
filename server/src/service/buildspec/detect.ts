import picomatch from 'picomatch';

/** buildspec.yml, buildspec.yaml and variants such as buildspec_release.yml or buildspec-test.yaml. */
const BUILDSPEC_NAME = /^buildspec[\w.-]*\.ya?ml$/i;

export function isBuildspecPath(relativePath: string, absolutePath: string, globs: readonly string[] = []): boolean {
  const base = absolutePath.split(/[\\/]/).pop() ?? '';
  if (BUILDSPEC_NAME.test(base)) return true;
  return globs.some((glob) => {
    const matcher = picomatch(glob, { dot: true });
    return matcher(relativePath) || matcher(absolutePath.replace(/\\/g, '/'));
  });
}
