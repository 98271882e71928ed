// ONNX ModelProto serialisation with protobufjs's Writer. Field numbers are declared by hand from
// the ONNX IR spec (onnx/onnx.proto: ModelProto, GraphProto, NodeProto, AttributeProto,
// TensorProto, ValueInfoProto, TypeProto, OperatorSetIdProto, StringStringEntryProto); only the
// fields Tourney writes are listed. Tensors carry their values in raw_data (little-endian), the
// compact form the spec allows for every numeric type.
import protobuf from 'protobufjs/minimal.js';

const { Reader, Writer } = protobuf;
type ProtoWriter = protobuf.Writer;

/** TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, UINT8: 2, INT64: 7, BOOL: 9, DOUBLE: 11 } as const;
export type ElemType = (typeof DataType)[keyof typeof DataType];

/** AttributeProto.AttributeType values. */
const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

// Wire types: 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit.
const VARINT = 0;
const FIXED32 = 5;
const LEN = 2;

export interface Tensor {
  name: string;
  dataType: ElemType;
  dims: number[];
  /** Row-major values; booleans as 0/1. */
  values: ArrayLike<number>;
}

export type Attribute =
  | { name: string; int: number }
  | { name: string; float: number }
  | { name: string; string: string }
  | { name: string; ints: ArrayLike<number> }
  | { name: string; floats: ArrayLike<number> }
  | { name: string; strings: readonly string[] }
  | { name: string; tensor: Tensor };

export interface Node {
  opType: string;
  /** '' (ai.onnx) unless another operator set. */
  domain?: string;
  name?: string;
  inputs: string[];
  outputs: string[];
  attributes?: Attribute[];
}

/** A graph input or output: element type and shape (numbers, or names for free dimensions). */
export interface ValueInfo {
  name: string;
  elemType: ElemType;
  shape: (number | string)[];
}

export interface Graph {
  name: string;
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

export interface Model {
  irVersion: number;
  opsets: { domain: string; version: number }[];
  producerName: string;
  producerVersion: string;
  docString?: string;
  graph: Graph;
  metadata: Record<string, string>;
}

const utf8 = new TextEncoder();

function tag(w: ProtoWriter, field: number, wire: number): ProtoWriter {
  return w.uint32((field << 3) | wire);
}

function str(w: ProtoWriter, field: number, value: string): void {
  tag(w, field, LEN).bytes(utf8.encode(value));
}

function int(w: ProtoWriter, field: number, value: number): void {
  tag(w, field, VARINT).int64(value);
}

/** A nested message: tag, then the length-prefixed body `write` produces. */
function message(w: ProtoWriter, field: number, write: (w: ProtoWriter) => void): void {
  tag(w, field, LEN).fork();
  write(w);
  w.ldelim();
}

function rawData(t: Tensor): Uint8Array {
  const n = t.values.length;
  const width = t.dataType === DataType.DOUBLE || t.dataType === DataType.INT64 ? 8 : t.dataType === DataType.FLOAT ? 4 : 1;
  const bytes = new Uint8Array(n * width);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < n; i++) {
    const v = t.values[i];
    if (t.dataType === DataType.DOUBLE) view.setFloat64(i * 8, v, true);
    else if (t.dataType === DataType.FLOAT) view.setFloat32(i * 4, v, true);
    else if (t.dataType === DataType.INT64) view.setBigInt64(i * 8, BigInt(v), true);
    else if (t.dataType === DataType.UINT8) bytes[i] = v;
    else bytes[i] = v ? 1 : 0;
  }
  return bytes;
}

// TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9.
function tensor(w: ProtoWriter, t: Tensor): void {
  let size = 1;
  for (const d of t.dims) {
    int(w, 1, d);
    size *= d;
  }
  if (size !== t.values.length) throw new Error(`ONNX tensor ${t.name}: ${t.values.length} values for shape [${t.dims.join(', ')}]`);
  int(w, 2, t.dataType);
  if (t.name) str(w, 8, t.name);
  tag(w, 9, LEN).bytes(rawData(t));
}

