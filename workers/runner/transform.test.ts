import { describe, expect, it } from 'vitest';
import { parse } from 'acorn';
import { CellSyntaxError, GUARD_PARAMETER, SCOPE_PARAMETER, compileCell, patternNames } from './transform';

/** Compiles and runs a cell against `scope` the way the runner does. */
async function run(source: string, scope: Record<string, unknown>): Promise<unknown> {
  const compiled = compileCell(source, new Set(Object.keys(scope)));
  for (const name of compiled.declared) if (!(name in scope)) scope[name] = undefined;
  const fn = new Function(SCOPE_PARAMETER, GUARD_PARAMETER, `return (async () => {\n${compiled.body}\n})();`) as (s: object, guard: () => void) => Promise<unknown>;
  return fn(scope, () => undefined);
}

describe('compileCell', () => {
  it('calls the loop guard on every turn of every kind of loop, keeping line numbers', async () => {
    const source = 'let n = 0\nfor (let i = 0; i < 3; i++) n++\nwhile (n < 5) { n++ }\ndo n++; while (n < 6)\nfor (const k of [1, 2]) n += k\nfor (const k in { a: 1 }) n += k.length\nconst f = () => { for (;;) return 1 }\nn + f()';
    const compiled = compileCell(source);
    expect(compiled.body.split('\n')).toHaveLength(8);
    let turns = 0;
    const fn = new Function(SCOPE_PARAMETER, GUARD_PARAMETER, `return (async () => {\n${compiled.body}\n})();`) as (s: object, guard: () => void) => Promise<unknown>;
    const scope: Record<string, unknown> = {};
    expect(await fn(scope, () => void turns++)).toBe(11);
    expect(turns).toBe(3 + 2 + 1 + 2 + 1 + 1);
  });

  it('puts top-level declarations of every kind in the scope', async () => {
    const scope: Record<string, unknown> = { obj: { d: 4, e: [5] } };
    await run('const a = 1, b = 2;\nlet c;\nvar { d, e: [f] } = obj;\nclass K { get v() { return K.name } }\nfunction g() { return a + b }', scope);
    expect(scope).toMatchObject({ a: 1, b: 2, c: undefined, d: 4, f: 5 });
    expect(new (scope.K as new () => { v: string })().v).toBe('K');
    expect((scope.g as () => number)()).toBe(3);
    expect(compileCell('const a = 1, {b} = o; let c').declared).toEqual(['a', 'b', 'c']);
  });

  it('routes names from earlier cells through the scope and leaves locals and globals alone', async () => {
    const scope: Record<string, unknown> = { total: 10 };
    const value = await run('const add = (n: number) => { let local = n; return total + local }\ntotal = add(5);\n[total, Math.max(1, 2)]', scope);
    expect(value).toEqual([15, 2]);
    const compiled = compileCell('const f = (total) => total + 1\nf(1)', new Set(['total']));
    expect(compiled.body).toContain('(total) => total + 1');
  });

  it('keeps closures live: a function from one cell sees later changes', async () => {
    const scope: Record<string, unknown> = {};
    await run('let count = 0\nconst inc = () => ++count', scope);
    await run('inc(); inc()', scope);
    expect(await run('count', scope)).toBe(2);
  });

  it('stores assignments to undeclared names in the scope, not on the global object', async () => {
    const scope: Record<string, unknown> = {};
    await run('leaked = 5\nfor (item of [1, 2]) {}', scope);
    expect(scope).toMatchObject({ leaked: 5, item: 2 });
    expect((globalThis as Record<string, unknown>).leaked).toBeUndefined();
  });

  it('rewrites shorthand properties in literals and patterns', async () => {
    const scope: Record<string, unknown> = { x: 1 };
    expect(await run('const o = { x, y: 2 }\n;({ y = 3, z = 4 } = o);\n[o, y, z]', scope)).toEqual([{ x: 1, y: 2 }, 2, 4]);
  });

  it('keeps typeof of unknown names working', async () => {
    expect(await run('[typeof nothingHere, typeof Math]', {})).toEqual(['undefined', 'object']);
  });

  it('ends a rewritten declaration so the next line does not continue it', async () => {
    const scope: Record<string, unknown> = { o: { a: 1 } };
    expect(await run('let z\n({ a: z } = o)\nz', scope)).toBe(1);
  });

  it('keeps block-scoped loop variables local (fast)', () => {
    const compiled = compileCell('let s = 0\nfor (let i = 0; i < 3; i++) s += i');
    expect(compiled.body).toContain('for (let i = 0; i < 3; i++)');
    expect(compiled.body).toContain(`${SCOPE_PARAMETER}.s += i`);
  });

  it('exports hoisted functions at the start without adding lines', async () => {
    const source = 'const r = f();\nfunction f() { return 1 }';
    const compiled = compileCell(source);
    expect(compiled.functions).toEqual(['f']);
    expect(compiled.body.split('\n')).toHaveLength(source.split('\n').length);
    const scope: Record<string, unknown> = {};
    await run(source, scope);
    expect(scope.r).toBe(1);
  });

  it('returns the value of a trailing expression only', async () => {
    expect(compileCell('const x = 1\nx + 1').returnsValue).toBe(true);
    expect(await run('const x = 1\nx + 1', {})).toBe(2);
    expect(compileCell('const x = 1').returnsValue).toBe(false);
    expect(compileCell('').returnsValue).toBe(false);
  });

  it('strips TypeScript types and keeps line numbers', async () => {
    const source = 'interface P { a: number }\nconst x: number = 3 as number;\nfunction id<T>(v: T): T { return v }\nid(x)';
    const compiled = compileCell(source);
    expect(compiled.body).not.toContain('interface');
    expect(compiled.body.split('\n')).toHaveLength(4);
    expect(await run(source, {})).toBe(3);
  });

  it('produces a body that parses inside an async function, with top-level await', () => {
    const compiled = compileCell('const t = await Promise.resolve(2)\nlet [a, ...rest] = [1, 2, 3]\nt * a');
    expect(() => parse(`(async () => {\n${compiled.body}\n})`, { ecmaVersion: 'latest' })).not.toThrow();
  });

  it('reports syntax errors with the cell line and column', () => {
    try {
      compileCell('const a = 1;\nconst b = ;');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CellSyntaxError);
      expect((error as CellSyntaxError).line).toBe(2);
      expect((error as CellSyntaxError).column).toBeGreaterThan(1);
    }
  });

  it('rejects import statements with a message that says what to do instead', () => {
    expect(() => compileCell('import x from "y"\n1')).toThrow(/import and export statements are not supported/);
  });
});

describe('patternNames', () => {
  it('collects names from nested patterns with defaults and rest', () => {
    const program = parse('const { a, b: { c = 1 }, ...d } = o, [e, , ...f] = g;', { ecmaVersion: 'latest' });
    const declaration = program.body[0];
    if (declaration.type !== 'VariableDeclaration') throw new Error('expected a declaration');
    expect(declaration.declarations.flatMap((d) => patternNames(d.id))).toEqual(['a', 'c', 'd', 'e', 'f']);
  });
});
