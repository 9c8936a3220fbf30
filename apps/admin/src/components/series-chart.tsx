// Small inline SVG charts for the dashboard and analytics (no chart library): a line (with a dot
// per point) or bars, a light grid with the top value, the first and last dates under it. Each
// point carries its value in a <title> (the browser's tooltip), and the figure has a text summary.

export interface ChartPoint {
  /** YYYY-MM-DD (a day, or the first day of a month). */
  date: string;
  value: number;
}

const W = 600;
const H = 180;
const PAD = { top: 12, right: 8, bottom: 22, left: 8 };

/** A round-ish top for the scale: 1, 2, 2.5 or 5 times a power of ten, at least the max. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= max) return m * pow;
  return 10 * pow;
}

export function SeriesChart({
  title,
  points,
  kind = 'line',
  format,
  formatDate,
}: {
  title: string;
  points: ChartPoint[];
  kind?: 'line' | 'bar';
  /** How a value reads (a count, an amount of money). */
  format: (value: number) => string;
  /** How a point's date reads (a day, a month). */
  formatDate: (date: string) => string;
}) {
  const top = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const n = points.length;
  const step = n > 0 ? innerW / n : innerW;
  const x = (i: number) => PAD.left + step * i + step / 2;
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const total = points.reduce((s, p) => s + p.value, 0);
  const first = points[0];
  const last = points[n - 1];
  const summary =
    n === 0
      ? `${title}: no data`
      : `${title}, ${formatDate(first!.date)} to ${formatDate(last!.date)}: from ${format(first!.value)} to ${format(last!.value)}, highest ${format(Math.max(...points.map((p) => p.value)))}`;

  return (
    <figure className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <figcaption className="flex items-baseline justify-between gap-4">
        <span className="font-semibold text-slate-900">{title}</span>
        {kind === 'bar' && n > 0 && <span className="text-sm tabular-nums text-slate-500">{format(total)} in all</span>}
        {kind === 'line' && last && <span className="text-sm tabular-nums text-slate-500">{format(last.value)}</span>}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="mt-3 h-auto w-full">
        {[0, 0.5, 1].map((f) => (
          <line
            key={f}
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(top * f)}
            y2={y(top * f)}
            className="stroke-slate-100"
            strokeWidth={1}
          />
        ))}
        <text x={PAD.left} y={PAD.top - 2} className="fill-slate-400 text-[10px]">
          {format(top)}
        </text>
        {kind === 'line' ? (
          <>
            {n > 1 && (
              <polyline
                points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
                fill="none"
                className="stroke-indigo-500"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
              />
            )}
            {points.map((p, i) => (
              <circle key={p.date} data-point={p.date} cx={x(i)} cy={y(p.value)} r={3} className="fill-indigo-600">
                <title>{`${formatDate(p.date)}: ${format(p.value)}`}</title>
              </circle>
            ))}
          </>
        ) : (
          points.map((p, i) => (
            <rect
              key={p.date}
              data-point={p.date}
              x={x(i) - Math.max(1, step * 0.35)}
              width={Math.max(2, step * 0.7)}
              y={y(p.value)}
              height={Math.max(0, PAD.top + innerH - y(p.value))}
              className="fill-indigo-500"
            >
              <title>{`${formatDate(p.date)}: ${format(p.value)}`}</title>
            </rect>
          ))
        )}
        {first && (
          <text x={PAD.left} y={H - 6} className="fill-slate-400 text-[10px]">
            {formatDate(first.date)}
          </text>
        )}
        {last && n > 1 && (
          <text x={W - PAD.right} y={H - 6} textAnchor="end" className="fill-slate-400 text-[10px]">
            {formatDate(last.date)}
          </text>
        )}
      </svg>
    </figure>
  );
}
