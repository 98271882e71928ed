// A tournament member's categorical view as ONNX (kernels/tournament/categorical-view.ts): each
// one-hot group of the pipeline matrix becomes one code feature — the position (within the
// group's member list) of the first indicator equal to 1, missing (NaN) when none is — placed at
// its first present member's column; the other columns pass through. The result is the member's
// own matrix [N, its features].
import type { CategoricalView } from '../tournament/categorical-view';
import type { GraphBuilder } from './graph-builder';
import { DataType } from './proto';

export function viewedMatrix(g: GraphBuilder, view: CategoricalView, x: string, featureNames: readonly string[]): { x: string; featureNames: string[] } {
  const index = new Map(featureNames.map((name, j) => [name, j]));
  const groupOf = new Map<number, number>();
  view.groups.forEach((group, gi) => group.members.forEach((m) => {
    const j = index.get(m);
    if (j !== undefined) groupOf.set(j, gi);
  }));
  // Columns of [x, codes…]: the matrix's own, then one per group.
  const codes = view.groups.map((group) => groupCodes(g, x, group.members.map((m) => index.get(m))));
  const take: number[] = [];
  const names: string[] = [];
  const emitted = new Set<number>();
  for (let j = 0; j < featureNames.length; j++) {
    const gi = groupOf.get(j);
    if (gi === undefined) {
      take.push(j);
      names.push(featureNames[j]);
    } else if (!emitted.has(gi)) {
      emitted.add(gi);
      take.push(featureNames.length + gi);
      names.push(view.groups[gi].name);
    }
  }
  const widened = g.concat([x, ...codes], 1, 'matrix_with_codes');
  return { x: g.columns(widened, take, 'member_matrix'), featureNames: names };
}

/** [N, 1] codes of one group: the first member (by list position) equal to 1, else NaN. */
function groupCodes(g: GraphBuilder, x: string, members: (number | undefined)[]): string {
  const present = members.flatMap((j, c) => (j === undefined ? [] : [{ j, c }]));
  const nan = g.scalar('missing', NaN);
  if (!present.length) return g.where(g.isNaN(g.columns(x, [0], 'first_column')), nan, nan, 'no_codes');
  const hot = g.op1('Equal', [g.columns(x, present.map((p) => p.j), 'group_indicators'), g.scalar('one', 1)], 'is_hot');
  const hotDouble = g.cast(hot, DataType.DOUBLE, 'is_hot_double');
  // ArgMax keeps the first maximum: the first hot indicator, mapped back to its list position.
  const first = g.op1('ArgMax', [hotDouble], 'first_hot', [{ name: 'axis', int: 1 }, { name: 'keepdims', int: 1 }]);
  const code = g.cast(g.op1('Gather', [g.int64('member_position', present.map((p) => p.c)), first], 'code_int', [{ name: 'axis', int: 0 }]), DataType.DOUBLE, 'code');
  const any = g.cast(g.reduceMax(hotDouble, 1, 'any_hot_double'), DataType.BOOL, 'any_hot');
  return g.where(any, code, nan, 'group_code');
}
