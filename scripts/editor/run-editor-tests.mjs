// The in-editor tests, as part of `npm test`: a real VS Code (code-server 4.100.3) driven by
// Debian's Chromium through playwright-core.
//   1. The API suite (test/editor/suite, mocha inside the extension host) runs against the
//      development build, loaded through the workbench URL's extensionDevelopmentPath.
//   2. The UI checks (ui-checks.mjs) run against the packaged .vsix, installed as a user would.
// Prints one line per test and `N passed, N failed`; exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { poll } from '../../test/support/poll.mjs';
import { CHROMIUM_ARGS, makeProfile, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureChromium, ensureCodeServer, root } from './tools.mjs';
import { buildSuite, copyWorkspace, RESULT_FILE } from './suiteBuild.mjs';
import { packageExtension, runUiChecks } from './ui-checks.mjs';

const SUITE_TIMEOUT_MS = 300_000;

async function runApiSuite(executablePath) {
  const suite = await buildSuite();
  const workspace = copyWorkspace();
  const profile = makeProfile();
  const server = await startCodeServer(profile);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const consoleLines = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: root, extensionTestsPath: suite }));
    const resultFile = path.join(workspace, RESULT_FILE);
    const result = await poll('the in-editor suite to finish', () => fs.existsSync(resultFile) && JSON.parse(fs.readFileSync(resultFile, 'utf8')), {
      timeoutMs: SUITE_TIMEOUT_MS,
      intervalMs: 250,
    });
    const tests = [];
    for (const title of result.passes) tests.push({ name: `api: ${title}`, ok: true });
    for (const failure of result.failures) tests.push({ name: `api: ${failure.title}`, ok: false, error: failure.error });
    return { tests };
  } catch (error) {
    const tail = consoleLines.slice(-40).join('\n');
    return {
      tests: [
        {
          name: 'api suite',
          ok: false,
          error: `${error.message}\n--- page console (last lines) ---\n${tail}\n--- code-server ---\n${server.output().slice(-3000)}`,
        },
      ],
    };
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(profile.base, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  let executablePath;
  try {
    executablePath = ensureChromium();
    ensureCodeServer();
  } catch (error) {
    console.error(`editor tests cannot run: ${error.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const api = await runApiSuite(executablePath);
  const screenshotsDir = path.join(root, 'test-results', 'screenshots');
  const vsix = packageExtension(path.join(root, 'test-results'));
  const ui = await runUiChecks({ executablePath, vsix, screenshotsDir, workspace: copyWorkspace() });
  const all = [...api.tests, ...ui];
  for (const test of all) {
    console.log(`${test.ok ? 'ok    ' : 'FAILED'} ${test.name}`);
    if (!test.ok) console.log(`       ${String(test.error).split('\n').join('\n       ')}`);
  }
  const passed = all.filter((t) => t.ok).length;
  const failed = all.length - passed;
  console.log(`\nin-editor tests (code-server, ${((Date.now() - started) / 1000).toFixed(0)} s); screenshots in ${path.relative(root, screenshotsDir)}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
