import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Staff console (管理端). Built into web/dist and served by the server at /console/ (SPA fallback).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  // No @vitejs/plugin-react: Vite's built-in Oxc transform compiles JSX with the automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      onwarn(warning, defaultHandler) {
        // antd marks its modules "use client"; meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000' },
      // public verification page and badge QR, linked from the officer detail page
      '/officers': { target: 'http://127.0.0.1:3000' },
      // public document verification page, linked from the case detail page
      '/documents': { target: 'http://127.0.0.1:3000' },
      // public receipt check, linked from the evidence card
      '/verify': { target: 'http://127.0.0.1:3000' },
    },
  },
});
