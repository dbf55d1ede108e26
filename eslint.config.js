import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'react/prop-types': 'off',
    },
  },
  {
    // One instance of every server module: the domain reaches routes through
    // Remix's load context (server/app-context.ts), so app/ imports from server/
    // only in app/domain.ts, and there only pure modules or types.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/domain.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\.?/)+server(/|$)',
              message: 'Take services from the load context; pure modules and types come through ~/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/domain.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Pure: no mongoose, no state, safe in the browser.
              regex:
                '^\\.\\./server/(?!(vocabulary|errors|[a-z-]+/schemas|listings/(completeness|form-values|patents|standard-nda)|shared/(bilingual-input|money))\\.ts$)',
              allowTypeImports: true,
              message:
                'Only pure server modules (vocabulary, errors, zod schemas, pure listing helpers) or types may cross into app/.',
            },
          ],
        },
      ],
    },
  },
);
