import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app:// under Electron and from the loopback host in a browser:
// relative asset paths work for both. Nothing is loaded from outside the app.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
