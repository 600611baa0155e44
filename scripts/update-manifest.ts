// Regenerates what is derived from the rule definitions: the `awsStudyHints.rules` setting in
// package.json (one schema: every code and name with descriptions, one severity enum) and
// docs/rules.md. `npm test` fails when either is out of step (test/manifest.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesReference } from '../server/src/service/rulesReference';
import { rulesSettingSchema } from '../server/src/service/rulesSchema';

const root = path.join(__dirname, '..');
const manifestPath = path.join(root, 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
manifest.contributes.configuration.properties['awsStudyHints.rules'] = rulesSettingSchema();
fs.writeFileSync(manifestPath, `${stringify(manifest)}\n`);
fs.writeFileSync(path.join(root, 'docs', 'rules.md'), rulesReference());
console.log(`package.json (${fs.statSync(manifestPath).size} bytes) and docs/rules.md: ${rulesSettingSchema().propertyNames ? 'rules schema' : ''} updated`);

/** JSON with two-space indentation, but arrays of strings and short objects on one line: the rule lists stay compact. */
function stringify(value: unknown, indent = ''): string {
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    const inner = `${indent}  `;
    return value.length === 0 ? '[]' : `[\n${value.map((item) => `${inner}${stringify(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const oneLine = JSON.stringify(value);
    if (oneLine.length + indent.length <= 120) return oneLine;
    const inner = `${indent}  `;
    const entries = Object.entries(value);
    return entries.length === 0
      ? '{}'
      : `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${stringify(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
