// Regenerates the `awsStudyHints.rules` property list in package.json from the rule
// definitions, so that every rule code gets completion and a description in the Settings
// editor. `npm test` fails when the manifest is out of step (test/manifest.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesSchema } from '../server/src/service/rulesSchema';

const manifestPath = path.join(__dirname, '..', 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const properties = rulesSchema();
manifest.contributes.configuration.properties['awsStudyHints.rules'].properties = properties;
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package.json: ${Object.keys(properties).length} rules listed under awsStudyHints.rules`);
