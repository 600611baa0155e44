import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { KIND_MODULES } from '../server/src/service/registry/kinds';

/**
 * The invariants of ARCHITECTURE.md, checked on the source: who may import whom. Each failure
 * names the file and the import that breaks the rule.
 */

const root = path.resolve(__dirname, '..');
const serviceRoot = path.join(root, 'server', 'src', 'service');
const protocolRoot = path.join(root, 'server', 'src', 'protocol');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file imports (static, dynamic and type-only), as written. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  for (const match of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push(match[1]!);
  return found;
}

/** Where a relative import points (extension-less), or undefined for a package. */
function resolved(file: string, specifier: string): string | undefined {
  return specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : undefined;
}

const inside = (target: string, dir: string) => target === dir || target.startsWith(dir + path.sep);
const relative = (file: string) => path.relative(root, file);

describe('architecture invariants', () => {
  test('the service, the protocol and the CLI never import vscode', () => {
    const offenders = sourceFiles(path.join(root, 'server', 'src')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier === 'vscode' || specifier.startsWith('vscode/'))
        .map((specifier) => `${relative(file)} imports ${specifier}`),
    );
    assert.deepEqual(offenders, []);
  });

  test('the client imports nothing of the server but the protocol', () => {
    const serverRoot = path.join(root, 'server');
    const offenders = sourceFiles(path.join(root, 'client', 'src')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => {
          const target = resolved(file, specifier);
          return target !== undefined && inside(target, serverRoot) && !inside(target, protocolRoot);
        })
        .map((specifier) => `${relative(file)} imports ${specifier}`),
    );
    assert.deepEqual(offenders, []);
  });

  test('the protocol imports nothing of the service, the server or the client', () => {
    const offenders = sourceFiles(protocolRoot).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => {
          const target = resolved(file, specifier);
          return target !== undefined && !inside(target, protocolRoot);
        })
        .map((specifier) => `${relative(file)} imports ${specifier}`),
    );
    assert.deepEqual(offenders, []);
  });

  test("a kind's folder imports no other kind's folder (only the shared layers: common, yaml, registry, the protocol)", () => {
    const kindFolders = new Map(KIND_MODULES.map((module) => [module.id, kindFolderOf(module.id)]));
    assert.equal(kindFolders.size, KIND_MODULES.length);
    const offenders: string[] = [];
    for (const [id, folder] of kindFolders) {
      for (const file of sourceFiles(folder)) {
        for (const specifier of importsOf(file)) {
          const target = resolved(file, specifier);
          if (!target || !inside(target, serviceRoot) || inside(target, folder)) continue;
          const layer = path.relative(serviceRoot, target).split(path.sep)[0]!;
          if (!['common', 'yaml', 'registry'].includes(layer)) offenders.push(`${relative(file)} (${id}) imports ${specifier}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  test('every kind is listed once in the registry and lives in its own folder', () => {
    const ids = KIND_MODULES.map((module) => module.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.ok(fs.existsSync(path.join(kindFolderOf(id), 'kind.ts')), `${id} has a kind.ts`);
  });
});

/** The folder of a kind: the one whose kind.ts declares it. */
function kindFolderOf(id: string): string {
  for (const entry of fs.readdirSync(serviceRoot, { withFileTypes: true })) {
    const kindFile = path.join(serviceRoot, entry.name, 'kind.ts');
    if (entry.isDirectory() && fs.existsSync(kindFile) && fs.readFileSync(kindFile, 'utf8').includes(`id: '${id}'`)) return path.join(serviceRoot, entry.name);
  }
  throw new Error(`no kind.ts declares ${id}`);
}

describe('the benchmarks launch the server as the VS Code client does', () => {
  test('with the same Node options and over the same transport', async () => {
    const { SERVER_EXEC_ARGV, EDITOR_TRANSPORT } = await import('./support/lspClient.mjs');
    const client = fs.readFileSync(path.join(root, 'client', 'src', 'extension.ts'), 'utf8');
    const options = /export const SERVER_EXEC_ARGV = (\[[^\]]*\])/.exec(client)?.[1];
    assert.ok(options, 'client/src/extension.ts declares SERVER_EXEC_ARGV');
    assert.deepEqual(JSON.parse(options.replaceAll("'", '"')), [...SERVER_EXEC_ARGV]);
    assert.match(client, /run: \{ module: serverModule, transport: TransportKind\.ipc, options: \{ execArgv: SERVER_EXEC_ARGV \} \}/);
    assert.equal(EDITOR_TRANSPORT, 'ipc');
  });
});
