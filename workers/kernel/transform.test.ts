import { describe, expect, it } from 'vitest';
import { CellSyntaxError, compileCell, patternNames } from './transform';
import { parse } from 'acorn';

describe('compileCell', () => {
  it('turns top-level declarations into assignments and lists the names', () => {
    const compiled = compileCell('const a = 1, b = 2;\nlet c;\nvar { d, e: [f] } = obj;\nclass K {}');
    expect(compiled.declared).toEqual(['a', 'b', 'c', 'd', 'f', 'K']);
    expect(compiled.body).not.toMatch(/\b(const|let|var)\b/);
    expect(compiled.body).toContain('(a = 1)');
    expect(compiled.body).toContain('c = undefined');
    expect(compiled.body).toContain('({ d, e: [f] } = obj)');
    expect(compiled.body).toContain('K = class K {}');
  });

  it('keeps declarations inside blocks local', () => {
    const compiled = compileCell('for (let i = 0; i < 3; i++) { const j = i; }');
    expect(compiled.declared).toEqual([]);
    expect(compiled.body).toContain('let i = 0');
  });

  it('exports hoisted functions at the start without adding lines', () => {
    const source = 'f();\nfunction f() { return 1 }';
    const compiled = compileCell(source);
    expect(compiled.functions).toEqual(['f']);
    expect(compiled.body.split('\n')).toHaveLength(source.split('\n').length);
    expect(compiled.body.startsWith('__tourney_export("f", f);')).toBe(true);
  });

  it('returns the value of a trailing expression only', () => {
    expect(compileCell('const x = 1\nx + 1').returnsValue).toBe(true);
    expect(compileCell('const x = 1\nx + 1').body).toContain('return (x + 1)');
    expect(compileCell('const x = 1').returnsValue).toBe(false);
    expect(compileCell('').returnsValue).toBe(false);
  });

  it('strips TypeScript types and keeps line numbers', () => {
    const source = 'interface P { a: number }\nconst x: number = 3 as number;\nfunction id<T>(v: T): T { return v }\nid(x)';
    const compiled = compileCell(source);
    expect(compiled.body).not.toContain('interface');
    expect(compiled.body).not.toContain(': number');
    expect(compiled.body.split('\n')).toHaveLength(4);
    expect(compiled.body.split('\n')[3]).toBe('return (id(x))');
  });

  it('produces a body that parses inside an async function', () => {
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
