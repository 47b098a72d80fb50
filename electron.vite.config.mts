import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// The Electron app: the main process (windows and relay only), the services host it starts as a
// utilityProcess, the sandboxed preload (CommonJS, dependencies bundled: a sandboxed preload cannot
// require node_modules), and the renderer. The web-mode bridge is deliberately not an entry here.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: 'main/shell/index.ts',
          host: 'main/shell/services-process.ts',
          // Full audit verification spreads its stretches over worker threads that load this file.
          'audit-verify-worker': 'main/audit/verify-worker.ts',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'main/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: 'renderer/index.html' },
    },
  },
});
