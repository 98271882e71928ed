// Builds the data components' development page alone (production mode, for profiling them
// without the app shell): npx vite build --config renderer/data/harness/vite.harness.config.ts
// Output goes to .tourney-tmp/data-harness (git-ignored); serve it with scripts/serve-web.js.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const renderer = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: renderer,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../../.tourney-tmp/data-harness', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) },
  },
});
