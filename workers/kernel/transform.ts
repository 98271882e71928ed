// Turns a code cell's TypeScript/JavaScript into the body of an async function whose top-level
// declarations live on in the kernel's scope between cells (like Jupyter variables).
//
// Two light steps, both keeping line numbers so errors point at the cell's own lines:
// 1. sucrase strips TypeScript types (a tokenizer, not a compiler: small enough for a worker);
// 2. acorn parses the JavaScript and the top-level `const/let/var/class` declarations become
//    assignments, function declarations are exported after hoisting, and a trailing expression
//    becomes the cell's result.
import { transform } from 'sucrase';
import { parse } from 'acorn';
import type { AnyNode, Node, Pattern, Program, Statement, ModuleDeclaration } from 'acorn';

/** A cell body ready for the runner, and the names it declares at top level. */
export interface CompiledCell {
  /** JavaScript for the body of an async function; line N of the cell is line N here. */
  body: string;
  /** Top-level names the cell declares; the runner creates them in the scope first. */
  declared: string[];
  /** Top-level function names, exported to the scope as the body starts (they are hoisted). */
  functions: string[];
  /** Whether the body returns the value of the cell's last expression. */
  returnsValue: boolean;
}

/** A syntax problem in a cell, located on the cell's own lines (1-based). */
export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** Name of the function the body calls to export hoisted functions to the scope. */
export const EXPORT_FUNCTION = '__tourney_export';
/** Name of the function that answers `typeof name` for names the scope does not know. */
export const TYPEOF_FUNCTION = '__tourney_typeof';

interface Edit {
  at: number;
  end: number;
  text: string;
}

export function compileCell(source: string): CompiledCell {
  const javascript = stripTypes(source);
  const program = parseProgram(javascript);
  const edits: Edit[] = [];
  const declared: string[] = [];
  const functions: string[] = [];
  const body = program.body;

  for (const statement of body) {
    if (statement.type === 'ImportDeclaration' || statement.type.startsWith('Export')) {
      const line = lineOf(javascript, statement.start);
      throw new CellSyntaxError(
        'import and export statements are not supported in cells: aq, op, tables and your table names are already in scope (use `await import(url)` for a module)',
        line,
        1,
      );
    }
    if (statement.type === 'VariableDeclaration') {
      const first = statement.declarations[0];
      const last = statement.declarations[statement.declarations.length - 1];
      // `const a = 1, {b} = o` -> `;(((a = 1)), (({b} = o)))`: one expression, same lines.
      edits.push({ at: statement.start, end: first.start, text: ';(' });
      for (const declarator of statement.declarations) {
        declared.push(...patternNames(declarator.id));
        if (declarator.init) {
          edits.push({ at: declarator.start, end: declarator.start, text: '(' });
          edits.push({ at: declarator.end, end: declarator.end, text: ')' });
        } else {
          edits.push({ at: declarator.end, end: declarator.end, text: ' = undefined' });
        }
      }
      edits.push({ at: last.end, end: last.end, text: ')' });
    } else if (statement.type === 'ClassDeclaration' && statement.id) {
      declared.push(statement.id.name);
      edits.push({ at: statement.start, end: statement.start, text: `;(${statement.id.name} = ` });
      edits.push({ at: statement.end, end: statement.end, text: ');' });
    } else if (statement.type === 'FunctionDeclaration' && statement.id) {
      declared.push(statement.id.name);
      functions.push(statement.id.name);
    }
  }

  // The scope turns reads of unknown names into ReferenceErrors, so `typeof name` goes through a
  // helper that answers 'undefined' for them, as plain JavaScript does.
  visit(program, (node) => {
    if (node.type === 'UnaryExpression' && node.operator === 'typeof' && node.argument.type === 'Identifier') {
      edits.push({ at: node.start, end: node.end, text: `${TYPEOF_FUNCTION}(() => ${node.argument.name})` });
    }
  });

  const lastStatement = body[body.length - 1] as Statement | ModuleDeclaration | undefined;
  const returnsValue = lastStatement?.type === 'ExpressionStatement';
  if (lastStatement?.type === 'ExpressionStatement') {
    const expression = lastStatement.expression;
    edits.push({ at: expression.start, end: expression.start, text: 'return (' });
    edits.push({ at: expression.end, end: expression.end, text: ')' });
  }

  const exportsLine = functions.map((name) => `${EXPORT_FUNCTION}(${JSON.stringify(name)}, ${name});`).join(' ');
  return {
    body: exportsLine + applyEdits(javascript, edits),
    declared: [...new Set(declared)],
    functions,
    returnsValue,
  };
}

function stripTypes(source: string): string {
  try {
    return transform(source, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (error) {
    const { line, column } = (error as { loc?: { line: number; column: number } }).loc ?? {};
    const message = String((error as Error).message).replace(/\s*\(\d+:\d+\)\s*$/, '');
    throw new CellSyntaxError(message, line, column === undefined ? undefined : column + 1);
  }
}

function parseProgram(javascript: string): Program {
  try {
    return parse(javascript, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      locations: true,
    });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = String((error as Error).message).replace(/\s*\(\d+:\d+\)\s*$/, '');
    throw new CellSyntaxError(message, loc?.line, loc === undefined ? undefined : loc.column + 1);
  }
}

/** Every identifier a declaration pattern binds (`{a, b: [c, ...d]}` -> a, c, d). */
export function patternNames(pattern: Pattern | Node): string[] {
  const node = pattern as Pattern;
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'ObjectPattern':
      return node.properties.flatMap((property) =>
        property.type === 'RestElement' ? patternNames(property.argument) : patternNames(property.value),
      );
    case 'ArrayPattern':
      return node.elements.flatMap((element) => (element ? patternNames(element) : []));
    case 'RestElement':
      return patternNames(node.argument);
    case 'AssignmentPattern':
      return patternNames(node.left);
    default:
      return [];
  }
}

/** Calls `enter` on every node of the tree. */
function visit(node: Node, enter: (node: AnyNode) => void): void {
  enter(node as AnyNode);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item.type === 'string') visit(item, enter);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      visit(value as Node, enter);
    }
  }
}

function applyEdits(text: string, edits: Edit[]): string {
  // By position; at one position insertions go before a replacement starting there, and
  // insertions keep the order they were made in.
  const sorted = edits
    .map((edit, order) => ({ edit, order, replaces: edit.end > edit.at ? 1 : 0 }))
    .sort((a, b) => a.edit.at - b.edit.at || a.replaces - b.replaces || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const { edit } of sorted) {
    out += text.slice(cursor, edit.at) + edit.text;
    cursor = Math.max(cursor, edit.end, edit.at);
  }
  return out + text.slice(cursor);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
