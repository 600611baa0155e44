import { parentPort, workerData } from 'node:worker_threads';
import { createLanguageService } from '../service/languageService';
import { checkFile, type FileOutcome, type FileTask } from './checkFile';

/**
 * A worker thread of `check --jobs N` (bundled as dist/cli-worker.js): one language service,
 * files in batches from the pool, the results of a batch in one message.
 */

export interface WorkerRequest {
  readonly tasks: readonly (FileTask & { readonly index: number })[];
}

const port = parentPort;
if (port) {
  const log = (message: string) => port.postMessage({ type: 'log', message });
  const service = createLanguageService({ log });
  const data = workerData as { current: Int32Array; crashMarker?: string };
  port.on('message', (request: WorkerRequest) => {
    const results: { index: number; outcome: FileOutcome }[] = [];
    for (const task of request.tasks) {
      // Which file runs now, in memory the pool shares: if this thread dies, the pool knows which file it was.
      Atomics.store(data.current, 0, task.index);
      // For tests of per-file isolation only: a file whose path contains this marker ends the thread abruptly.
      if (data.crashMarker && task.path.includes(data.crashMarker)) process.exit(70);
      results.push({ index: task.index, outcome: checkFile(service, task) });
    }
    // One message per batch, as one JSON string: a message per file, or structured cloning of the
    // nested diagnostics, cost more than the analysis of a small file.
    port.postMessage({ type: 'results', json: JSON.stringify(results) });
  });
}
