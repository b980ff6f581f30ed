import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  /** null draws no bar (no data), shown as such in the text table beside the chart. */
  value: number | null;
  /** Optional second value drawn as a thin mark across the bar (e.g. the 90th percentile). */
  mark?: number | null;
}

interface BarChartProps {
  /** What the chart shows, read by screen readers; the same figures stand in a table next to it. */
  title: string;
  bars: readonly Bar[];
  /** Unit after each value label, e.g. "d". */
  unit?: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const TOP = 16;
const BOTTOM = 36;
const LEFT = 8;

/**
 * A small bar chart as inline SVG (no script, no inline style: colours come from the stylesheet).
 * Decorative beside its data table: it carries a title, and the table holds the figures.
 */
export function BarChart({ title, bars, unit = '' }: BarChartProps) {
  const titleId = useId();
  const max = Math.max(1, ...bars.flatMap((b) => [b.value ?? 0, b.mark ?? 0]));
  const slot = (WIDTH - LEFT) / Math.max(1, bars.length);
  const barWidth = Math.max(6, Math.min(48, slot * 0.6));
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + plot - (v / max) * plot;
  return (
    <svg className="ui-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMinYMin meet">
      <title id={titleId}>{title}</title>
      <line className="ui-chart__axis" x1={LEFT} x2={WIDTH} y1={TOP + plot} y2={TOP + plot} />
      {bars.map((bar, index) => {
        const x = LEFT + index * slot + (slot - barWidth) / 2;
        const cx = x + barWidth / 2;
        return (
          <g key={bar.key}>
            {bar.value !== null ? (
              <>
                <rect className="ui-chart__bar" x={x} y={y(bar.value)} width={barWidth} height={Math.max(1, TOP + plot - y(bar.value))} />
                <text className="ui-chart__value" x={cx} y={y(bar.value) - 4} textAnchor="middle">
                  {`${bar.value}${unit}`}
                </text>
              </>
            ) : null}
            {bar.mark !== undefined && bar.mark !== null ? <line className="ui-chart__mark" x1={x - 3} x2={x + barWidth + 3} y1={y(bar.mark)} y2={y(bar.mark)} /> : null}
            <text className="ui-chart__label" x={cx} y={HEIGHT - 12} textAnchor="middle">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
