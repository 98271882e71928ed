// Planning a WebAssembly kernel's memory: addresses handed out by a bump pointer before the memory
// exists (its size must be known to create it; growing it later would detach every view made).

export const WASM_PAGE = 65536;
/** A wasm32 memory holds at most 2¹⁶ pages (4 GiB). */
const MAX_PAGES = 65536;

/** The pages that hold `bytes` (at least one). */
export function pagesFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / WASM_PAGE));
}

export class MemoryLayout {
  /** Bytes planned so far. */
  bytes = 0;

  /** A 16-byte aligned block (the kernels' 128-bit loads); its address. */
  alloc(bytes: number): number {
    const at = this.bytes;
    this.bytes += Math.ceil(bytes / 16) * 16;
    return at;
  }

  /** A memory of exactly the planned size (plain or shared), or null over 4 GiB or when it is refused. */
  memory(shared = false): WebAssembly.Memory | null {
    const pages = pagesFor(this.bytes);
    if (pages > MAX_PAGES) return null;
    try {
      return new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
    } catch {
      return null;
    }
  }
}
