import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({
  root: '/work/main/renderer',
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: '/tmp/td/dist', emptyOutDir: true, chunkSizeWarningLimit: 8000, minify: false, rollupOptions: { input: '/work/main/renderer/data/harness/index.html' } },
});
