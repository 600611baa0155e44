// Long installs (code-server with its native addons, Debian packages) without hundreds of lines
// of compiler output on the terminal: everything the commands print goes to a log file, and the
// terminal shows one line, "Installing … (log: …)… done in N s". On failure it shows the last
// lines of the log and where the whole log is.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The last `count` lines of a file ('' when it cannot be read). */
export function tailOfFile(file, count = 30) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  return lines.slice(-count).join('\n');
}

/**
 * Runs `body(steps)` with its commands' output sent to `logFile` (started afresh) and one progress
 * line written to `out`. `steps.run(command, args, options)` is spawnSync with stdout and stderr
 * appended to the log (options.env, cwd and timeout are passed on); it returns spawnSync's result.
 * `steps.note(text)` writes a line of the script's own into the log. When `body` throws, the last
 * `tailLines` lines of the log and its path are written to `out`, and the error is thrown again
 * with the log's path in its message. Returns what `body` returns.
 */
export function installQuietly({ title, logFile, out = process.stderr, tailLines = 30, now = Date.now }, body) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, `${title}, started ${new Date().toISOString()}\n`);
  const started = now();
  out.write(`${title} (log: ${logFile})… `);
  const note = (text) => fs.appendFileSync(logFile, `${text}\n`);
  const run = (command, args = [], options = {}) => {
    note(`\n$ ${[command, ...args].join(' ')}`);
    const fd = fs.openSync(logFile, 'a');
    try {
      const result = spawnSync(command, args, { ...options, stdio: ['ignore', fd, fd] });
      if (result.error) note(`(could not run ${command}: ${result.error.message})`);
      else if (result.status !== 0) note(`(${command} exited with ${result.status ?? result.signal})`);
      return result;
    } finally {
      fs.closeSync(fd);
    }
  };
  const seconds = () => Math.round((now() - started) / 1000);
  let value;
  try {
    value = body({ run, note });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const took = seconds();
    note(`\nFAILED after ${took} s: ${message}`);
    out.write(`failed after ${took} s: ${message}\n`);
    out.write(`--- last ${tailLines} lines of ${logFile} ---\n${tailOfFile(logFile, tailLines)}\n--- end of log; full log: ${logFile} ---\n`);
    const wrapped = new Error(`${message} (full log: ${logFile})`);
    wrapped.cause = error;
    throw wrapped;
  }
  const took = seconds();
  note(`\ndone in ${took} s`);
  out.write(`done in ${took} s\n`);
  return value;
}
