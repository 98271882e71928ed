// Walks a freshly grown tree on binned rows (the bin decision tables kept during training): used
// to update scores of rows the tree did not see (out-of-bag rows, validation sets) without
// converting back to raw values.
import type { BinnedDataset } from '../dataset/binned-dataset';
import type { Tree } from '../tree/tree';

/** Adds scale × leaf value of `tree` to scores[offset + row] for the rows where `skip[row]` is 0 (all rows when skip is null). */
export function addTreeBinned(tree: Tree, data: BinnedDataset, scores: Float64Array, offset: number, skip: Uint8Array | null): void {
  const n = data.nRows;
  if (tree.nInternal === 0) {
    const v = tree.leafValue[0];
    for (let r = 0; r < n; r++) if (!skip || skip[r] === 0) scores[offset + r] += v;
    return;
  }
  const { splitFeature, leftChild, rightChild, binGoesLeft, leafValue } = tree;
  const bins = data.bins;
  for (let r = 0; r < n; r++) {
    if (skip && skip[r] !== 0) continue;
    let node = 0;
    while (node >= 0) {
      node = binGoesLeft[node][bins[splitFeature[node]][r]] ? leftChild[node] : rightChild[node];
    }
    scores[offset + r] += leafValue[~node];
  }
}
