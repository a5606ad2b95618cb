// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'widgets/dist/', 'schemas/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
      // Stripping control characters that XML and JSON forbid is deliberate.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['test/**', 'scripts/**', 'hub/cli/**', 'schemas/generate.ts', 'widgets/*.ts', 'widgets/*.mjs'],
    rules: { 'no-console': 'off', 'no-undef': 'off' },
  },
);
