// Tree learners split a categorical column best as one feature of category codes (LightGBM-style
// categorical splits group many levels at once) rather than as its one-hot indicators. The
// feature pipeline one-hots categoricals for every learner; this view folds each one-hot group
// of the matrix back into one code feature (the index of the hot indicator, missing when none
// is), marked categorical. It is plain JSON kept with the model, so scoring replays it.
import type { Matrix } from '../learn/matrix';

export interface CategoricalView {
  /** Each group becomes one categorical feature named after its raw column. */
  groups: { name: string; members: string[] }[];
}

interface DerivationLike {
  kind?: unknown;
  column?: unknown;
  outputs?: unknown;
}

/** The one-hot groups of a pipeline spec present in the matrix (two members or more), if any. */
export function categoricalView(spec: unknown, featureNames: readonly string[]): CategoricalView | undefined {
  const present = new Set(featureNames);
  const derivations = (spec as { derivations?: DerivationLike[] } | undefined)?.derivations;
  if (!Array.isArray(derivations)) return undefined;
  const taken = new Set(featureNames);
  const groups: CategoricalView['groups'] = [];
  for (const d of derivations) {
    if (d.kind !== 'one-hot' || typeof d.column !== 'string' || !Array.isArray(d.outputs)) continue;
    const members = (d.outputs as unknown[]).filter((o): o is string => typeof o === 'string' && present.has(o));
    if (members.length < 2) continue;
    let name = d.column;
    while (taken.has(name)) name = `${name}#codes`;
    taken.add(name);
    groups.push({ name, members });
  }
  return groups.length ? { groups } : undefined;
}

/** The matrix with every group folded into one categorical code feature, at its first member's place. */
export function applyCategoricalView(view: CategoricalView, X: Matrix): Matrix {
  const index = new Map(X.featureNames.map((name, j) => [name, j]));
  const groupOf = new Map<number, number>();
  view.groups.forEach((g, gi) => g.members.forEach((m) => {
    const j = index.get(m);
    if (j !== undefined) groupOf.set(j, gi);
  }));
  const columns: Matrix['columns'] = [];
  const featureNames: string[] = [];
  const categorical: boolean[] = [];
  const normalized: boolean[] = [];
  const emitted = new Set<number>();
  for (let j = 0; j < X.columns.length; j++) {
    const gi = groupOf.get(j);
    if (gi === undefined) {
      columns.push(X.columns[j]);
      featureNames.push(X.featureNames[j]);
      categorical.push(X.categorical?.[j] ?? false);
      normalized.push(X.normalized?.[j] ?? false);
      continue;
    }
    if (emitted.has(gi)) continue;
    emitted.add(gi);
    const members = view.groups[gi].members.map((m) => index.get(m)).map((k) => (k === undefined ? null : X.columns[k]));
    const codes = new Float32Array(X.nRows).fill(NaN);
    for (let i = 0; i < X.nRows; i++) {
      for (let c = 0; c < members.length; c++) {
        if (members[c]?.[i] === 1) {
          codes[i] = c;
          break;
        }
      }
    }
    columns.push(codes);
    featureNames.push(view.groups[gi].name);
    categorical.push(true);
    normalized.push(false);
  }
  return { nRows: X.nRows, columns, featureNames, categorical, ...(X.normalized ? { normalized } : {}) };
}
