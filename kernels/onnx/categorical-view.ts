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
  // Columns of [x, codes]: the matrix's own, then one per group.
  const widened = view.groups.length ? g.concat([x, groupCodes(g, x, view.groups.map((group) => group.members.map((m) => index.get(m))))], 1, 'matrix_with_codes') : x;
  return { x: g.columns(widened, take, 'member_matrix'), featureNames: names };
}

/**
 * [N, G] codes of all G groups in one block of a dozen operators, whatever G (a node chain per
 * group made a one-row run pay ~11 operator dispatches a group): the groups' members are gathered
 * into [N, G, W] (W the largest group; short groups padded with slots a constant mask keeps cold),
 * and per group the first member equal to 1 is mapped back to its list position, NaN when none is.
 */
function groupCodes(g: GraphBuilder, x: string, groups: (number | undefined)[][]): string {
  const present = groups.map((members) => members.flatMap((j, c) => (j === undefined ? [] : [{ j, c }])));
  const G = groups.length;
  const W = Math.max(1, ...present.map((p) => p.length));
  const index: number[] = [];
  const live: number[] = [];
  const position: number[] = [];
  for (const members of present) {
    for (let w = 0; w < W; w++) {
      index.push(members[w]?.j ?? 0);
      live.push(members[w] ? 1 : 0);
      position.push(members[w]?.c ?? 0);
    }
  }
  const isOne = g.op1('Equal', [g.columns(x, index, 'group_members'), g.scalar('one', 1)], 'is_one');
  const hot = g.op1('And', [isOne, g.bool('member_slot', live)], 'is_hot');
  const hotDouble = g.cast(g.reshape(hot, [-1, G, W], 'is_hot_by_group'), DataType.DOUBLE, 'is_hot_double');
  // ArgMax keeps the first maximum: the first hot member, mapped back to its list position.
  const first = g.op1('ArgMax', [hotDouble], 'first_hot', [{ name: 'axis', int: 2 }, { name: 'keepdims', int: 0 }]);
  const slot = g.add(first, g.int64('group_offset', groups.map((_, gi) => gi * W)), 'first_hot_slot');
  const code = g.cast(g.op1('Gather', [g.int64('member_position', position), slot], 'code_int', [{ name: 'axis', int: 0 }]), DataType.DOUBLE, 'code');
  const any = g.cast(g.op1('ReduceMax', [hotDouble], 'any_hot_double', [{ name: 'axes', ints: [2] }, { name: 'keepdims', int: 0 }]), DataType.BOOL, 'any_hot');
  return g.where(any, code, g.scalar('missing', NaN), 'group_codes');
}
