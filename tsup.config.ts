import { defineConfig } from 'tsup';

// One ESM bundle per entry so the CLI and the Action start from a single file.
// The simulator and prompts are split into chunks loaded only when used (dynamic import).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli/main.ts',
    action: 'src/action/main.ts',
    simulator: 'src/simulator/index.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  dts: { entry: { index: 'src/index.ts', simulator: 'src/simulator/index.ts' } },
  clean: true,
  sourcemap: false,
  noExternal: [/.*/],
  // Bundled CommonJS dependencies (commander) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __crpatRequire } from 'node:module'; const require = __crpatRequire(import.meta.url);" },
});
