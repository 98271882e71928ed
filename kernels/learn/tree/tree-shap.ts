// Exact TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2): Shapley values of one tree's output
// in polynomial time, O(leaves × depth²) per row, with "cover" (training rows through each node)
// as the conditional distribution. The path bookkeeping (extend / unwind / unwound sum) follows
// the reference implementation.
import type { Tree } from './tree';

interface PathElement {
  feature: number;
  zero: number;
  one: number;
  weight: number;
}

function extendPath(m: PathElement[], depth: number, zero: number, one: number, feature: number): void {
  m[depth] = { feature, zero, one, weight: depth === 0 ? 1 : 0 };
  for (let i = depth - 1; i >= 0; i--) {
    m[i + 1].weight += (one * m[i].weight * (i + 1)) / (depth + 1);
    m[i].weight = (zero * m[i].weight * (depth - i)) / (depth + 1);
  }
}

function unwindPath(m: PathElement[], depth: number, pathIndex: number): void {
  const { one, zero } = m[pathIndex];
  let nextOne = m[depth].weight;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = m[i].weight;
      m[i].weight = (nextOne * (depth + 1)) / ((i + 1) * one);
      nextOne = tmp - (m[i].weight * zero * (depth - i)) / (depth + 1);
    } else {
      m[i].weight = (m[i].weight * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = pathIndex; i < depth; i++) {
    m[i] = { ...m[i + 1], weight: m[i].weight };
  }
}

function unwoundPathSum(m: PathElement[], depth: number, pathIndex: number): number {
  const { one, zero } = m[pathIndex];
  let nextOne = m[depth].weight;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (nextOne * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      nextOne = m[i].weight - (tmp * zero * (depth - i)) / (depth + 1);
    } else {
      total += m[i].weight / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

function nodeCover(tree: Tree, child: number): number {
  return child < 0 ? tree.leafCount[~child] : tree.internalCount[child];
}

/** Cover-weighted mean leaf value: the tree's expected output, its SHAP bias. */
export function treeExpectedValue(tree: Tree): number {
  let s = 0;
  let c = 0;
  for (let l = 0; l < tree.nLeaves; l++) {
    s += tree.leafValue[l] * tree.leafCount[l];
    c += tree.leafCount[l];
  }
  return c > 0 ? s / c : tree.leafValue[0];
}

/**
 * Adds scale × the SHAP values of `tree` for one row to phi[offset + feature] and scale × the
 * tree's expected value to phi[offset + nFeatures]. `value(f)` returns the row's feature f.
 */
export function addTreeShap(tree: Tree, value: (feature: number) => number, nFeatures: number, phi: Float64Array, offset: number, scale: number): void {
  phi[offset + nFeatures] += scale * treeExpectedValue(tree);
  if (tree.nInternal === 0) return;
  const recurse = (child: number, parentPath: PathElement[], depth: number, zero: number, one: number, feature: number): void => {
    const m = parentPath.slice(0, depth).map((e) => ({ ...e }));
    extendPath(m, depth, zero, one, feature);
    if (child < 0) {
      const leafValue = tree.leafValue[~child];
      for (let i = 1; i <= depth; i++) {
        const w = unwoundPathSum(m, depth, i);
        const e = m[i];
        phi[offset + e.feature] += scale * w * (e.one - e.zero) * leafValue;
      }
      return;
    }
    const node = child;
    const f = tree.splitFeature[node];
    const left = tree.goesLeft(node, value(f));
    const hot = left ? tree.leftChild[node] : tree.rightChild[node];
    const cold = left ? tree.rightChild[node] : tree.leftChild[node];
    const cover = tree.internalCount[node];
    const hotZero = nodeCover(tree, hot) / cover;
    const coldZero = nodeCover(tree, cold) / cover;
    let incomingZero = 1;
    let incomingOne = 1;
    let pathIndex = 0;
    for (; pathIndex <= depth; pathIndex++) if (m[pathIndex].feature === f) break;
    if (pathIndex !== depth + 1) {
      incomingZero = m[pathIndex].zero;
      incomingOne = m[pathIndex].one;
      unwindPath(m, depth, pathIndex);
      depth -= 1;
    }
    recurse(hot, m, depth + 1, hotZero * incomingZero, incomingOne, f);
    recurse(cold, m, depth + 1, coldZero * incomingZero, 0, f);
  };
  recurse(0, [], 0, 1, 1, -1);
}
