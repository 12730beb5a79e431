import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer build. `base: './'` keeps asset URLs relative so the same
 * build loads from app://station (Electron) and http://127.0.0.1 (browser mode).
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
