import type { Pair, Scalar, YAMLMap } from 'yaml';
import type { Fix, RuleDefinition } from '../../common/findings';
import type { YamlRuleContext } from '../../yaml/context';
import { deleteBlock, insertAfterLine, pairBlock } from '../../yaml/edits';
import { findPair, isMap, isScalar, isSeq, keyName, nodeAt, pairsOf, scalarSource } from '../../yaml/model';
import { define } from './docs';
import { SCHEMA_RULES } from './schema';
import { BUILDSPEC_SPEC } from '../spec';
import { nearest } from '../../common/suggest';

/** env: reserved names, plain-text secrets, secrets-manager references, exported variables. */

export const ENV_RULES = {
  reservedVariable: define('BSP040', 'reserved-variable', 'error', 'Names starting with CODEBUILD_ are reserved for CodeBuild.'),
  plaintextSecret: define(
    'BSP041',
    'plaintext-secret',
    'warning',
    'A secret in env.variables is stored and shown in plain text; use parameter-store or secrets-manager.',
  ),
  malformedSecretReference: define(
    'BSP042',
    'malformed-secret-reference',
    'error',
    'A secrets-manager reference is secret-id:json-key:version-stage:version-id.',
  ),
  exportedAwsVariable: define('BSP043', 'exported-aws-variable', 'error', 'Variables whose names start with AWS_ cannot be exported.'),
} satisfies Record<string, RuleDefinition>;

const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRETS|TOKEN|API_?KEY|APIKEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CREDENTIALS?|AUTH)(_|$)/i;
// Names that merely point at a secret (where it is, what it is called) hold no secret themselves.
const REFERENCE_NAME = /_(URL|URI|ENDPOINT|PATH|FILE|NAME|ARN|ID|REGION|HEADER|TYPE|LENGTH|TTL|EXPIRY)$/i;
const SECRET_VALUES: readonly [RegExp, string][] = [
  [/^(AKIA|ASIA)[0-9A-Z]{16}$/, 'an AWS access key ID'],
  [/^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}$|^github_pat_\w{30,}$/, 'a GitHub token'],
  [/^xox[abprs]-[A-Za-z0-9-]{10,}$/, 'a Slack token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z0-9/+]{40}$/, 'an AWS secret access key'],
];

export function checkEnv(context: YamlRuleContext): void {
  const env = nodeAt(context.model, ['env']);
  if (!isMap(env)) return;
  checkShell(context, env);
  const variables = findPair(env, 'variables');
  if (variables && isMap(variables.value)) {
    for (const pair of pairsOf(variables.value)) {
      const name = keyName(pair);
      if (name === undefined) continue;
      if (/^CODEBUILD_/i.test(name)) {
        context.report(
          ENV_RULES.reservedVariable,
          context.nodeRange(pair.key as Scalar),
          `"${name}": names starting with CODEBUILD_ are reserved for CodeBuild's own variables; choose another name.`,
        );
      }
      checkPlaintextSecret(context, env, name, pair);
    }
  }
  for (const name of ['variables', 'parameter-store', 'secrets-manager']) {
    const block = findPair(env, name);
    if (!block || !isMap(block.value)) continue;
    if (name !== 'secrets-manager') continue;
    for (const pair of pairsOf(block.value)) checkSecretReference(context, pair);
  }
  const exported = findPair(env, 'exported-variables');
  if (exported && isSeq(exported.value)) {
    for (const item of exported.value.items) {
      if (!isScalar(item)) continue;
      const name = scalarSource(context.model, item as Scalar);
      if (/^AWS_/i.test(name)) {
        context.report(
          ENV_RULES.exportedAwsVariable,
          context.nodeRange(item),
          `"${name}" cannot be exported: names starting with AWS_ are reserved. Copy the value into another variable and export that.`,
        );
      }
    }
  }
}

/**
 * env.shell takes the documented values; `powershell` or `cmd` without .exe is a warning, as
 * whether CodeBuild also takes the bare names is not documented.
 */
function checkShell(context: YamlRuleContext, env: YAMLMap): void {
  const shell = findPair(env, 'shell')?.value;
  if (!isScalar(shell) || shell.value === null) return;
  const source = scalarSource(context.model, shell as Scalar);
  const documented = (BUILDSPEC_SPEC.root.keys?.env?.keys?.shell?.values ?? []) as readonly string[];
  if (documented.includes(source)) return;
  const range = context.nodeRange(shell);
  if (/^(powershell|cmd)$/i.test(source)) {
    const exe = `${source.toLowerCase()}.exe`;
    context.report(SCHEMA_RULES.invalidValue, range, `The documented Windows shells are powershell.exe and cmd.exe: write "${exe}" rather than "${source}".`, {
      severity: 'warning',
      fixes: [{ title: `Change to "${exe}"`, edits: [{ range, newText: exe }], preferred: true }],
    });
    return;
  }
  const suggestion = nearest(source, documented);
  context.report(
    SCHEMA_RULES.invalidValue,
    range,
    `"shell" cannot be "${source}": use ${documented.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    { fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }] : [] },
  );
}

/**
 * Batch builds (build-list and build-graph items, build-matrix dynamic env) carry their own
 * env.variables. They are as plain as the top-level ones, and batch env has no parameter-store, so
 * the secret is reported without a move fix.
 */
export function checkBatchEnv(context: YamlRuleContext): void {
  const batch = nodeAt(context.model, ['batch']);
  if (!isMap(batch)) return;
  const variableMaps: unknown[] = [];
  for (const type of ['build-list', 'build-graph']) {
    const builds = findPair(batch, type)?.value;
    if (!isSeq(builds)) continue;
    for (const build of builds.items) {
      const env = isMap(build) ? findPair(build, 'env')?.value : undefined;
      if (isMap(env)) variableMaps.push(findPair(env, 'variables')?.value);
    }
  }
  const matrixEnv = findPair(findPair(findPair(batch, 'build-matrix')?.value, 'dynamic')?.value, 'env')?.value;
  if (isMap(matrixEnv)) variableMaps.push(findPair(matrixEnv, 'variables')?.value);
  for (const variables of variableMaps) {
    if (!isMap(variables)) continue;
    for (const pair of pairsOf(variables)) {
      const name = keyName(pair);
      if (name === undefined) continue;
      if (/^CODEBUILD_/i.test(name)) {
        context.report(
          ENV_RULES.reservedVariable,
          context.nodeRange(pair.key as Scalar),
          `"${name}": names starting with CODEBUILD_ are reserved for CodeBuild's own variables; choose another name.`,
        );
      }
      // A matrix variable is a list of values, one per build: check each.
      const values = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const value of values) checkPlaintextSecret(context, undefined, name, pair, value, 'batch');
    }
  }
}

