import { useId } from 'react';

// A horizontal bar chart drawn on the server as SVG: it needs no JavaScript,
// and a screen reader hears its title and a description that lists every bar
// (the page's tables hold the same figures).

export interface Bar {
  label: string;
  /** null: no bar (a withheld amount); `display` then says why. */
  value: number | null;
  display: string;
}

const WIDTH = 720;
const LABEL_WIDTH = 280;
const VALUE_WIDTH = 150;
const ROW = 28;

export function BarChart({ title, bars, empty }: { title: string; bars: Bar[]; empty: string }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const description = bars.length ? bars.map((bar) => `${bar.label}: ${bar.display}`).join('; ') : empty;
  const height = Math.max(1, bars.length) * ROW;
  return (
    <figure className="stats-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.length === 0 ? (
          <text x={0} y={ROW / 2} dominantBaseline="middle" fill="currentColor" fontSize={13}>
            {empty}
          </text>
        ) : (
          bars.map((bar, i) => {
            const length = bar.value === null ? 0 : (bar.value / max) * (WIDTH - LABEL_WIDTH - VALUE_WIDTH);
            return (
              <g key={bar.label} transform={`translate(0 ${i * ROW})`}>
                <text
                  x={LABEL_WIDTH - 8}
                  y={ROW / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fill="currentColor"
                  fontSize={13}
                >
                  {bar.label}
                </text>
                <rect
                  x={LABEL_WIDTH}
                  y={5}
                  width={length}
                  height={ROW - 10}
                  className="stats-chart__bar"
                  fill="currentColor"
                />
                <text
                  x={LABEL_WIDTH + length + 6}
                  y={ROW / 2}
                  dominantBaseline="middle"
                  fill="currentColor"
                  fontSize={13}
                >
                  {bar.display}
                </text>
              </g>
            );
          })
        )}
      </svg>
      <figcaption aria-hidden="true">{title}</figcaption>
    </figure>
  );
}
