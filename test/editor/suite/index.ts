import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';

/**
 * Entry point of the in-editor suite, loaded by the extension host through
 * `extensionTestsPath` (code-server in `npm test`, @vscode/test-electron in `npm run test:electron`).
 * The results are written into the test workspace, where the runner that started the editor reads them.
 */
export const RESULT_FILE = '.editor-test-results.json';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // The tests are bundled into this file: define describe/it, then load them.
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  require('./extension.test');
  require('./study.test');
  require('./quiz.test');
  // Last: its final test kills the server.
  require('./policyTools.test');
  const failures: { title: string; error: string }[] = [];
  const passes: string[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => passes.push(test.fullTitle()));
    runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), error: error?.stack ?? String(error) }));
  });
  const result = { passed: passes.length, failed: failures.length, passes, failures };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) fs.writeFileSync(path.join(folder, RESULT_FILE), JSON.stringify(result, null, 2));
  console.log(`AWS_STUDY_HINTS_EDITOR_RESULT ${JSON.stringify(result)}`);
  if (failures.length > 0) throw new Error(`${failures.length} in-editor tests failed`);
}
