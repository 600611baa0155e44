// `npm run screenshots`: runs the UI checks against the packaged extension and saves their
// screenshots in docs/images, where the README shows them.
import fs from 'node:fs';
import path from 'node:path';
import { copyWorkspace } from './suiteBuild.mjs';
import { ensureChromium, ensureCodeServer, root } from './tools.mjs';
import { packageExtension, runUiChecks } from './ui-checks.mjs';

const executablePath = ensureChromium();
ensureCodeServer();
const screenshotsDir = path.join(root, 'docs', 'images');
for (const file of fs.existsSync(screenshotsDir) ? fs.readdirSync(screenshotsDir) : []) {
  if (file.startsWith('failed-')) fs.rmSync(path.join(screenshotsDir, file));
}
const vsix = packageExtension(path.join(root, 'test-results'));
const results = await runUiChecks({ executablePath, vsix, screenshotsDir, workspace: copyWorkspace() });
for (const r of results) console.log(`${r.ok ? 'ok    ' : 'FAILED'} ${r.name}${r.ok ? '' : `\n${r.error}`}`);
console.log(`screenshots in ${path.relative(root, screenshotsDir)}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
