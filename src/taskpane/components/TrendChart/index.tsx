import { Caption1, tokens } from "@fluentui/react-components";
import { formatNumber } from "../../../core";

export interface TrendChartProps {
  series: { label: string; value: number }[];
  title: string;
  polarity: string | null;
  target: number | null;
}

/**
 * A small line chart of an indicator's recent values, drawn as SVG (no chart
 * library needed for this): values on the axis, the target as a dashed line.
 */
export function TrendChart({ series, title, polarity, target }: TrendChartProps) {
  if (series.length < 2) return <Caption1>Not enough history for a chart.</Caption1>;
  const w = 280;
  const h = 96;
  const left = 40;
  const right = 8;
  const top = 8;
  const bottom = 16;
  const values = series.map((p) => p.value);
  const all = target === null ? values : [...values, target];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) => left + (i * (w - left - right)) / (series.length - 1);
  const y = (v: number) => h - bottom - ((v - min) * (h - top - bottom)) / span;
  const points = series.map((p, i) => `${x(i)},${y(p.value)}`).join(" ");
  const muted = tokens.colorNeutralForeground3;
  const description =
    `${title}: ${series.map((p) => `${p.label} ${formatNumber(p.value)}`).join(", ")}` +
    `${target === null ? "" : `; target ${formatNumber(target)}`}${polarity ? ` (${polarity.toLowerCase()})` : ""}`;
  return (
    <svg width="100%" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={description}>
      <line x1={left} x2={left} y1={top} y2={h - bottom} stroke={muted} strokeWidth="1" />
      {[max, min].map((v) => (
        <text key={v} x={left - 4} y={y(v) + 3} fontSize="9" textAnchor="end" fill={muted}>{formatNumber(v)}</text>
      ))}
      {target !== null && (
        <>
          <line x1={left} x2={w - right} y1={y(target)} y2={y(target)} stroke={tokens.colorPaletteGreenForeground1} strokeWidth="1.5" strokeDasharray="4 3" />
          <text x={w - right} y={y(target) < top + 12 ? y(target) + 11 : y(target) - 3} fontSize="9" textAnchor="end" fill={tokens.colorPaletteGreenForeground1}>Target {formatNumber(target)}</text>
        </>
      )}
      <polyline points={points} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth="2" />
      {series.map((p, i) => (
        <circle key={p.label} cx={x(i)} cy={y(p.value)} r={i === series.length - 1 ? 4 : 2.5} fill={i === series.length - 1 ? tokens.colorPaletteDarkOrangeForeground1 : tokens.colorBrandForeground1} />
      ))}
      <text x={left} y={h - 3} fontSize="9" fill={muted}>{series[0].label}</text>
      <text x={w - right} y={h - 3} fontSize="9" textAnchor="end" fill={muted}>{series[series.length - 1].label}</text>
    </svg>
  );
}
