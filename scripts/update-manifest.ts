// Regenerates what is derived from the rule definitions: the `awsStudyHints.rules`
// property list in package.json (completion and descriptions in the Settings editor) and
// docs/rules.md. `npm test` fails when either is out of step (test/manifest.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesReference } from '../server/src/service/rulesReference';
import { rulesSchema } from '../server/src/service/rulesSchema';

const root = path.join(__dirname, '..');
const manifestPath = path.join(root, 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const properties = rulesSchema();
manifest.contributes.configuration.properties['awsStudyHints.rules'].properties = properties;
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
fs.writeFileSync(path.join(root, 'docs', 'rules.md'), rulesReference());
console.log(`package.json and docs/rules.md: ${Object.keys(properties).length} rules`);
