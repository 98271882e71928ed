// A regression tree as the learners grow it (LightGBM's layout): internal nodes in arrays, child
// pointers ≥ 0 name internal nodes and negative ones name leaves (~leaf). Thresholds are real
// values (go left iff value <= threshold), so prediction needs no binning; categorical nodes list
// the category codes that go left. Missing values (NaN) follow the learned default direction.

export interface SerializedTree {
  leafValue: number[];
  leafCount: number[];
  splitFeature: number[];
  threshold: number[];
  /** 1 when missing values go left. */
  defaultLeft: number[];
  leftChild: number[];
  rightChild: number[];
  splitGain: number[];
  internalCount: number[];
  /** Node index → category codes that go left, for categorical nodes only. */
  categoryLeft?: Record<string, number[]>;
}

export class Tree {
  splitFeature: number[] = [];
  threshold: number[] = [];
  defaultLeft: boolean[] = [];
  /** Category codes going left, or null for a numerical split. */
  categoryLeft: (number[] | null)[] = [];
  leftChild: number[] = [];
  rightChild: number[] = [];
  splitGain: number[] = [];
  internalCount: number[] = [];
  leafValue: number[] = [0];
  leafCount: number[] = [0];
  /** Internal node above each leaf (-1 for the root leaf); training bookkeeping. */
  leafParent: number[] = [-1];
  /** Per internal node, bin → 1 if the bin goes left (training only, never serialised). */
  binGoesLeft: Uint8Array[] = [];

  get nLeaves(): number {
    return this.leafValue.length;
  }

  get nInternal(): number {
    return this.splitFeature.length;
  }

  /**
   * Splits `leaf`: it becomes the left child and a new leaf (returned) the right child.
   */
  split(
    leaf: number,
    feature: number,
    threshold: number,
    categoryLeft: number[] | null,
    defaultLeft: boolean,
    binGoesLeft: Uint8Array,
    gain: number,
    leftValue: number,
    rightValue: number,
    leftCount: number,
    rightCount: number,
  ): number {
    const node = this.splitFeature.length;
    const newLeaf = this.leafValue.length;
    const parent = this.leafParent[leaf];
    if (parent >= 0) {
      if (this.leftChild[parent] === ~leaf) this.leftChild[parent] = node;
      else this.rightChild[parent] = node;
    }
    this.splitFeature.push(feature);
    this.threshold.push(threshold);
    this.categoryLeft.push(categoryLeft);
    this.defaultLeft.push(defaultLeft);
    this.binGoesLeft.push(binGoesLeft);
    this.leftChild.push(~leaf);
    this.rightChild.push(~newLeaf);
    this.splitGain.push(gain);
    this.internalCount.push(leftCount + rightCount);
    this.leafValue[leaf] = leftValue;
    this.leafCount[leaf] = leftCount;
    this.leafParent[leaf] = node;
    this.leafValue.push(rightValue);
    this.leafCount.push(rightCount);
    this.leafParent.push(node);
    return newLeaf;
  }

  /** Multiplies every leaf value (shrinkage by the learning rate). */
  scale(factor: number): void {
    for (let l = 0; l < this.leafValue.length; l++) this.leafValue[l] *= factor;
  }

  /** Leaf index reached by one row given as a value getter over features. */
  leafOf(value: (feature: number) => number): number {
    if (this.splitFeature.length === 0) return 0;
    let node = 0;
    for (;;) {
      const next = this.goesLeft(node, value(this.splitFeature[node])) ? this.leftChild[node] : this.rightChild[node];
      if (next < 0) return ~next;
      node = next;
    }
  }

  goesLeft(node: number, v: number): boolean {
    if (v !== v) return this.defaultLeft[node];
    const cats = this.categoryLeft[node];
    if (cats) return cats.includes(v);
    return v <= this.threshold[node];
  }

  /** Depth of the deepest leaf (0 for a single leaf). */
  maxDepth(): number {
    const walk = (child: number, depth: number): number =>
      child < 0 ? depth : Math.max(walk(this.leftChild[child], depth + 1), walk(this.rightChild[child], depth + 1));
    return this.splitFeature.length === 0 ? 0 : walk(0, 0);
  }

  toJSON(): SerializedTree {
    const categoryLeft: Record<string, number[]> = {};
    let anyCategorical = false;
    this.categoryLeft.forEach((c, node) => {
      if (c) {
        categoryLeft[node] = c.slice();
        anyCategorical = true;
      }
    });
    return {
      leafValue: this.leafValue.slice(),
      leafCount: this.leafCount.slice(),
      splitFeature: this.splitFeature.slice(),
      threshold: this.threshold.slice(),
      defaultLeft: this.defaultLeft.map((d) => (d ? 1 : 0)),
      leftChild: this.leftChild.slice(),
      rightChild: this.rightChild.slice(),
      splitGain: this.splitGain.slice(),
      internalCount: this.internalCount.slice(),
      ...(anyCategorical ? { categoryLeft } : {}),
    };
  }

  static fromJSON(s: SerializedTree): Tree {
    const t = new Tree();
    t.leafValue = s.leafValue.slice();
    t.leafCount = s.leafCount.slice();
    t.splitFeature = s.splitFeature.slice();
    t.threshold = s.threshold.slice();
    t.defaultLeft = s.defaultLeft.map((d) => d === 1);
    t.leftChild = s.leftChild.slice();
    t.rightChild = s.rightChild.slice();
    t.splitGain = s.splitGain.slice();
    t.internalCount = s.internalCount.slice();
    t.categoryLeft = t.splitFeature.map((_, node) => s.categoryLeft?.[node]?.slice() ?? null);
    t.leafParent = [];
    return t;
  }
}
