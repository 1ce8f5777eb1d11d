// ESLint with typescript-eslint's type-aware rules (https://typescript-eslint.io/getting-started/typed-linting).
// The rules catch bugs, not taste: a promise nobody awaits, a promise where a callback's result is ignored, a switch
// that forgets a member of a union, `return promise` inside a try that then skips its catch. No formatter and no
// stylistic preset run here on purpose, so nobody's normal code fails for trivia. Left to tsc: unused names
// (noUnusedLocals), undefined names, `import type` (verbatimModuleSyntax). `npm run lint` runs this beside knip and
// dependency-cruiser.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const shared = {
  // tsc already refuses unused names and undefined ones (https://typescript-eslint.io/troubleshooting/faqs/eslint).
  '@typescript-eslint/no-unused-vars': 'off',
  'no-undef': 'off',
  // Terminal-safety code matches control characters on purpose: it exists to remove them.
  'no-control-regex': 'off',
};

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', '.tmp/**', 'node_modules/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    // The product: type-aware.
    files: ['src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...shared,
      // Every promise is awaited, returned or explicitly voided: a forgotten await loses errors and ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A `return promise` inside try/catch skips the catch when the promise rejects.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      '@typescript-eslint/only-throw-error': 'error',
      // A switch over a union handles every member or says `default`, so a new check id or status is not missed.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-duplicate-type-constituents': 'error',
      '@typescript-eslint/require-array-sort-compare': ['error', { ignoreStringArrays: true }],
    },
  },
  {
    // Tests and configs: the same syntax rules without type information. Type-aware linting costs about a second
    // per thousand lines on this machine, and vitest itself reports an assertion that was not awaited.
    files: ['test/**/*.ts', 'scripts/**/*.mts', '*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: { ...shared, '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', fetch: 'readonly',
        Request: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
      },
    },
  },
);
