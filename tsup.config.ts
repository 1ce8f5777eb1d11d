import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  noExternal: [/.*/],
  // Bundled CommonJS dependencies (commander) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __crpatRequire } from 'node:module'; const require = __crpatRequire(import.meta.url);" },
};

export default defineConfig([
  // The package: library, CLI and simulator share chunks; prompts, the demo and the simulator load only when used.
  {
    ...shared,
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts', simulator: 'src/simulator/index.ts' },
    splitting: true,
    // Minified: the argument parser's chunk (commander) is parsed on every command; 131 KB → 44 KB, and a smaller
    // download for `npx crpat`. The Action's committed file below stays readable for review.
    minify: true,
    dts: { entry: { index: 'src/index.ts', simulator: 'src/simulator/index.ts' } },
    clean: ['*', '!action.js'],
  },
  // The GitHub Action: one self-contained file, committed (a runner checks out the repository and runs it as is;
  // it never runs npm). test/integration/action-dist.test.ts fails when the committed file is not the current build.
  {
    ...shared,
    entry: { action: 'src/action/main.ts' },
    splitting: false,
  },
]);
