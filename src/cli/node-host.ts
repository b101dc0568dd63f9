import { getHeapStatistics } from "v8";
import { useNodeZlib } from "./node-zlib";
import { useHeapLimit } from "../workbook/xlsx/reader/limits";

/**
 * What Node gives the command line that a browser does not: its zlib, and
 * the size of its heap, which sets how many cells a read may take (Node
 * sizes its heap from the machine's memory, up to about 4 GB).
 */
export function useNodeHost(): void {
  useNodeZlib();
  useHeapLimit(getHeapStatistics().heap_size_limit);
}
