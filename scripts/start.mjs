// `npm start`: the newcomer's first run. After the build (done by the npm script) it
//   1. copies examples/ to a fresh scratch workspace under the OS temp folder
//      (aws-study-hints-examples-<pid>-<random>; copies of earlier runs are removed), so nothing
//      done in the editor changes the repository's tracked files,
//   2. checks that copy with the CLI (policies/bad is wrong on purpose), then
//   3. packages the extension and opens it in a real VS Code (code-server, installed on first
//      use into .tools/, its output in .tools/code-server-install.log) on the copy, at a URL on
//      127.0.0.1, until Ctrl+C.
// AWS_STUDY_HINTS_NO_EDITOR=1 stops after step 2; PORT picks the port.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { installVsix, QUIET_SETTINGS, startCodeServer, workbenchUrl } from './editor/codeServer.mjs';
import { prepareScratchWorkspace } from './editor/scratchWorkspace.mjs';
import { ensureCodeServer, root, toolsDir } from './editor/tools.mjs';
import { packageExtension } from './editor/ui-checks.mjs';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);

const workspace = prepareScratchWorkspace({ source: path.join(root, 'examples') });
console.log(`AWS Study Hints: working on a fresh copy of examples/ in ${workspace.path}`);
console.log('Checking it with the CLI (policies/bad is wrong on purpose):\n');
const cli = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', '.'], { cwd: workspace.path, stdio: 'inherit' });
if (cli.status !== 0 && cli.status !== 1) process.exit(cli.status ?? 1);
if (process.env.AWS_STUDY_HINTS_NO_EDITOR === '1') process.exit(0);

console.log('\nPackaging the extension and starting a real VS Code (code-server) on that copy …');
let server;
try {
  ensureCodeServer({ out: process.stdout });
  const vsix = packageExtension(path.join(root, 'test-results'));
  // A persistent profile, so settings changed in this editor survive the next `npm start`.
  const base = path.join(toolsDir, 'start-profile');
  const profile = { base, userDataDir: path.join(base, 'user-data'), extensionsDir: path.join(base, 'extensions'), xdg: path.join(base, 'xdg') };
  for (const dir of [path.join(profile.userDataDir, 'User'), profile.extensionsDir, profile.xdg]) fs.mkdirSync(dir, { recursive: true });
  const settingsFile = path.join(profile.userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify(QUIET_SETTINGS, null, 2));
  installVsix(profile, vsix);
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  server = await startCodeServer(profile, { port });
  const url = workbenchUrl(server, workspace.path);
  console.log(`\nReady in ${seconds()} s. Open ${url}\nin your browser: open a file under policies/ and hover, complete and fix. Ctrl+C stops the editor.`);
  if (spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0) {
    console.log(`\nTo use your own VS Code instead: code --install-extension ${path.relative(root, vsix)}`);
  }
} catch (error) {
  console.error(`\nnpm start could not open the editor: ${error instanceof Error ? error.message : error}`);
  console.error('AWS_STUDY_HINTS_NO_EDITOR=1 npm start runs only the CLI check.');
  await server?.stop();
  process.exit(1);
}
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
