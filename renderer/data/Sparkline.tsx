/** A tiny bar sparkline of a column's distribution (inline SVG; the full chart is in the panel). */
export function Sparkline({ bars, label }: { bars?: readonly number[]; label: string }) {
  const width = 100;
  const height = 20;
  if (!bars) return <div className="td-spark td-spark-pending" aria-hidden />;
  if (bars.length === 0) return <div className="td-spark" aria-hidden />;
  const max = Math.max(...bars, 1);
  const step = width / bars.length;
  const gap = bars.length > 24 ? 0.5 : 1;
  return (
    <svg className="td-spark" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="data-sparkline">
      {bars.map((count, i) => {
        const h = count === 0 ? 0 : Math.max(1, (count / max) * height);
        return <rect key={i} x={i * step + gap / 2} y={height - h} width={Math.max(0.5, step - gap)} height={h} />;
      })}
    </svg>
  );
}
