import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { RuleDefinition } from '../service/common/findings';
import type { FileReport } from './report';

/** Output formats of `aws-study-hints check`: text for people, JSON for scripts, SARIF for code-scanning tools. */

export interface ToolInfo {
  readonly version: string;
  readonly rules: readonly RuleDefinition[];
}

const SEVERITY_LABEL = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;

/** The kinds a policy report names (the other kinds, buildspec, appspec, template…, name themselves). */
const POLICY_KINDS: ReadonlySet<string> = new Set(['identity', 'resource', 'trust', 'scp', 'rcp', 'endpoint']);

export function formatText(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    lines.push(paint('4', `${relative(report.file)}`) + paint('2', POLICY_KINDS.has(report.kind) ? ` (${report.kind} policy)` : ` (${report.kind})`));
    for (const d of report.diagnostics) {
      counts[d.severity]++;
      const severityText = SEVERITY_LABEL[d.severity].padEnd(7);
      const colored = d.severity === 'error' ? paint('31', severityText) : d.severity === 'warning' ? paint('33', severityText) : paint('36', severityText);
      lines.push(`  ${`${d.line}:${d.column}`.padEnd(8)} ${colored} ${d.message}  ${paint('2', d.code)}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const filesWithProblems = reports.filter((r) => r.diagnostics.length > 0).length;
  lines.push(
    total === 0
      ? `No problems in ${plural(reports.length, 'file')}.`
      : `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.information + counts.hint, 'info')}) in ${filesWithProblems} of ${plural(reports.length, 'file')}.`,
  );
  return lines.join('\n');
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({ ...r, file: path.resolve(r.file) })),
    null,
    2,
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(reports: readonly FileReport[], tool: ToolInfo): string {
  const ruleIndex = new Map(tool.rules.map((rule, index) => [rule.code, index]));
  const rules: ReportingDescriptor[] = tool.rules.map((rule) => ({
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.summary },
    helpUri: rule.docs,
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
  }));
  const results: Result[] = [];
  for (const report of reports) {
    const uri = pathToFileURL(path.resolve(report.file)).href;
    for (const d of report.diagnostics) {
      results.push({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          },
        ],
        fixes:
          d.fixes.length > 0
            ? d.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [
                  {
                    artifactLocation: { uri },
                    replacements: fix.edits.map((e) => ({
                      deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
                      insertedContent: { text: e.newText },
                    })),
                  },
                ],
              }))
            : undefined,
      });
    }
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'aws-study-hints', version: tool.version, informationUri: 'https://github.com/aws-study-hints/aws-study-hints', rules } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel.startsWith('..') ? path.resolve(file) : rel;
}
