import { defineConfig } from 'vite';

// The browser half of the loopback bridge (web mode only): one classic script that defines
// `window.onshi` before the renderer's module script runs.
export default defineConfig({
  build: {
    outDir: 'out/node/web-client',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: {
      entry: 'main/host/web/bridge-client.ts',
      formats: ['iife'],
      name: 'onshiBridge',
      fileName: () => 'onshi-bridge.js',
    },
  },
});