function checkPlaintextSecret(
  context: YamlRuleContext,
  env: unknown,
  name: string,
  pair: Pair,
  value: unknown = pair.value,
  where: 'env' | 'batch' = 'env',
): void {
  if (!isScalar(value) || value.value === null) return;
  const source = scalarSource(context.model, value as Scalar);
  if (source === '' || /^\$\{?\w+\}?$/.test(source)) return; // empty or another variable
  const byValue = SECRET_VALUES.find(([pattern]) => pattern.test(source))?.[1];
  const byName = SECRET_NAME.test(name) && !REFERENCE_NAME.test(name) && source.length >= 4;
  if (!byValue && !byName) return;
  const what = byValue ? `looks like ${byValue}` : 'looks like a secret';
  if (where === 'batch') {
    context.report(
      ENV_RULES.plaintextSecret,
      context.nodeRange(value),
      `${name} ${what}: batch env variables are plain text, visible in the console and logs. Store it in Parameter Store or Secrets Manager and reference it under the buildspec's env.parameter-store or env.secrets-manager.`,
    );
    return;
  }
  context.report(
    ENV_RULES.plaintextSecret,
    context.nodeRange(value),
    `${name} ${what}: env.variables are plain text, visible in the console and logs. Store it in Parameter Store or Secrets Manager and reference it under env.parameter-store or env.secrets-manager.`,
    { fixes: moveSecretFixes(context, env, name, pair) },
  );
}

/** Moves `NAME: value` out of env.variables into parameter-store or secrets-manager, with a placeholder reference. */
function moveSecretFixes(context: YamlRuleContext, env: unknown, name: string, pair: Pair): Fix[] {
  const block = pairBlock(context, pair);
  const variables = findPair(env, 'variables');
  if (!block || !variables || !isMap(env)) return [];
  const fixes: Fix[] = [];
  const targets: [string, string][] = [
    ['parameter-store', `/CHANGE_ME/${name.toLowerCase().replace(/_/g, '-')}`],
    ['secrets-manager', `CHANGE_ME_SECRET:${name}`],
  ];
  const variablesBlock = pairBlock(context, variables);
  if (!variablesBlock) return [];
  for (const [target, placeholder] of targets) {
    const existing = findPair(env, target);
    const entry = `${' '.repeat(block.indent)}${name}: ${placeholder}\n`;
    let insert;
    if (existing && isMap(existing.value)) {
      insert = insertAfterLine(context, (existing.key as Scalar).range![0], entry);
    } else if (!existing) {
      const header = `${' '.repeat(variablesBlock.indent)}${target}:\n`;
      // A file that ends inside env.variables, without a final newline, needs one before the new key.
      const newline = variablesBlock.text.endsWith('\n') ? '' : '\n';
      insert = { range: context.range(variablesBlock.end, 0), newText: `${newline}${header}${entry}` };
    } else continue;
    fixes.push({ title: `Move ${name} to env.${target} (placeholder ${placeholder})`, edits: [deleteBlock(context, block), insert] });
  }
  return fixes;
}

/** `secret-id:json-key:version-stage:version-id`, where the secret id may be a full ARN (six colons of its own). */
function checkSecretReference(context: YamlRuleContext, pair: Pair): void {
  const value = pair.value;
  if (!isScalar(value) || value.value === null) return;
  const source = scalarSource(context.model, value as Scalar);
  const arn = /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:[^:]+/.exec(source);
  const secretId = arn ? arn[0] : (source.split(':')[0] ?? '');
  const rest = (arn ? source.slice(arn[0].length) : source.slice(secretId.length)).replace(/^:/, '');
  const parts = rest === '' ? [] : rest.split(':');
  const range = context.nodeRange(value);
  if (secretId === '') {
    context.report(
      ENV_RULES.malformedSecretReference,
      range,
      'The secret id is empty: write secret-id[:json-key[:version-stage[:version-id]]], e.g. prod/db:password.',
    );
  } else if (source.startsWith('arn:') && !arn) {
    context.report(
      ENV_RULES.malformedSecretReference,
      range,
      `"${source}" is not a Secrets Manager secret ARN (arn:aws:secretsmanager:region:account:secret:name).`,
    );
  } else if (parts.length > 3) {
    context.report(
      ENV_RULES.malformedSecretReference,
      range,
      `"${source}" has too many parts: after the secret id come at most json-key, version-stage and version-id.`,
    );
  } else if (parts[1] && parts[2]) {
    context.report(ENV_RULES.malformedSecretReference, range, `Give either a version stage ("${parts[1]}") or a version id ("${parts[2]}"), not both.`, {
      severity: 'warning',
    });
  }
}
