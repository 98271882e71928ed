// The fast path for prediction-log lines: a scanner specialised to the line shape the scorer writes
// (flat "input" of strings, numbers, booleans and nulls; "model", "output" and "probabilities" one
// level deep) that reads the values the summary needs straight from the text, with no JSON.parse,
// no per-line objects and no Date.parse for a line in the same hour as the one before.
// It is an optimisation only: whenever a line is anything else — an escape in a string, a nested
// value, a duplicate key, a timestamp not in the scorer's exact ISO form, invalid JSON — scan()
// returns false and the caller takes the JSON.parse path (parseLogLine), so every line that path
// rejects is still rejected with the same message, and every line it accepts gives the same values.
import type { ReferenceProfile } from './reference-profile';

/** What scan() returns for a value it does not handle (the line goes to JSON.parse). */
const SKIP = Symbol('skip');
type Simple = string | number | boolean | null;

const UNPLAIN = /[\x00-\x1f\\]/;

const enum Top { Time = 1, Id = 2, Model = 4, Input = 8, Output = 16, Latency = 32 }

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The digit at `i`, NaN when it is not one. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57 ? c - 48 : NaN;
}

/** Exact powers of ten: a mantissa below 2^53 divided by one of these rounds as JSON.parse does. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

export class LogLineScanner {
  // The scanned line (valid after scan() returned true).
  time = 0;
  id: string | null = null;
  hasModel = false;
  modelName = '';
  modelVersion = '';
  /** Per reference feature, the value as JSON.parse + `input[name]` would give it. */
  readonly values: unknown[];
  hasOutput = false;
  /** The score the summary reads (P(positive) for binary, else the prediction); null when none. */
  score: Simple = null;
  latencyMs: number | null = null;

  private s = '';
  private p = 0;
  private readonly index: Map<string, number>;
  /** `"name":` per feature, to test the key expected next before looking it up. */
  private readonly keys: string[];
  /** The value a feature absent from "input" reads as (`{}[name]`, undefined but for Object.prototype's names). */
  private readonly absent: unknown[];
  private readonly seen: Int32Array;
  private stamp = 0;
  private readonly binary: boolean;
  private readonly positive: string | null;
  private hourPrefix = '';
  private hourStart = NaN;

  constructor(reference: ReferenceProfile) {
    const names = reference.features.map((f) => f.name);
    this.index = new Map(names.map((n, i) => [n, i]));
    this.keys = names.map((n) => `${JSON.stringify(n)}:`);
    this.absent = names.map((n) => ({} as Record<string, unknown>)[n]);
    this.values = this.absent.slice();
    this.seen = new Int32Array(names.length);
    this.binary = reference.task === 'binary';
    this.positive = reference.positiveClass;
  }

  /** Reads one line; false when the line is not one this scanner handles (use parseLogLine). */
  scan(text: string): boolean {
    // Escapes and raw control characters (invalid in JSON strings) are left to JSON.parse, so a string ends at the next quote.
    if (UNPLAIN.test(text)) return false;
    this.s = text;
    this.p = 0;
    this.stamp = (this.stamp + 1) | 0;
    this.id = null;
    this.hasModel = false;
    this.hasOutput = false;
    this.score = null;
    this.latencyMs = null;
    const values = this.values;
    for (let j = 0; j < values.length; j++) values[j] = this.absent[j];
    let found = 0;
    this.ws();
    if (text.charCodeAt(this.p++) !== 123) return false;
    this.ws();
    if (text.charCodeAt(this.p) === 125) return false;
    for (;;) {
      const key = this.key();
      if (key === null) return false;
      let bit = 0;
      switch (key) {
        case 'time': {
          bit = Top.Time;
          if (!this.readTime()) return false;
          break;
        }
        case 'id': {
          bit = Top.Id;
          const v = this.simple();
          if (v === SKIP || typeof v === 'boolean') return false;
          this.id = v === null ? null : typeof v === 'number' ? String(v) : v;
          break;
        }
        case 'model': {
          bit = Top.Model;
          if (!this.readModel()) return false;
          break;
        }
        case 'input': {
          bit = Top.Input;
          if (!this.readInput()) return false;
          break;
        }
        case 'output': {
          bit = Top.Output;
          if (!this.readOutput()) return false;
          break;
        }
        case 'latencyMs': {
          bit = Top.Latency;
          const v = this.simple();
          if (v !== null && typeof v !== 'number') return false;
          this.latencyMs = v;
          break;
        }
        default:
          if (this.simple() === SKIP) return false;
      }
      if (found & bit) return false;
      found |= bit;
      if (!this.next(125)) return false;
      if (text.charCodeAt(this.p - 1) === 125) break;
    }
    this.ws();
    return this.p === text.length && (found & (Top.Time | Top.Input)) === (Top.Time | Top.Input);
  }

  private ws(): void {
    const s = this.s;
    let p = this.p;
    let c = s.charCodeAt(p);
    while (c === 32) c = s.charCodeAt(++p);
    this.p = p;
  }

  /** After a member: a comma (true, more follow) or `close` (true, p past it); anything else false. */
  private next(close: number): boolean {
    this.ws();
    const c = this.s.charCodeAt(this.p++);
    if (c === close) return true;
    if (c !== 44) return false;
    this.ws();
    return true;
  }

  /** A string, p past its closing quote (scan() has made sure the line has no escapes or control characters). */
  private string(): string | null {
    const s = this.s;
    const start = this.p + 1;
    if (s.charCodeAt(this.p) !== 34) return null;
    const end = s.indexOf('"', start);
    if (end < 0) return null;
    this.p = end + 1;
    return s.slice(start, end);
  }

  /** `"key":`, p at the value; null when not a plain key. */
  private key(): string | null {
    const k = this.string();
    if (k === null) return null;
    this.ws();
    if (this.s.charCodeAt(this.p++) !== 58) return null;
    this.ws();
    return k;
  }

  /** A string, number, true, false or null; SKIP for objects, arrays and anything invalid. */
  private simple(): Simple | typeof SKIP {
    const s = this.s;
    const c = s.charCodeAt(this.p);
    if (c === 34) return this.string() ?? SKIP;
    if (c === 45 || isDigit(c)) return this.number();
    if (c === 116 && s.startsWith('true', this.p)) { this.p += 4; return true; }
    if (c === 102 && s.startsWith('false', this.p)) { this.p += 5; return false; }
    if (c === 110 && s.startsWith('null', this.p)) { this.p += 4; return null; }
    return SKIP;
  }

  /** A JSON number, strictly by the grammar; exact like JSON.parse (short ones computed, others by Number()). */
  private number(): number | typeof SKIP {
    const s = this.s;
    const start = this.p;
    let p = start;
    const negative = s.charCodeAt(p) === 45;
    if (negative) p++;
    let c = s.charCodeAt(p);
    if (!isDigit(c)) return SKIP;
    let mantissa = 0;
    let digits = 0;
    if (c === 48) c = s.charCodeAt(++p);
    else {
      while (isDigit(c)) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        c = s.charCodeAt(++p);
      }
    }
    let fraction = 0;
    if (c === 46) {
      c = s.charCodeAt(++p);
      if (!isDigit(c)) return SKIP;
      while (isDigit(c)) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        fraction++;
        c = s.charCodeAt(++p);
      }
    }
    let exponent = false;
    if (c === 101 || c === 69) {
      exponent = true;
      c = s.charCodeAt(++p);
      if (c === 43 || c === 45) c = s.charCodeAt(++p);
      if (!isDigit(c)) return SKIP;
      while (isDigit(c)) c = s.charCodeAt(++p);
    }
    this.p = p;
    // Leading zeros of the fraction count as digits here, so 15 digits keeps the mantissa below 2^53.
    if (!exponent && digits <= 15) {
      const v = fraction ? mantissa / POW10[fraction] : mantissa;
      return negative ? -v : v;
    }
    return Number(s.slice(start, p));
  }

  /** "time" in the scorer's form (YYYY-MM-DDTHH:MM:SS.sssZ): the hour by Date.parse once, the rest by arithmetic. */
  private readTime(): boolean {
    const s = this.s;
    const at = this.p;
    const text = this.string();
    if (text === null || text.length !== 24) return false;
    if (!s.startsWith(this.hourPrefix, at + 1) || !this.hourPrefix) {
      for (let i = 0; i < 13; i++) if (i !== 4 && i !== 7 && i !== 10 && !isDigit(text.charCodeAt(i))) return false;
      if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text.charCodeAt(11) > 50 || (text[11] === '2' && text.charCodeAt(12) > 51)) return false;
      const prefix = text.slice(0, 13);
      const start = Date.parse(`${prefix}:00:00.000Z`);
      if (!Number.isFinite(start)) return false;
      this.hourPrefix = prefix;
      this.hourStart = start;
    }
    if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return false;
    const m1 = digit(text, 14);
    const m2 = digit(text, 15);
    const s1 = digit(text, 17);
    const s2 = digit(text, 18);
    const ms = digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22);
    // digit() is NaN for a non-digit, which fails these tests too.
    if (!(m1 <= 5 && m2 <= 9 && s1 <= 5 && s2 <= 9 && ms >= 0)) return false;
    this.time = this.hourStart + (m1 * 10 + m2) * 60_000 + (s1 * 10 + s2) * 1000 + ms;
    return true;
  }

  /** "model": null or {"name": string, "version": string | number | null, …simple values}. */
  private readModel(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.p) !== 123) {
      const v = this.simple();
      return v === null;
    }
    this.p++;
    this.ws();
    let name: string | null = null;
    let version = '';
    let found = 0;
    if (s.charCodeAt(this.p) === 125) return false;
    for (;;) {
      const key = this.key();
      if (key === null) return false;
      const v = this.simple();
      if (v === SKIP) return false;
      if (key === 'name') {
        if (typeof v !== 'string' || found & 1) return false;
        found |= 1;
        name = v;
      } else if (key === 'version') {
        if (found & 2) return false;
        found |= 2;
        version = v === null ? '' : String(v);
      }
      if (!this.next(125)) return false;
      if (s.charCodeAt(this.p - 1) === 125) break;
    }
    if (name === null) return false;
    this.hasModel = true;
    this.modelName = name;
    this.modelVersion = version;
    return true;
  }

  /** "input": a flat object; reference columns into `values`, other keys skipped. */
  private readInput(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.p++) !== 123) return false;
    this.ws();
    if (s.charCodeAt(this.p) === 125) {
      this.p++;
      return true;
    }
    const keys = this.keys;
    const seen = this.seen;
    const stamp = this.stamp;
    let last = -1;
    for (;;) {
      // Columns mostly come in the same order on every line: try the one after the last first.
      const guess = last + 1;
      let j: number;
      if (guess < keys.length && s.startsWith(keys[guess], this.p)) {
        j = guess;
        this.p += keys[guess].length;
        this.ws();
      } else {
        const key = this.key();
        if (key === null) return false;
        j = this.index.get(key) ?? -1;
      }
      const v = this.simple();
      if (v === SKIP) return false;
      if (j >= 0) {
        if (seen[j] === stamp) return false;
        seen[j] = stamp;
        this.values[j] = v;
        last = j;
      }
      if (!this.next(125)) return false;
      if (s.charCodeAt(this.p - 1) === 125) return true;
    }
  }

  /** "output": null or {"prediction": simple, "probabilities"?: null | {class: number}, …simple values}. */
  private readOutput(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.p) !== 123) return this.simple() === null;
    this.p++;
    this.ws();
    if (s.charCodeAt(this.p) === 125) return false;
    let prediction: Simple = null;
    let probability: Simple = null;
    let found = 0;
    for (;;) {
      const key = this.key();
      if (key === null) return false;
      if (key === 'probabilities') {
        if (found & 2) return false;
        found |= 2;
        if (s.charCodeAt(this.p) === 123) {
          const p = this.readProbabilities();
          if (p === SKIP) return false;
          probability = p;
        } else if (this.simple() !== null) return false;
      } else {
        const v = this.simple();
        if (v === SKIP) return false;
        if (key === 'prediction') {
          if (found & 1) return false;
          found |= 1;
          prediction = v;
        }
      }
      if (!this.next(125)) return false;
      if (s.charCodeAt(this.p - 1) === 125) break;
    }
    if (!(found & 1)) return false;
    this.hasOutput = true;
    this.score = this.binary ? probability : prediction;
    return true;
  }

  /** {class: number, …}: the positive class's probability (null when absent); SKIP when not all numbers. */
  private readProbabilities(): number | null | typeof SKIP {
    const s = this.s;
    this.p++;
    this.ws();
    let probability: number | null = null;
    if (s.charCodeAt(this.p) === 125) {
      this.p++;
      return null;
    }
    for (;;) {
      const key = this.key();
      if (key === null) return SKIP;
      const v = this.simple();
      if (typeof v !== 'number') return SKIP;
      if (key === this.positive) {
        if (probability !== null) return SKIP;
        probability = v;
      }
      if (!this.next(125)) return SKIP;
      if (s.charCodeAt(this.p - 1) === 125) return probability;
    }
  }
}
