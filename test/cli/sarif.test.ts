import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { cli, fixture, manifest, run, runJson } from './shared';

/** `--format sarif`: valid SARIF 2.1.0 that agrees with the JSON output. */

before(() => {
  assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
});

const SARIF_SCHEMA = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    $schema: { type: 'string' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  version: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: {
                        id: { type: 'string', minLength: 1 },
                        name: { type: 'string' },
                        shortDescription: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
                        helpUri: { type: 'string', pattern: '^https?://' },
                        defaultConfiguration: {
                          type: 'object',
                          properties: { level: { enum: ['none', 'note', 'warning', 'error'] } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message', 'ruleId', 'level', 'locations'],
              properties: {
                ruleId: { type: 'string', minLength: 1 },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['physicalLocation'],
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation', 'region'],
                        properties: {
                          artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string' } } },
                          region: { $ref: '#/$defs/region' },
                        },
                      },
                    },
                  },
                },
                fixes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['artifactChanges'],
                    properties: {
                      description: { type: 'object', required: ['text'] },
                      artifactChanges: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'object',
                          required: ['artifactLocation', 'replacements'],
                          properties: {
                            replacements: {
                              type: 'array',
                              minItems: 1,
                              items: {
                                type: 'object',
                                required: ['deletedRegion'],
                                properties: { deletedRegion: { $ref: '#/$defs/region' } },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  $defs: {
    region: {
      type: 'object',
      required: ['startLine'],
      properties: {
        startLine: { type: 'integer', minimum: 1 },
        startColumn: { type: 'integer', minimum: 1 },
        endLine: { type: 'integer', minimum: 1 },
        endColumn: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version?: string; rules?: { id: string }[] } };
    results?: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number } };
      }[];
      fixes?: { description?: { text: string } }[];
    }[];
  }[];
}

describe('--format sarif', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(SARIF_SCHEMA);
  const inputs = [fixture('errors.json'), fixture('warnings.json'), fixture('clean.json'), fixture('workspace-settings')];

  it('is a valid SARIF 2.1.0 log whose results match the JSON output', () => {
    const r = run(['check', ...inputs, '--format', 'sarif']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));

    const sarifRun = log.runs[0]!;
    assert.equal(sarifRun.tool.driver.name, 'aws-study-hints');
    assert.equal(sarifRun.tool.driver.version, manifest.version);
    const rules = sarifRun.tool.driver.rules ?? [];
    const results = sarifRun.results ?? [];
    for (const result of results) {
      assert.equal(typeof result.ruleIndex, 'number', `${result.ruleId} has a ruleIndex`);
      assert.equal(rules[result.ruleIndex!]?.id, result.ruleId, `ruleIndex ${result.ruleIndex} points at ${result.ruleId}`);
    }

    const { reports } = runJson(['check', ...inputs]);
    const diagnostics = reports.flatMap((report) => report.diagnostics.map((d) => ({ report, d })));
    assert.ok(diagnostics.length > 0);
    assert.equal(results.length, diagnostics.length);
    const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    const fromJson = diagnostics
      .map(({ report, d }) => [pathToFileURL(report.file).href, d.code, levels[d.severity], d.line, d.column, d.endLine, d.endColumn, d.message].join('|'))
      .sort();
    const fromSarif = results
      .map((res) => {
        const { artifactLocation, region } = res.locations[0]!.physicalLocation;
        return [artifactLocation.uri, res.ruleId, res.level, region.startLine, region.startColumn, region.endLine, region.endColumn, res.message.text].join(
          '|',
        );
      })
      .sort();
    assert.deepEqual(fromSarif, fromJson);
  });

  it('carries the quick-fix of the unknown action', () => {
    const r = run(['check', fixture('errors.json'), '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as SarifLog;
    const unknown = log.runs[0]!.results!.find((res) => res.ruleId === 'IAM042');
    assert.ok(unknown);
    assert.equal(unknown.locations[0]!.physicalLocation.region.startLine, 6);
    assert.equal(unknown.locations[0]!.physicalLocation.region.startColumn, 21);
    assert.equal(unknown.fixes?.[0]?.description?.text, 'Change to "s3:GetObject"');
  });

  it('is valid with no results', () => {
    const r = run(['check', fixture('clean.json'), '--format', 'sarif']);
    assert.equal(r.status, 0);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), ajv.errorsText(validate.errors));
    assert.deepEqual(log.runs[0]!.results, []);
  });
});