// AttributeProto: name = 1, f = 2, i = 3, s = 4, t = 5, floats = 7, ints = 8, strings = 9,
// type = 20. Repeated scalars are written unpacked, as the proto2 declaration says.
function attribute(w: ProtoWriter, a: Attribute): void {
  str(w, 1, a.name);
  if ('int' in a) {
    int(w, 3, a.int);
    int(w, 20, AttributeType.INT);
  } else if ('float' in a) {
    tag(w, 2, FIXED32).float(a.float);
    int(w, 20, AttributeType.FLOAT);
  } else if ('string' in a) {
    tag(w, 4, LEN).bytes(utf8.encode(a.string));
    int(w, 20, AttributeType.STRING);
  } else if ('ints' in a) {
    for (let i = 0; i < a.ints.length; i++) int(w, 8, a.ints[i]);
    int(w, 20, AttributeType.INTS);
  } else if ('floats' in a) {
    for (let i = 0; i < a.floats.length; i++) tag(w, 7, FIXED32).float(a.floats[i]);
    int(w, 20, AttributeType.FLOATS);
  } else if ('strings' in a) {
    for (const s of a.strings) tag(w, 9, LEN).bytes(utf8.encode(s));
    int(w, 20, AttributeType.STRINGS);
  } else {
    message(w, 5, (m) => tensor(m, a.tensor));
    int(w, 20, AttributeType.TENSOR);
  }
}

// NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5, domain = 7.
function node(w: ProtoWriter, n: Node): void {
  for (const i of n.inputs) str(w, 1, i);
  for (const o of n.outputs) str(w, 2, o);
  if (n.name) str(w, 3, n.name);
  str(w, 4, n.opType);
  for (const a of n.attributes ?? []) message(w, 5, (m) => attribute(m, a));
  if (n.domain) str(w, 7, n.domain);
}

// ValueInfoProto: name = 1, type = 2 → TypeProto.tensor_type = 1 → elem_type = 1, shape = 2 →
// TensorShapeProto.dim = 1 → dim_value = 1 | dim_param = 2.
function valueInfo(w: ProtoWriter, v: ValueInfo): void {
  str(w, 1, v.name);
  message(w, 2, (type) =>
    message(type, 1, (t) => {
      int(t, 1, v.elemType);
      message(t, 2, (shape) => {
        for (const d of v.shape) message(shape, 1, (dim) => (typeof d === 'number' ? int(dim, 1, d) : str(dim, 2, d)));
      });
    }),
  );
}

// GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
function graph(w: ProtoWriter, g: Graph): void {
  for (const n of g.nodes) message(w, 1, (m) => node(m, n));
  str(w, 2, g.name);
  for (const t of g.initializers) message(w, 5, (m) => tensor(m, t));
  for (const v of g.inputs) message(w, 11, (m) => valueInfo(m, v));
  for (const v of g.outputs) message(w, 12, (m) => valueInfo(m, v));
}

// ModelProto: ir_version = 1, producer_name = 2, producer_version = 3, doc_string = 6, graph = 7,
// opset_import = 8 (OperatorSetIdProto: domain = 1, version = 2), metadata_props = 14
// (StringStringEntryProto: key = 1, value = 2).
export function encodeModel(model: Model): Uint8Array {
  const w = Writer.create();
  int(w, 1, model.irVersion);
  str(w, 2, model.producerName);
  str(w, 3, model.producerVersion);
  if (model.docString) str(w, 6, model.docString);
  message(w, 7, (m) => graph(m, model.graph));
  for (const o of model.opsets) {
    message(w, 8, (m) => {
      str(m, 1, o.domain);
      int(m, 2, o.version);
    });
  }
  for (const [key, value] of Object.entries(model.metadata)) {
    message(w, 14, (m) => {
      str(m, 1, key);
      str(m, 2, value);
    });
  }
  const out = w.finish();
  // Node's BufferWriter returns a Buffer; hand back a plain Uint8Array either way.
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** ModelProto.metadata_props (field 14) of encoded ONNX bytes; every other field is skipped. */
export function readMetadata(bytes: Uint8Array): Record<string, string> {
  const r = Reader.create(bytes);
  const out: Record<string, string> = {};
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t >>> 3 !== 14 || (t & 7) !== LEN) {
      r.skipType(t & 7);
      continue;
    }
    const entry = Reader.create(r.bytes());
    let key = '';
    let value = '';
    while (entry.pos < entry.len) {
      const et = entry.uint32();
      if (et >>> 3 === 1) key = entry.string();
      else if (et >>> 3 === 2) value = entry.string();
      else entry.skipType(et & 7);
    }
    out[key] = value;
  }
  return out;
}
