// Vite config of the playground. Cross-origin isolation (COOP/COEP) on the dev and preview
// servers gives the page SharedArrayBuffer, which the Python worker needs to block on
// input() and to be interrupted by Stop; a static host must send the same two headers.
import { defineConfig } from 'vite';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', port: 4173, headers: isolation },
  build: { target: 'es2022' },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['phicode'] },
});
