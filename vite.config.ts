import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { MIN_PASSWORD_LENGTH } from './contracts/identity.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The staff app: web/staff → dist/web/staff, served under /app/. The CSP allows own scripts, styles
 * and fonts only (no inline code, no data: fonts), so nothing is inlined into the HTML or the CSS.
 */
export default defineConfig({
  root: `${root}web/staff`,
  base: '/app/',
  publicDir: false,
  plugins: [react()],
  define: { __LOTSE_MIN_PASSWORD_LENGTH__: JSON.stringify(MIN_PASSWORD_LENGTH) },
  resolve: {
    alias: {
      '#contracts': `${root}contracts`,
      '#web': `${root}web`,
      '#locales': `${root}locales`,
    },
  },
  build: {
    outDir: `${root}dist/web/staff`,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
