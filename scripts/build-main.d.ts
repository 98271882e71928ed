// Types for scripts/build-main.js (plain Node ESM, run by `npm start`).
export function buildMain(options?: { root?: string; outDir?: string }): Promise<{ main: string; preload: string }>;
