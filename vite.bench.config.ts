import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The benchmark page (bench.html) is built apart, so the product build ships no bench code.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', outDir: 'dist-bench', chunkSizeWarningLimit: 4000, rollupOptions: { input: 'bench.html' } },
  worker: { format: 'es' },
});
