import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Running the built CLI (dist/cli.js) as a child process, shared by the CLI test files. */

export const root = path.resolve(__dirname, '..', '..');
export const cli = path.join(root, 'dist', 'cli.js');
export const fixtures = path.join(__dirname, 'fixtures');
export const fixture = (...parts: string[]) => path.join(fixtures, ...parts);
export const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    // SARIF of a few hundred files is more than the default 1 MB.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}
export interface JsonDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  fixes: { title: string; edits: JsonEdit[] }[];
  embedded?: { kind: string; resource: string; resourceType: string; path: string };
}
export interface JsonReport {
  file: string;
  kind: string;
  diagnostics: JsonDiagnostic[];
}

export function runJson(args: readonly string[]): { run: Run; reports: JsonReport[] } {
  const result = run([...args, '--format', 'json']);
  let reports: JsonReport[];
  try {
    reports = JSON.parse(result.stdout) as JsonReport[];
  } catch (error) {
    assert.fail(`stdout is not JSON (${String(error)}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return { run: result, reports };
}

export const codes = (report: JsonReport) => report.diagnostics.map((d) => d.code);
export const ANSI = /\u001b\[/;
