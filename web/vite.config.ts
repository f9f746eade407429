import { defineConfig } from 'vitest/config';

// The build is embedded in the thematica binary (src/server/embed_web.cmake): one small bundle,
// no source maps, nothing loaded from elsewhere.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { sourcemap: false, assetsInlineLimit: 0, chunkSizeWarningLimit: 400 },
  test: { include: ['src/**/*.test.ts'] },
});
