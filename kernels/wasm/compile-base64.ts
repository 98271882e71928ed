// Compiles a WebAssembly module shipped as base64 (the generated modules of scripts/build-wasm.js).

/**
 * The compiled module, or null where WebAssembly, one of the features the module uses (SIMD,
 * shared memory) or the page's CSP forbids it: callers then run their JavaScript loops.
 * Synchronous: the modules are a few KB.
 */
export function compileBase64Module(base64: string): WebAssembly.Module | null {
  try {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}
