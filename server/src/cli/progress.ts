/**
 * The progress line of `check` on a terminal: on stderr, redrawn at most every 100 ms, erased at
 * the end, and never written when stderr is not a terminal (CI logs and pipes stay clean).
 */
export interface Progress {
  tick(done: number): void;
  /** Writes a line to stderr without garbling the progress line. */
  message(line: string): void;
  end(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const write = (text: string) => stream.write(text);
  if (!stream.isTTY || total < 2) {
    return { tick: () => undefined, message: (line) => write(`${line}\n`), end: () => undefined };
  }
  let last = 0;
  let shown = false;
  const started = Date.now();
  const clear = () => {
    if (shown) write('\r\u001b[K');
    shown = false;
  };
  let done = 0;
  const draw = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    write(`\r\u001b[Kchecking ${done}/${total} files (${Math.floor((done / total) * 100)}%, ${rate}/s)`);
    shown = true;
  };
  return {
    tick(count) {
      done = count;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw();
    },
    message(line) {
      clear();
      write(`${line}\n`);
    },
    end: clear,
  };
}
