import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLinearWasm, generatedModule } from './build-wasm.js';

describe('build-wasm', () => {
  it('the committed kernels module is what assembly/linear.ts compiles to (else: npm run build:wasm)', async () => {
    const committed = readFileSync(new URL('../kernels/learn/linear/linear-wasm.generated.ts', import.meta.url), 'utf8');
    expect(generatedModule(await compileLinearWasm())).toBe(committed);
  });
});
