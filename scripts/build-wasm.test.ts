import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedModule, WASM_MODULES } from './build-wasm.js';

describe('build-wasm', () => {
  it.each(WASM_MODULES.map((m) => [m.target, m] as const))('%s is what its source compiles to (else: npm run build:wasm)', async (target, module) => {
    const committed = readFileSync(new URL(`../${target}`, import.meta.url), 'utf8');
    expect(await generatedModule(module)).toBe(committed);
  });
});
