// A parallel CPU load the benchmark makes itself, so that its figures also say how the server
// does on a busy machine (a build, a test run, another editor window) and not only on a quiet one.
import { spawn } from 'node:child_process';
import os from 'node:os';

/** How many busy processes the loaded runs start: one per core, the machine fully busy. */
export const LOAD_PROCESSES = os.availableParallelism();

/** Runs `measure` while `processes` busy loops compete for the cores; they are stopped however it ends. */
export async function underLoad(measure, processes = LOAD_PROCESSES) {
  const busy = [];
  for (let i = 0; i < processes; i++) busy.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  try {
    return await measure();
  } finally {
    for (const child of busy) child.kill('SIGKILL');
  }
}

/** The machine's load average over the last minute, for the report. */
export const loadAverage = () => os.loadavg()[0].toFixed(1);
