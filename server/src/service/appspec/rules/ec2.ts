import type { Scalar } from 'yaml';
import type { YamlRuleContext } from '../../yaml/context';
import { findPair, isMap, isScalar, isSeq, scalarSource } from '../../yaml/model';
import { define, FILES, PERMISSIONS } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** EC2/on-premises: absolute destinations, permissions only on Linux, quoted octal modes. */

export const EC2_RULES = {
  windowsOnly: define('APS034', 'not-on-windows', 'error', 'permissions fail on Windows instances; runas is ignored there (a warning).', PERMISSIONS),
  relativeDestination: define('APS035', 'relative-destination', 'error', 'files.destination must be an absolute path on the instance.', FILES),
  invalidMode: define(
    'APS036',
    'invalid-mode',
    'error',
    'A permissions mode is 1–4 octal digits; with a leading zero it must be quoted, or YAML reads it as another number.',
    PERMISSIONS,
  ),
} satisfies Record<string, RuleDefinition>;

export function isWindows(context: YamlRuleContext): boolean {
  const os = findPair(context.model.doc.contents, 'os')?.value;
  return isScalar(os) && String(os.value).toLowerCase() === 'windows';
}

export function checkFilesAndPermissions(context: YamlRuleContext): void {
  const root = context.model.doc.contents;
  const windows = isWindows(context);
  const os = findPair(root, 'os')?.value;
  const linux = isScalar(os) && String(os.value).toLowerCase() === 'linux';
  const files = findPair(root, 'files')?.value;
  if (isSeq(files)) {
    for (const file of files.items) {
      const destination = isMap(file) ? findPair(file, 'destination')?.value : undefined;
      if (!isScalar(destination) || destination.value === null) continue;
      const path = scalarSource(context.model, destination as Scalar);
      const linuxAbsolute = path.startsWith('/');
      const windowsAbsolute = /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
      const ok = linux ? linuxAbsolute : windows ? windowsAbsolute : linuxAbsolute || windowsAbsolute;
      if (!ok) {
        context.report(
          EC2_RULES.relativeDestination,
          context.nodeRange(destination),
          `destination "${path}" must be an absolute path on the instance, e.g. ${windows ? 'C:\\inetpub\\app' : '/var/www/html'}.`,
        );
      }
    }
  }
  const permissions = findPair(root, 'permissions');
  if (!permissions) return;
  if (windows) {
    context.report(
      EC2_RULES.windowsOnly,
      context.nodeRange(permissions.key as Scalar),
      'permissions apply only to Linux instances; the agent fails on Windows. Remove the section or set os: linux.',
    );
  }
  if (!isSeq(permissions.value)) return;
  for (const entry of permissions.value.items) {
    const mode = isMap(entry) ? findPair(entry, 'mode')?.value : undefined;
    if (!isScalar(mode) || mode.value === null) continue;
    const source = scalarSource(context.model, mode as Scalar);
    const plain = (mode as Scalar).type === 'PLAIN';
    const range = context.nodeRange(mode);
    if (!/^[0-7]{1,4}$/.test(source)) {
      context.report(
        EC2_RULES.invalidMode,
        range,
        `mode "${source}" is not a chmod mode: use 1–4 octal digits such as 644 or 755 (symbolic forms like u+x are not supported).`,
      );
    } else if (plain && source.length > 1 && source.startsWith('0')) {
      context.report(
        EC2_RULES.invalidMode,
        range,
        `YAML reads an unquoted ${source} as a different number (the agent gets ${parseInt(source, 8)}), so the mode is wrong. Quote it or drop the leading zero.`,
        { fixes: [{ title: `Quote the mode: "${source}"`, edits: [{ range, newText: `"${source}"` }], preferred: true }] },
      );
    }
  }
}
