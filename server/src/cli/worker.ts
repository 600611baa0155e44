import { parentPort, workerData } from 'node:worker_threads';
import { createLanguageService } from '../service/languageService';
import { checkFile, type FileTask } from './checkFile';

/**
 * A worker thread of `check --jobs N` (bundled as dist/cli-worker.js): one language service,
 * files in batches from the pool, one message per file as soon as it is done, so the pool knows
 * exactly which file was running if this thread dies.
 */

export interface WorkerRequest {
  readonly tasks: readonly (FileTask & { readonly index: number })[];
}

const port = parentPort;
if (port) {
  const log = (message: string) => port.postMessage({ type: 'log', message });
  const service = createLanguageService({ log });
  // For tests of per-file isolation only: a file whose name contains this marker ends the thread abruptly.
  const crashMarker = (workerData as { crashMarker?: string } | undefined)?.crashMarker;
  port.on('message', (request: WorkerRequest) => {
    for (const task of request.tasks) {
      if (crashMarker && task.path.includes(crashMarker)) process.exit(70);
      // A JSON string: structured cloning of the nested diagnostics cost more than the analysis of a small file.
      port.postMessage({ type: 'result', index: task.index, outcome: JSON.stringify(checkFile(service, task)) });
    }
  });
}
