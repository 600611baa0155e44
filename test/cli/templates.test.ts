import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { codes, run, runJson } from './shared';

/** `check` on a project folder with a SAM template and a CDK cloud assembly. */

const templates = path.resolve(__dirname, '..', 'fixtures', 'template');
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'ash-templates-'));
fs.mkdirSync(path.join(project, 'cdk.out'));
fs.copyFileSync(path.join(templates, 'invalid', 'sam-function-policy-mistakes.yaml'), path.join(project, 'template.yaml'));
fs.copyFileSync(path.join(templates, 'invalid', 'cdk-typo.template.json'), path.join(project, 'cdk.out', 'WorkerStack.template.json'));
fs.copyFileSync(path.join(templates, 'valid', 'cfn-roles-and-resource-policies.yml'), path.join(project, 'pipeline.yml'));
fs.writeFileSync(path.join(project, 'cdk.out', 'manifest.json'), '{"version": "36.0.0", "artifacts": {}}\n');
after(() => fs.rmSync(project, { recursive: true, force: true }));

describe('check: templates in a folder', () => {
  it('finds template.yaml and cdk.out/*.template.json, reports them as kind "template", and fails on errors', () => {
    const { run: result, reports } = runJson(['check', project]);
    assert.equal(result.status, 1);
    const byName = new Map(reports.map((report) => [path.relative(project, report.file).split(path.sep).join('/'), report]));
    assert.deepEqual([...byName.keys()].sort(), ['cdk.out/WorkerStack.template.json', 'pipeline.yml', 'template.yaml']);
    for (const report of byName.values()) assert.equal(report.kind, 'template');
    assert.deepEqual(codes(byName.get('template.yaml')!), ['IAM042', 'IAM042', 'IAM022', 'IAM042']);
    assert.deepEqual(codes(byName.get('pipeline.yml')!), []);
    const typo = byName.get('cdk.out/WorkerStack.template.json')!.diagnostics[0]!;
    assert.deepEqual([typo.line, typo.column, typo.code], [20, 23, 'IAM042']);
  });

  it("says in each diagnostic which embedded policy it is in, with that policy's kind (JSON and SARIF)", () => {
    const file = path.join(project, 'template.yaml');
    const [report] = runJson(['check', file]).reports;
    const where = report!.diagnostics.map((d) => [d.line, d.embedded]);
    const trust = { kind: 'trust', resource: 'ProcessFunction', resourceType: 'AWS::Serverless::Function', path: 'AssumeRolePolicyDocument' };
    const inline = { kind: 'identity', resource: 'ProcessFunction', resourceType: 'AWS::Serverless::Function', path: 'Policies[1]' };
    assert.deepEqual(where, [
      [23, trust],
      [31, inline],
      [34, inline],
      [35, inline],
    ]);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', file]).stdout) as { runs: { results: { properties?: { embedded?: unknown } }[] }[] };
    assert.deepEqual(
      sarif.runs[0]!.results.map((result) => result.properties?.embedded),
      [trust, inline, inline, inline],
    );
  });

  it('names the kind in the text report', () => {
    const result = run(['check', path.join(project, 'template.yaml')]);
    assert.match(result.stdout, /template\.yaml \(template\)\n/);
  });
});
