// One build for everything: the compiled IAM catalog plus three esbuild bundles
// (client extension, language server, CLI). `--watch` rebuilds the bundles on change.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCatalog } from './compile-catalog.mjs';
import { compileKnowledge } from './compile-knowledge.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const watch = process.argv.includes('--watch');

fs.mkdirSync(path.join(dist, 'catalog'), { recursive: true });
const started = Date.now();
const result = compileCatalog(path.join(dist, 'catalog'));
if (!result.skipped) console.log(`catalog: ${result.services} services compiled in ${Date.now() - started} ms`);
compileKnowledge(root, path.join(dist, 'knowledge'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // jsonc-parser's UMD entry requires files dynamically, which a bundle cannot resolve: take its ES modules.
  mainFields: ['module', 'main'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { PACKAGE_VERSION: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version) },
};

const cliOnly = { alias: { 'vscode-languageserver-protocol': './scripts/cli-protocol-stub.mjs' } };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // The CLI and its worker threads do not speak LSP: see scripts/cli-protocol-stub.mjs.
  { ...common, ...cliOnly, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The worker threads of `check --jobs N` (server/src/cli/pool.ts looks for it beside cli.js).
  { ...common, ...cliOnly, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
  console.log(`built dist/ in ${Date.now() - started} ms`);
}
