// `npm start`: the main job on the bundled examples. It runs the CLI over examples/, where
// the files under policies/bad are wrong on purpose, so errors there are the expected result.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
console.log('AWS Study Hints: checking the bundled examples (examples/policies/bad is wrong on purpose)\n');
const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', 'examples'], { cwd: root, stdio: 'inherit' });
if (result.status === 0 || result.status === 1) {
  console.log('\nTry it on your own files: node dist/cli.js check <files or folders> [--format json|sarif]');
  process.exit(0);
}
process.exit(result.status ?? 1);
