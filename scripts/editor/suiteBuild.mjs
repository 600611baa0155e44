// Shared by the code-server runner and the @vscode/test-electron runner: the in-editor suite
// bundled for the extension host, and a throw-away copy of the test workspace.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './tools.mjs';

export const RESULT_FILE = '.editor-test-results.json';

export async function buildSuite() {
  const outfile = path.join(root, 'dist-test', 'editor', 'suite.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'editor', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: 'inline',
    // vscode comes from the extension host; mocha is resolved from the project's node_modules.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return outfile;
}

export function copyWorkspace() {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-ws-'));
  fs.cpSync(path.join(root, 'test', 'editor', 'workspace'), target, { recursive: true });
  return target;
}
