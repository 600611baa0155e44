// `npm run test:electron`: the same in-editor suite in a desktop VS Code downloaded by
// @vscode/test-electron (2.5.x, the line that runs on Node 20). It needs to reach Microsoft's
// update server, so it cannot run on machines without internet access; `npm test` runs the
// suite in code-server instead. VSCODE_VERSION picks the version (default: stable).
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import path from 'node:path';
import { buildSuite, copyWorkspace, RESULT_FILE } from './suiteBuild.mjs';
import { root } from './tools.mjs';

const suite = await buildSuite();
const workspace = copyWorkspace();
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  const result = JSON.parse(fs.readFileSync(path.join(workspace, RESULT_FILE), 'utf8'));
  console.log(`${result.passed} passed, ${result.failed} failed`);
} catch (error) {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : error}`);
  console.error('It needs to download VS Code; on machines without internet access use `npm test` (code-server) instead.');
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
