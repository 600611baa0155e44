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
  const counts: FileCounts = { files: 0, filesWithProblems: 0, error: 0, warning: 0, information: 0, hint: 0 };
  const blocks = reports.map((report) => formatTextFile(report, color, counts)).filter((block) => block !== undefined);
  return [...blocks.map((block) => `${block}\n`), formatTextSummary(counts)].join('\n');
}

/** Running totals of a text report, kept as files stream past. */
export interface FileCounts {
  files: number;
  filesWithProblems: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/** One file's block of the text report (undefined when it has no problems); adds it to `counts`. */
export function formatTextFile(report: FileReport, color: boolean, counts: FileCounts): string | undefined {
  counts.files++;
  if (report.diagnostics.length === 0) return undefined;
  counts.filesWithProblems++;
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [
    paint('4', `${relative(report.file)}`) + paint('2', POLICY_KINDS.has(report.kind) ? ` (${report.kind} policy)` : ` (${report.kind})`),
  ];
  for (const d of report.diagnostics) {
    counts[d.severity]++;
    const severityText = SEVERITY_LABEL[d.severity].padEnd(7);
    const colored = d.severity === 'error' ? paint('31', severityText) : d.severity === 'warning' ? paint('33', severityText) : paint('36', severityText);
    lines.push(`  ${`${d.line}:${d.column}`.padEnd(8)} ${colored} ${d.message}  ${paint('2', d.code)}`);
  }
  return lines.join('\n');
}

export function formatTextSummary(counts: FileCounts): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  return total === 0
    ? `No problems in ${plural(counts.files, 'file')}.`
    : `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.information + counts.hint, 'info')}) in ${counts.filesWithProblems} of ${plural(counts.files, 'file')}.`;
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
        // Where in the template the finding is: the embedded policy's kind (or "buildspec"), resource and property path.
        properties: d.embedded ? { embedded: d.embedded } : undefined,
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
