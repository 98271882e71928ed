import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { scorerAssetsPlugin } from './scorer/bundle/app-assets';

// Cross-origin isolation lets workers share SharedArrayBuffer and onnxruntime-web use threads.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../sample-data/public',
  // scorerAssetsPlugin: the scorer bundle's server.js and runtime lock, shipped as app assets for "Export scorer".
  plugins: [react(), scorerAssetsPlugin()],
  worker: { format: 'es' },
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  server: { host: '127.0.0.1', headers: isolationHeaders },
  preview: { host: '127.0.0.1', headers: isolationHeaders },
});
