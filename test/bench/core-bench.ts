/**
 * Core benchmark (not a test): status, both trends and SPC for 100,000
 * indicators × 8 quarters. Prints the time per 100k indicators.
 *   npm run bench            human-readable
 *   npm run bench -- --json  the same figures as JSON
 */
import { assessIndicator, IndicatorSeries, Period, Polarity } from "../../src/core";

const QUARTERS = 8;
const COUNT = Number(process.env.BENCH_INDICATORS ?? 100_000);

function makeIndicators(n: number): IndicatorSeries[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: IndicatorSeries[] = [];
  for (let i = 0; i < n; i++) {
    const base = 20 + rand() * 80;
    out.push({
      key: `IND-${i}`,
      title: `Indicator ${i}`,
      polarity: (["Maximise", "Minimise", "Goldilocks"] as Polarity[])[i % 3],
      target: i % 5 === 0 ? null : base * (0.9 + rand() * 0.2),
      points: Array.from({ length: QUARTERS }, (_, q) => ({
        period: { kind: "quarter", fy: 2020 + Math.floor(q / 4), quarter: ((q % 4) + 1) as 1 | 2 | 3 | 4 } as Period,
        value: rand() < 0.05 ? null : base + (rand() - 0.5) * 10,
      })),
    });
  }
  return out;
}

function main(): void {
  const indicators = makeIndicators(COUNT);
  const period: Period = { kind: "quarter", fy: 2021, quarter: 4 };
  // Warm up the JIT so the figure is the steady state a batch run sees.
  for (const ind of indicators.slice(0, 2000)) assessIndicator(ind, period, { spc: true });
  const start = process.hrtime.bigint();
  let red = 0;
  for (const ind of indicators) if (assessIndicator(ind, period, { spc: true }).status === "Red") red++;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const per100k = (ms * 100_000) / COUNT;
  const result = { indicators: COUNT, quarters: QUARTERS, ms: Math.round(ms), msPer100k: Math.round(per100k), red };
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else console.log(`core: ${COUNT} indicators × ${QUARTERS} quarters (status, short and long trend, SPC) in ${result.ms} ms = ${result.msPer100k} ms per 100k indicators`);
}

main();
