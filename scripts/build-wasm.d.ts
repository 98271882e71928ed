// Types for scripts/build-wasm.js (plain Node ESM, run by `npm run build:wasm`).
export interface WasmModuleSpec {
  source: string;
  target: string;
  builds: Record<string, string[]>;
}
export const WASM_MODULES: WasmModuleSpec[];
export function generatedModule(module: WasmModuleSpec): Promise<string>;
