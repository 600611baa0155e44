// `npm start`: the newcomer's first run. After the build (done by the npm script) it
//   1. checks the bundled examples with the CLI (policies/bad is wrong on purpose), then
//   2. packages the extension and opens it in a real VS Code (code-server, installed on first
//      use into .tools/) on the examples/ workspace, at a URL on 127.0.0.1, until Ctrl+C.
// AWS_STUDY_HINTS_NO_EDITOR=1 stops after step 1; PORT picks the port.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { installVsix, startCodeServer, workbenchUrl, QUIET_SETTINGS } from './editor/codeServer.mjs';
import { root, toolsDir } from './editor/tools.mjs';
import { packageExtension } from './editor/ui-checks.mjs';

console.log('AWS Study Hints: checking the bundled examples (examples/policies/bad is wrong on purpose)\n');
const cli = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', 'examples'], { cwd: root, stdio: 'inherit' });
if (cli.status !== 0 && cli.status !== 1) process.exit(cli.status ?? 1);
if (process.env.AWS_STUDY_HINTS_NO_EDITOR === '1') process.exit(0);

console.log('\nPackaging the extension and starting a real VS Code (code-server) on examples/ …');
const vsix = packageExtension(path.join(root, 'test-results'));
// A persistent profile, so what you change in this editor survives the next `npm start`.
const base = path.join(toolsDir, 'start-profile');
const profile = { base, userDataDir: path.join(base, 'user-data'), extensionsDir: path.join(base, 'extensions'), xdg: path.join(base, 'xdg') };
for (const dir of [path.join(profile.userDataDir, 'User'), profile.extensionsDir, profile.xdg]) fs.mkdirSync(dir, { recursive: true });
const settingsFile = path.join(profile.userDataDir, 'User', 'settings.json');
if (!fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify(QUIET_SETTINGS, null, 2));
installVsix(profile, vsix);
const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const server = await startCodeServer(profile, { port });
const url = workbenchUrl(server, path.join(root, 'examples'));
console.log(`\nOpen ${url}\nin your browser: open a file under policies/ and hover, complete and fix. Ctrl+C stops the editor.`);
if (spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0) {
  console.log(`\nTo use your own VS Code instead: code --install-extension ${path.relative(root, vsix)}`);
}
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
