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
});
