import * as path from 'node:path';
import { type FileCounts, formatSarif, formatTextFile, formatTextSummary, type ToolInfo } from './formats';
import type { FileReport } from './report';

/**
 * Where `check` results go as they arrive: text and JSON (lines) are written file by file, never
 * held for the whole run; SARIF is one document, so only the files with results are kept for it.
 */

export type OutputFormat = 'text' | 'json' | 'jsonl' | 'sarif';

export interface Output {
  file(report: FileReport): void;
  /** Writes what comes after the last file (summary, closing bracket, the SARIF document). */
  end(): void;
}

export function createOutput(format: OutputFormat, write: (text: string) => void, options: { color: boolean; tool: ToolInfo }): Output {
  switch (format) {
    case 'text': {
      const counts: FileCounts = { files: 0, filesWithProblems: 0, error: 0, warning: 0, information: 0, hint: 0 };
      return {
        file(report) {
          const block = formatTextFile(report, options.color, counts);
          if (block) write(`${block}\n\n`);
        },
        end: () => write(`${formatTextSummary(counts)}\n`),
      };
    }
    case 'json': {
      // Byte for byte what JSON.stringify(reports, null, 2) gave when the whole run was buffered.
      let first = true;
      return {
        file(report) {
          write(`${first ? '[\n' : ',\n'}  ${JSON.stringify(absolute(report), null, 2).replaceAll('\n', '\n  ')}`);
          first = false;
        },
        end: () => write(first ? '[]\n' : '\n]\n'),
      };
    }
    case 'jsonl':
      return {
        file: (report) => write(`${JSON.stringify(absolute(report))}\n`),
        end: () => undefined,
      };
    case 'sarif': {
      const reports: FileReport[] = [];
      return {
        file(report) {
          if (report.diagnostics.length > 0) reports.push(report);
        },
        end: () => write(`${formatSarif(reports, options.tool)}\n`),
      };
    }
  }
}

function absolute(report: FileReport): FileReport {
  return { ...report, file: path.resolve(report.file) };
}
