import { Caption1, tokens } from "@fluentui/react-components";

export interface TrendChartProps {
  series: { label: string; value: number }[];
  title: string;
  polarity: string | null;
}

/** A small line chart of an indicator's recent values, drawn as SVG (no chart library needed for this). */
export function TrendChart({ series, title, polarity }: TrendChartProps) {
  if (series.length < 2) return <Caption1>Not enough history for a chart.</Caption1>;
  const w = 280;
  const h = 70;
  const pad = 6;
  const values = series.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => pad + (i * (w - 2 * pad)) / (series.length - 1);
  const y = (v: number) => h - pad - ((v - min) * (h - 2 * pad)) / span;
  const points = series.map((p, i) => `${x(i)},${y(p.value)}`).join(" ");
  const description = `${title}: ${series.map((p) => `${p.label} ${p.value}`).join(", ")}${polarity ? ` (${polarity.toLowerCase()})` : ""}`;
  return (
    <svg width="100%" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={description}>
      <polyline points={points} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth="2" />
      {series.map((p, i) => (
        <circle key={p.label} cx={x(i)} cy={y(p.value)} r={i === series.length - 1 ? 4 : 2.5} fill={i === series.length - 1 ? tokens.colorPaletteDarkOrangeForeground1 : tokens.colorBrandForeground1} />
      ))}
      <text x={pad} y={h - 1} fontSize="9" fill={tokens.colorNeutralForeground3}>{series[0].label}</text>
      <text x={w - pad} y={h - 1} fontSize="9" textAnchor="end" fill={tokens.colorNeutralForeground3}>{series[series.length - 1].label}</text>
    </svg>
  );
}
