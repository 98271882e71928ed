// Two threads on one tree. The learner's thread keeps the whole algorithm (split finding, the
// tree, the leaf bookkeeping); a helper thread does half of the two passes that touch every row
// of a leaf, on the same SharedArrayBuffer memory:
// - partitions: each thread decides the sides of one half of the leaf's positions, then each
//   moves its half, the helper's rows landing after the learner's (so the result is exactly the
//   single-thread partition);
// - gradients (one-output objectives): each thread computes one half of the rows;
// - histograms: a leaf of HELPER_MIN_ROWS rows or more is always summed as two halves of its rows
//   (the first half's histogram plus the second half's), with or without a helper; the helper
//   builds the second half's into its own buffer. Every bin is summed in the same order either
//   way, so trees are bit-identical with and without the helper.
// The threads meet on a small Int32Array of commands: the learner writes a command and bumps
// SEQ, the helper runs it and stores SEQ in DONE. Both spin briefly before sleeping in
// Atomics.wait, because a leaf's work is a few hundred microseconds and waking a thread costs tens.
import { buildHistogramRowOrdered, buildHistogramRowOrderedPacked } from './histogram';
import type { Task } from '../matrix';
import { createObjective, type ObjectiveName } from '../objective/create-objective';
import type { Objective } from '../objective/objective';
import { decideSides, moveRows, type RowOrderedState, type Slot } from './row-ordered';
import { treeKernels } from './tree-wasm';

/** Where the learner sends the helper its shared memory: a worker's postMessage. */
export interface TreeHelperPort {
  postMessage(message: TreeHelperAttach): void;
}

/**
 * Leaves smaller than this are done on one thread (the handshake would cost more than it saves);
 * from this size on, histograms are summed as two halves of the rows, helper or not.
 */
export const HELPER_MIN_ROWS = 16384;
/** How long the learner waits for an answer before it calls the helper lost. */
const ANSWER_TIMEOUT_MS = 120_000;
const SPINS = 20_000;

const SEQ = 0;
const DONE = 1;
const OP = 2;
const ARG = 3; // up to 8 arguments
const RESULT = 11;
const FAILED = 12;
const CONTROL_INTS = 16;
/** goesLeft table of the split under way, after the ints. */
const GOES_LEFT_BYTES = 256;

const OP_DECIDE = 1;
const OP_MOVE = 2;
const OP_HIST = 3;
const OP_DETACH = 4;
const OP_GRADIENTS = 5;

/**
 * A boosting loop's per-row arrays on shared memory, so the helper can compute half of every
 * round's gradients. One-output objectives only (each row's gradient depends on its own score).
 */
export interface SharedGradients {
  objective: { task: Task; name?: ObjectiveName; huberDelta?: number };
  y: Float64Array;
  weights?: Float64Array;
  scores: Float64Array;
  grad: Float32Array;
  hess: Float32Array;
  /** When the arrays are views on a WebAssembly memory: it (binary log-loss gradients then run in its kernels). */
  wasm?: { memory: WebAssembly.Memory; shared: boolean };
}

/** Everything the helper needs, sent once per learner (typed arrays on SharedArrayBuffers). */
export interface TreeHelperAttach {
  kind: 'tourney-tree-helper';
  control: SharedArrayBuffer;
  state: RowOrderedState;
  /** The histogram the helper sums the second half of a large leaf's rows into. */
  half: Float64Array;
  gradients?: SharedGradients;
}

/** The learner's side of the link. */
export class TreeHelperLink {
  private readonly control: Int32Array;
  private readonly goesLeft: Uint8Array;
  private seq = 0;
  private attached = true;

  constructor(port: TreeHelperPort, state: RowOrderedState, half: Float64Array, gradients?: SharedGradients) {
    const control = new SharedArrayBuffer(CONTROL_INTS * 4 + GOES_LEFT_BYTES);
    this.control = new Int32Array(control, 0, CONTROL_INTS);
    this.goesLeft = new Uint8Array(control, CONTROL_INTS * 4, GOES_LEFT_BYTES);
    port.postMessage({ kind: 'tourney-tree-helper', control, state, half, ...(gradients ? { gradients } : {}) });
  }

  /** Starts the helper computing the gradients of rows begin..end (of the arrays it was given). */
  gradients(begin: number, end: number): void {
    this.send(OP_GRADIENTS, begin, end);
  }

  /** Starts the helper deciding sides of positions begin..end (feature f's bin through goesLeft). */
  decide(from: Slot, begin: number, end: number, f: number, goesLeft: Uint8Array): void {
    this.goesLeft.fill(0);
    this.goesLeft.set(goesLeft.subarray(0, GOES_LEFT_BYTES));
    this.send(OP_DECIDE, from, begin, end, f);
  }

  /** Starts the helper moving positions begin..end, left rows from `left` on, right ones from `right`. */
  move(from: Slot, begin: number, end: number, left: number, right: number): void {
    this.send(OP_MOVE, from, begin, end, left, right);
  }

  /** Starts the helper building its half histogram from positions begin..begin+count of a slot. */
  histogram(slot: Slot, begin: number, count: number): void {
    this.send(OP_HIST, slot, begin, count);
  }

