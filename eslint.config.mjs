// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import permitdesk from './eslint/controller-access.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'libs/api-client/src/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
      'no-console': 'error',
    },
  },
  // Import boundaries: libs never import apps; an app imports only itself and libs (standalone composes
  // the api and worker entry points); a lib reaches another lib only through its public index (@app/<lib>).
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['apps/web/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'boundaries/include': ['apps/**/*', 'libs/**/*', 'test/**/*'],
      'boundaries/elements': [
        { type: 'test-support', pattern: 'test/support' },
        { type: 'app', pattern: 'apps/*', capture: ['app'] },
        { type: 'lib', pattern: 'libs/*', capture: ['lib'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            // Anything inside one app or one lib.
            { allow: { dependency: { relationship: { to: 'internal' } } } },
            // Another lib, only through its public index (@app/<lib>).
            {
              from: { element: { types: ['app', 'lib'] } },
              allow: { to: { element: { type: 'lib', fileInternalPath: 'src/index.ts' } } },
            },
            // The standalone process composes the api and the worker.
            {
              from: { element: { type: 'app', captured: { app: 'standalone' } } },
              allow: { to: { element: { type: 'app', captured: { app: ['api', 'worker'] } } } },
            },
            // Integration specs beside the code start private servers with the shared test helpers.
            {
              from: { element: { types: ['app', 'lib'] } },
              allow: { to: { element: { type: 'test-support' } } },
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.ts'],
    ignores: ['apps/web/**'],
    plugins: { permitdesk },
    rules: { 'permitdesk/controller-access': 'error' },
  },
  // Tests may use loose types for fakes; scripts, benchmarks and the CLI talk to a terminal.
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'apps/cli/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
