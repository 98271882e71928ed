// Probability calibration (kernels/tournament/calibrate.ts) as ONNX, formula for formula:
// Platt σ(a · logit(clip p) + b), isotonic interpolation between breakpoints (then clipped), and
// temperature scaling (1 − s)·softmax(log max(p, 1e-15) / T) + s / k for multiclass.
import type { Calibration } from '../tournament/calibrate';
import type { GraphBuilder } from './graph-builder';
import { DataType } from './proto';

const EPS = 1e-7;

/** Calibrated predictions of the same shape as `p` ([N, 1] binary, [N, k] multiclass). */
export function calibrated(g: GraphBuilder, calibration: Calibration, p: string): string {
  switch (calibration.method) {
    case 'platt': {
      const q = clip(g, p);
      const logit = g.op1('Log', [g.div(q, g.sub(g.scalar('one', 1), q, 'one_minus_p'), 'odds')], 'logit');
      const z = g.add(g.mul(g.scalar('platt_a', calibration.a), logit, 'platt_scaled'), g.scalar('platt_b', calibration.b), 'platt_z');
      return g.op1('Sigmoid', [z], 'calibrated');
    }
    case 'isotonic':
      return clip(g, isotonic(g, calibration.x, calibration.y, p));
    case 'temperature': {
      const logp = g.op1('Log', [g.op1('Max', [p, g.scalar('floor', 1e-15)], 'floored')], 'log_p');
      const z = g.mul(logp, g.scalar('inverse_temperature', 1 / calibration.temperature), 'tempered');
      const smoothing = calibration.smoothing ?? 0;
      if (!smoothing) return g.op1('Softmax', [z], 'calibrated', [{ name: 'axis', int: 1 }]);
      const q = g.op1('Softmax', [z], 'scaled', [{ name: 'axis', int: 1 }]);
      return g.add(g.mul(q, g.scalar('keep', 1 - smoothing), 'kept'), g.scalar('uniform_share', smoothing / calibration.nClasses), 'calibrated');
    }
  }
}

function clip(g: GraphBuilder, p: string): string {
  return g.op1('Min', [g.op1('Max', [p, g.scalar('eps', EPS)], 'clip_low'), g.scalar('one_minus_eps', 1 - EPS)], 'clipped');
}

/**
 * y[0] at or below x[0], y[m−1] at or above x[m−1], else linear between breakpoints lo and lo + 1,
 * lo the last breakpoint ≤ p (x is sorted, so lo = #{x ≤ p} − 1).
 */
function isotonic(g: GraphBuilder, x: number[], y: number[], p: string): string {
  const m = x.length;
  const first = g.scalar('iso_y_first', y[0]);
  if (m === 1) return g.where(g.isNaN(p), first, first, 'isotonic');
  const xs = g.double('iso_x', x);
  const ys = g.double('iso_y', y);
  const below = g.cast(g.op1('LessOrEqual', [xs, p], 'breakpoint_below'), DataType.DOUBLE, 'breakpoint_below_double');
  const count = g.cast(g.reduceSum(below, 1, 'breakpoints_below'), DataType.INT64, 'breakpoints_below_int');
  // Clamped so the gathers stay in range; the rows it matters for take an end value below.
  const lo = g.op1('Min', [g.op1('Max', [g.sub(count, g.int64('one_int', [1], []), 'lo_raw'), g.int64('zero_int', [0], [])], 'lo_low'), g.int64('last_lo', [m - 2], [])], 'lo');
  const hi = g.add(lo, g.int64('one_int', [1], []), 'hi');
  const at = (table: string, i: string, hint: string) => g.op1('Gather', [table, i], hint, [{ name: 'axis', int: 0 }]);
  const xlo = at(xs, lo, 'x_lo');
  const xhi = at(xs, hi, 'x_hi');
  const ylo = at(ys, lo, 'y_lo');
  const yhi = at(ys, hi, 'y_hi');
  const t = g.div(g.sub(p, xlo, 'p_from_lo'), g.sub(xhi, xlo, 'x_step'), 'iso_t');
  const inside = g.add(ylo, g.mul(t, g.sub(yhi, ylo, 'y_step'), 'y_rise'), 'iso_inside');
  const atTop = g.op1('GreaterOrEqual', [p, g.scalar('iso_x_last', x[m - 1])], 'at_top');
  const atBottom = g.op1('LessOrEqual', [p, g.scalar('iso_x_first', x[0])], 'at_bottom');
  return g.where(atBottom, first, g.where(atTop, g.scalar('iso_y_last', y[m - 1]), inside, 'iso_upper'), 'isotonic');
}
