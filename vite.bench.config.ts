import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The benchmark pages (bench.html, bench-access.html, bench-stability.html) are built apart, so the product build ships no bench code.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', outDir: 'dist-bench', chunkSizeWarningLimit: 4000, rollupOptions: { input: ['bench.html', 'bench-access.html', 'bench-stability.html'] } },
  worker: { format: 'es' },
});
