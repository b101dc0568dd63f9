/**
 * Progress on stderr: on a terminal, one line rewritten in place and erased
 * when the run ends, so a refusal is still the only line left; elsewhere
 * (a script, a log) nothing unless --progress asks for a line per step.
 */
export interface Progress {
  step(step: string, fraction: number): void;
  /** Erase the terminal's progress line before a result or a refusal is printed. */
  done(): void;
}

export function progress(stream: NodeJS.WriteStream, asked: boolean): Progress {
  const tty = !!stream.isTTY;
  let shown = false;
  const text = (step: string, fraction: number) => `[${Math.round(fraction * 100).toString().padStart(3)}%] ${step}`;
  if (tty) {
    return {
      step: (s, f) => {
        stream.write(`\r\x1b[2K${text(s, f)}`);
        shown = true;
      },
      done: () => {
        if (shown) stream.write("\r\x1b[2K");
        shown = false;
      },
    };
  }
  return { step: (s, f) => asked && stream.write(`${text(s, f)}\n`), done: () => undefined };
}

export const silent: Progress = { step: () => undefined, done: () => undefined };
