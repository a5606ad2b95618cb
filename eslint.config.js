// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import passerelle from './scripts/eslint-closed-doors.mjs';

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
    // Each folder is entered only through its index.ts (docs/architecture.md). Tests may
    // reach inside the folder they test.
    files: [
      'hub/**/*.ts',
      'connectors/**/*.ts',
      'schemas/**/*.ts',
      'widgets/**/*.ts',
      'portal/**/*.{ts,tsx}',
      'console/**/*.{ts,tsx}',
    ],
    plugins: { passerelle },
    rules: { 'passerelle/closed-doors': 'error' },
  },
  {
    // The faces call the hub's services in-process, never the database.
    files: ['widgets/**/*.ts', 'portal/**/*.{ts,tsx}', 'console/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'mongoose', message: "Faces call the hub's services (a folder's index.ts), never mongoose." },
          ],
          patterns: [
            {
              regex: '-model(\\.js)?$',
              message: "Faces never import a mongoose model: use the folder's named operations.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', 'scripts/**', 'hub/cli/**', 'schemas/generate.ts', 'widgets/*.ts', 'widgets/*.mjs'],
    rules: { 'no-console': 'off', 'no-undef': 'off' },
  },
  { files: ['hub/ui/build-styles.ts'], rules: { 'no-console': 'off' } },
  {
    // Pages escape every string; raw HTML enters only through the one helper made for
    // content sanitized at ingestion (docs/faces.md, "Raw HTML").
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['hub/ui/sanitized-html.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...["JSXAttribute[name.name='dangerouslySetInnerHTML']", "Property[key.name='dangerouslySetInnerHTML']"].map(
          (selector) => ({
            selector,
            message:
              'Raw HTML goes through <SanitizedHtml> (hub/ui/sanitized-html.tsx), for already-sanitized content.',
          }),
        ),
        {
          // FerretDB hangs on an update command of ~100 statements: hub/db/bulk.ts chunks them.
          selector:
            "CallExpression[callee.property.name='bulkWrite']:not(CallExpression[callee.name='bulkWriteInChunks'] CallExpression)",
          message:
            'Bulk writes go through bulkWriteInChunks (hub/db/bulk.ts): FerretDB hangs on large update commands.',
        },
      ],
    },
  },
);
