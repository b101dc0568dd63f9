import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, at the one moment a run lets go of most of
 * what it built: the report (most of a large run's memory) once the output
 * sheets are planned, before the save starts building the file. V8 would
 * otherwise keep the dead report until its heap grew well past it, so a
 * 50,000-indicator run peaked at about 410 MB instead of about 270 MB
 * (docs/performance.md). Node only exposes the collector behind a flag,
 * which is set here for this process.
 */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
