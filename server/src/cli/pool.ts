import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, FileTask } from './checkFile';
import type { WorkerRequest } from './worker';

/**
 * Checks files on worker threads and yields the outcomes in input order, as soon as each is
 * known, so that output streams. Only a bounded window of files is in flight (memory stays flat
 * whatever the repository's size). A thread that dies (out of memory, a native crash) costs the
 * file it was checking, reported as not checked; the other files of its batches go to a new thread.
 */

/** Files per message: enough to amortise messaging, few enough to balance the threads. */
const BATCH = 16;
/** Heap of one thread: a runaway file ends its thread, not the run. */
const WORKER_HEAP_MB = 1024;

export interface PoolOptions {
  readonly jobs: number;
  readonly workerFile: string;
  readonly log: (message: string) => void;
  /** Test hook: passed to the workers (see worker.ts). */
  readonly crashMarker?: string;
}

/** The bundled worker next to the CLI bundle, or undefined when running from sources (then files are checked in-process). */
export function bundledWorker(dir: string): string | undefined {
  const file = path.join(dir, 'cli-worker.js');
  return fs.existsSync(file) ? file : undefined;
}

export async function* checkInWorkers(tasks: readonly FileTask[], options: PoolOptions): AsyncGenerator<FileOutcome> {
  const done = new Map<number, FileOutcome>();
  const queue: number[] = [];
  let nextToQueue = 0;
  let nextToYield = 0;
  const window = Math.max(1024, options.jobs * BATCH * 4);
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  interface Slot {
    worker: Worker;
    inFlight: number[];
    /** The index of the file the thread is checking (written by the thread). */
    current: Int32Array;
  }
  const slots: Slot[] = [];

  const refill = () => {
    while (nextToQueue < tasks.length && nextToQueue < nextToYield + window) queue.push(nextToQueue++);
  };
  const dispatch = (slot: Slot) => {
    refill();
    if (slot.inFlight.length > BATCH / 2 || queue.length === 0) return;
    const indexes = queue.splice(0, BATCH);
    slot.inFlight.push(...indexes);
    const request: WorkerRequest = { tasks: indexes.map((index) => ({ ...tasks[index]!, index })) };
    slot.worker.postMessage(request);
  };
  const start = (): Slot => {
    const current = new Int32Array(new SharedArrayBuffer(4)).fill(-1);
    const worker = new Worker(options.workerFile, {
      workerData: { current, crashMarker: options.crashMarker },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, inFlight: [], current };
    worker.on('message', (message: { type: 'results'; json: string } | { type: 'log'; message: string }) => {
      if (message.type === 'log') {
        options.log(message.message);
        return;
      }
      for (const { index, outcome } of JSON.parse(message.json) as { index: number; outcome: FileOutcome }[]) {
        done.set(index, outcome);
        slot.inFlight.splice(slot.inFlight.indexOf(index), 1);
      }
      dispatch(slot);
      notify();
    });
    let ended = false;
    const died = (why: string) => {
      if (ended) return;
      ended = true;
      // The file the thread was checking is reported; the rest of its batches are checked again by a new thread.
      const running = Atomics.load(slot.current, 0);
      const culprit = slot.inFlight.includes(running) ? running : slot.inFlight[0];
      const rest = slot.inFlight.filter((index) => index !== culprit);
      if (culprit !== undefined) {
        done.set(culprit, { message: `${tasks[culprit]!.path}: not checked (internal error: ${why})`, unreadable: true });
        queue.unshift(...rest);
        slots[slots.indexOf(slot)] = start();
        for (const other of slots) dispatch(other);
      }
      notify();
    };
    worker.on('error', (error) => died(error instanceof Error ? error.message : String(error)));
    worker.on('exit', (code) => died(`worker thread exited with code ${code}`));
    return slot;
  };

  for (let i = 0; i < Math.min(options.jobs, Math.ceil(tasks.length / BATCH)); i++) slots.push(start());
  for (const slot of slots) dispatch(slot);
  try {
    while (nextToYield < tasks.length) {
      const outcome = done.get(nextToYield);
      if (outcome === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      done.delete(nextToYield);
      nextToYield++;
      yield outcome;
      // Yielding moved the window: give idle threads work.
      for (const slot of slots) dispatch(slot);
    }
  } finally {
    for (const slot of slots) {
      slot.worker.removeAllListeners('exit');
      slot.worker.removeAllListeners('error');
      void slot.worker.terminate();
    }
  }
}
