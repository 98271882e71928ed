// A small helper that grows an ONNX graph: fresh value names, constants as initializers, and one
// method per operator used, so the exporters read as the arithmetic they encode. Every value is
// double unless its name says otherwise (indices int64, masks bool).
import { DataType, type Attribute, type ElemType, type Graph, type Node, type Tensor, type ValueInfo } from './proto';

export const ML_DOMAIN = 'ai.onnx.ml';

export class GraphBuilder {
  readonly nodes: Node[] = [];
  readonly initializers: Tensor[] = [];
  private used = new Set<string>();

  /** `reserved`: names the graph's inputs and outputs take, never handed out by fresh(). */
  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.used.add(name);
  }

  /** A value name not used before, built from `hint`. */
  fresh(hint: string): string {
    let name = hint;
    for (let n = 1; this.used.has(name); n++) name = `${hint}_${n}`;
    this.used.add(name);
    return name;
  }

  private constant(hint: string, dataType: ElemType, dims: number[], values: ArrayLike<number>): string {
    const name = this.fresh(hint);
    this.initializers.push({ name, dataType, dims, values });
    return name;
  }

  double(hint: string, values: ArrayLike<number>, dims: number[] = [values.length]): string {
    return this.constant(hint, DataType.DOUBLE, dims, values);
  }

  /** A double scalar (shape []), broadcast by the elementwise operators. */
  scalar(hint: string, value: number): string {
    return this.constant(hint, DataType.DOUBLE, [], [value]);
  }

  bool(hint: string, values: ArrayLike<number>, dims: number[] = [values.length]): string {
    return this.constant(hint, DataType.BOOL, dims, values);
  }

  int64(hint: string, values: ArrayLike<number>, dims: number[] = [values.length]): string {
    return this.constant(hint, DataType.INT64, dims, values);
  }

  /** Adds a node; returns its outputs' names (fresh names from `outputs` hints). */
  op(opType: string, inputs: string[], outputs: string[] = [opType.toLowerCase()], attributes: Attribute[] = [], domain = ''): string[] {
    const names = outputs.map((o) => this.fresh(o));
    this.nodes.push({ opType, inputs, outputs: names, name: this.fresh(`${opType}_node`), attributes, ...(domain ? { domain } : {}) });
    return names;
  }

  /** One-output node. */
  op1(opType: string, inputs: string[], hint?: string, attributes: Attribute[] = [], domain = ''): string {
    return this.op(opType, inputs, [hint ?? opType.toLowerCase()], attributes, domain)[0];
  }

  add(a: string, b: string, hint = 'sum'): string {
    return this.op1('Add', [a, b], hint);
  }

  sub(a: string, b: string, hint = 'difference'): string {
    return this.op1('Sub', [a, b], hint);
  }

  mul(a: string, b: string, hint = 'product'): string {
    return this.op1('Mul', [a, b], hint);
  }

  div(a: string, b: string, hint = 'quotient'): string {
    return this.op1('Div', [a, b], hint);
  }

  /** Columns `indices` of a [N, F] value, as [N, indices.length]. */
  columns(x: string, indices: ArrayLike<number>, hint = 'columns'): string {
    return this.op1('Gather', [x, this.int64(`${hint}_index`, indices)], hint, [{ name: 'axis', int: 1 }]);
  }

  /** Where(condition, a, b). */
  where(condition: string, a: string, b: string, hint = 'selected'): string {
    return this.op1('Where', [condition, a, b], hint);
  }

  isNaN(x: string): string {
    return this.op1('IsNaN', [x], 'is_missing');
  }

  cast(x: string, to: ElemType, hint = 'cast'): string {
    return this.op1('Cast', [x], hint, [{ name: 'to', int: to }]);
  }

  concat(values: string[], axis: number, hint = 'concat'): string {
    return values.length === 1 ? values[0] : this.op1('Concat', values, hint, [{ name: 'axis', int: axis }]);
  }

  /** Sum over `axis` (ReduceSum takes its axes as an input since opset 13). */
  reduceSum(x: string, axis: number, hint = 'row_sum', keepdims = true): string {
    return this.op1('ReduceSum', [x, this.int64('axis', [axis])], hint, [{ name: 'keepdims', int: keepdims ? 1 : 0 }]);
  }

  reduceMax(x: string, axis: number, hint = 'row_max'): string {
    return this.op1('ReduceMax', [x], hint, [{ name: 'axes', ints: [axis] }, { name: 'keepdims', int: 1 }]);
  }

  reduceMean(x: string, axis: number, hint = 'row_mean'): string {
    return this.op1('ReduceMean', [x], hint, [{ name: 'axes', ints: [axis] }, { name: 'keepdims', int: 1 }]);
  }

  reshape(x: string, shape: number[], hint = 'reshaped'): string {
    return this.op1('Reshape', [x, this.int64('shape', shape)], hint);
  }

  /** Whether any value along axis 1 of a bool [N, m] value is true, as bool [N, 1]. */
  anyTrue(mask: string, hint = 'any'): string {
    const max = this.reduceMax(this.cast(mask, DataType.DOUBLE, `${hint}_double`), 1, `${hint}_max`);
    return this.cast(max, DataType.BOOL, hint);
  }

  /** Zeros [N, 1] for a [N, F ≥ 1] value (whatever its values, NaN included). */
  zeros(x: string): string {
    const zero = this.scalar('zero', 0);
    return this.where(this.isNaN(this.columns(x, [0], 'first_column')), zero, zero, 'zeros');
  }

  graph(name: string, inputs: ValueInfo[], outputs: ValueInfo[]): Graph {
    return { name, nodes: this.nodes, initializers: this.initializers, inputs, outputs };
  }
}
