// Which inner loops this thread's learners run: the WebAssembly kernels (assembly/, shipped as
// base64 modules) or, where WebAssembly or its SIMD is unavailable (or a CSP forbids compiling it),
// the JavaScript loops, which give the same models more slowly. Reported with a tournament's
// timing, so a silent fallback shows.
import { linearWasmModule } from './linear/wasm-design';
import { treeWasmModule } from './treelearner/tree-wasm';

export type KernelEngine = 'webassembly' | 'javascript';

/** 'webassembly' when both the tree and the linear kernels compile on this thread. */
export function kernelEngine(): KernelEngine {
  return treeWasmModule(false) && linearWasmModule() ? 'webassembly' : 'javascript';
}
