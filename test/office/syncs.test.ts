/**
 * Speed by construction: a whole run's syncs do not follow the number of
 * rows — only the data's size, one sync per ~4 MB request — and no request
 * or response passes Excel on the web's 5 MB limit (the fake fails it if so).
 */
import { measure } from "../bench/office-syncs";

describe("syncs for a whole run on the strict fake", () => {
  it("stay a small constant at 1,000 rows and grow only per 4 MB of data at 100,000 rows", async () => {
    const small = await measure(1_000);
    const large = await measure(100_000);
    // A fixed few: settings (and their last good copy) read and saved, sheets listed with their markers, the write.
    expect(small.syncs).toBeLessThanOrEqual(20);
    // 100× the rows: reads and writes move about 40 MB, so about ten more requests, not 99,000.
    expect(large.syncs - small.syncs).toBeLessThanOrEqual(12);
    expect(large.maxRequest).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(large.maxResponse).toBeLessThanOrEqual(5 * 1024 * 1024);
  }, 600_000);
});
