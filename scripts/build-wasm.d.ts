// Types for scripts/build-wasm.js (plain Node ESM, run by `npm run build:wasm`).
export function compileLinearWasm(): Promise<Uint8Array>;
export function generatedModule(bytes: Uint8Array): string;
