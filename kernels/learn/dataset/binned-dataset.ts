// The training view learners work on: every feature binned to a Uint8Array (column-major), with
// its mapper so other data can be binned the same way. Binning is part of training time.
import type { Matrix } from '../matrix';
import { binColumn, fitCategoricalBins, fitNumericalBins, type BinMapper } from './bin-mapper';
import { createRandom, sampleSorted } from '../../random/random';

export interface BinnedDataset {
  nRows: number;
  nFeatures: number;
  featureNames: string[];
  /** bins[f][row]: the bin of feature f for that row. */
  bins: Uint8Array[];
  mappers: BinMapper[];
}

export interface BinningOptions {
  /** Value bins per feature, at most 255 (a missing bin comes on top). */
  bins?: number;
  /** Rows sampled to find cut points (LightGBM's bin_construct_sample_cnt). */
  sampleRows?: number;
  seed?: number;
}

export function binMatrix(X: Matrix, options: BinningOptions = {}): BinnedDataset {
  const maxBins = options.bins ?? 255;
  const sampleRows = options.sampleRows ?? 200_000;
  const n = X.nRows;
  const sample = n > sampleRows ? sampleSorted(createRandom(options.seed ?? 0), n, sampleRows) : null;
  const scratch64 = new Float64Array(sample ? sample.length : 0);
  const scratch32 = new Float32Array(sample ? sample.length : 0);
  const mappers: BinMapper[] = [];
  const bins: Uint8Array[] = [];
  for (let f = 0; f < X.columns.length; f++) {
    const col = X.columns[f];
    if (col.length !== n) throw new Error(`feature "${X.featureNames[f]}" has ${col.length} values, expected ${n}`);
    let fitValues: ArrayLike<number> = col;
    if (sample) {
      // Keep float32 samples float32: they sort by radix.
      const scratch = col instanceof Float32Array ? scratch32 : scratch64;
      for (let i = 0; i < sample.length; i++) scratch[i] = col[sample[i]];
      fitValues = scratch;
    }
    const mapper = X.categorical?.[f] ? fitCategoricalBins(col, maxBins) : fitNumericalBins(fitValues, maxBins);
    mappers.push(mapper);
    bins.push(binColumn(mapper, col, new Uint8Array(n)));
  }
  return { nRows: n, nFeatures: X.columns.length, featureNames: X.featureNames.slice(), bins, mappers };
}

/** Bins another matrix with the cut points of an existing dataset (validation data). */
export function binWithMappers(X: Matrix, mappers: BinMapper[]): BinnedDataset {
  if (X.columns.length !== mappers.length) {
    throw new Error(`matrix has ${X.columns.length} features, the binned dataset has ${mappers.length}`);
  }
  const bins = X.columns.map((col, f) => binColumn(mappers[f], col, new Uint8Array(X.nRows)));
  return { nRows: X.nRows, nFeatures: mappers.length, featureNames: X.featureNames.slice(), bins, mappers };
}

