import { getHeapStatistics, setFlagsFromString } from "v8";
import { useNodeZlib } from "./node-zlib";
import { useHeapLimit } from "../workbook/xlsx/reader/limits";

/**
 * V8's optimising compiler, tuned for long-lived pages and servers, spent a
 * sixth of a short command-line run's CPU on its own threads (a function
 * compiled, re-compiled after a change of types, with everything it calls
 * inlined). Optimising a function after about six times as much work, and
 * inlining a quarter as much into it, compiles 180 functions in 0.5 s
 * instead of 245 in 1.5 s, and cut a 50,000-row summarise's CPU by about 8%
 * (docs/performance.md). Set before any of the run's code is hot; the pane
 * (a browser) is not affected.
 */
const COMPILER_FLAGS = ["--interrupt-budget=400000", "--max-inlined-bytecode-size-cumulative=230"];

/**
 * What Node gives the command line that a browser does not: its zlib, and
 * the size of its heap, which sets how many cells a read may take (Node
 * sizes its heap from the machine's memory, up to about 4 GB).
 */
export function useNodeHost(): void {
  for (const flag of COMPILER_FLAGS) setFlagsFromString(flag);
  useNodeZlib();
  useHeapLimit(getHeapStatistics().heap_size_limit);
}