  /** Waits for the command under way; returns its result (decide: the left count). */
  wait(): number {
    const c = this.control;
    const seq = this.seq;
    for (let i = 0; i < SPINS; i++) if (Atomics.load(c, DONE) === seq) return this.result();
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(c, DONE);
      if (done === seq) return this.result();
      if (Date.now() > deadline) throw new Error(`the tree helper thread did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
      Atomics.wait(c, DONE, done, 1000);
    }
  }

  /** Sends the helper back to its event loop (it may serve another learner later). */
  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.send(OP_DETACH);
  }

  private result(): number {
    if (Atomics.load(this.control, FAILED)) throw new Error('the tree helper thread failed (see its error output)');
    return Atomics.load(this.control, RESULT);
  }

  private send(op: number, ...args: number[]): void {
    const c = this.control;
    for (let i = 0; i < args.length; i++) c[ARG + i] = args[i];
    c[OP] = op;
    this.seq++;
    Atomics.store(c, SEQ, this.seq);
    Atomics.notify(c, SEQ);
  }
}

/**
 * The helper's side: runs the learner's commands until it detaches. Blocks the calling thread,
 * so it belongs in a worker (workers/tree-helper.worker.ts).
 */
export function serveTreeHelper(message: TreeHelperAttach): void {
  const c = new Int32Array(message.control, 0, CONTROL_INTS);
  const goesLeft = new Uint8Array(message.control, CONTROL_INTS * 4, GOES_LEFT_BYTES);
  const s = message.state;
  const job = message.gradients;
  const objective = job ? createObjective(job.objective.task, 2, job.objective.name, job.objective.huberDelta) : null;
  let seen = 0; // SEQ when attached: each learner has its own control block
  for (;;) {
    let spins = 0;
    while (Atomics.load(c, SEQ) === seen) {
      if (++spins > SPINS) Atomics.wait(c, SEQ, seen, 1000);
    }
    seen = Atomics.load(c, SEQ);
    const op = c[OP];
    if (op === OP_DETACH) {
      Atomics.store(c, DONE, seen);
      Atomics.notify(c, DONE);
      return;
    }
    let result = 0;
    try {
      result = run(op, c, s, goesLeft, message, objective);
    } catch (err) {
      Atomics.store(c, FAILED, 1);
      console.error(err);
    }
    Atomics.store(c, RESULT, result);
    Atomics.store(c, DONE, seen);
    Atomics.notify(c, DONE);
  }
}

function run(op: number, c: Int32Array, s: RowOrderedState, goesLeft: Uint8Array, m: TreeHelperAttach, objective: Objective | null): number {
  const a = (i: number) => c[ARG + i];
  if (op === OP_GRADIENTS && m.gradients && objective) {
    gradientsOfRows(objective, m.gradients, a(0), a(1));
    return 0;
  }
  if (op === OP_DECIDE) return decideSides(s, a(0) as Slot, a(1), a(2), a(3), goesLeft, 1);
  if (op === OP_MOVE) {
    moveRows(s, a(0) as Slot, a(1), a(2), a(3), a(4));
    return 0;
  }
  if (op === OP_HIST) {
    buildRowOrdered(m.half, s, a(0) as Slot, a(1), a(2), 1);
    return 0;
  }
  throw new Error(`tree helper: unknown command ${op}`);
}

/**
 * The objective's gradients for rows begin..end of a one-output boosting loop's arrays; binary
 * log-loss in the WebAssembly kernels when the arrays are in their memory (p = σ(score) within a
 * few ulp of Math.exp's; the same kernel on both threads, so the same trees with or without a helper).
 */
export function gradientsOfRows(objective: Objective, g: SharedGradients, begin: number, end: number): void {
  if (g.wasm && objective.name === 'binary') {
    const w = g.weights;
    treeKernels(g.wasm.memory, g.wasm.shared).binaryGradients(
      g.y.byteOffset, g.scores.byteOffset, w ? w.byteOffset : 0, w ? 1 : 0, g.grad.byteOffset, g.hess.byteOffset, begin, end,
    );
    return;
  }
  objective.gradients(
    g.y.subarray(begin, end), g.scores.subarray(begin, end), g.weights?.subarray(begin, end),
    g.grad.subarray(begin, end), g.hess.subarray(begin, end),
  );
}

/**
 * Zeroes `hist` and builds it from positions begin..begin+count of a row-ordered slot; in a
 * WebAssembly memory, by the kernels into the calling thread's scratch (0: the learner, 1: a
 * helper), then copied out.
 */
export function buildRowOrdered(hist: Float64Array, s: RowOrderedState, slot: Slot, begin: number, count: number, thread: 0 | 1 = 0): void {
  const w = s.wasm;
  if (w) {
    const k = treeKernels(w.memory, w.shared);
    const at = w.scratch[thread];
    if (w.packed) k.histogramPacked(at, w.histBytes, w.words[slot], s.wordsPerRow, s.stride, begin, count, w.packed[slot]);
    else k.histogramExact(at, w.histBytes, w.words[slot], s.wordsPerRow, s.stride, begin, count, w.grad[slot], w.hess[slot]);
    hist.set(new Float64Array(w.memory.buffer, at, hist.length));
    return;
  }
  hist.fill(0);
  if (s.packed) buildHistogramRowOrderedPacked(hist, s.words[slot], s.wordsPerRow, s.stride, begin, count, s.packed[slot]);
  else buildHistogramRowOrdered(hist, s.words[slot], s.wordsPerRow, s.stride, begin, count, s.grad[slot], s.hess[slot]);
}
