import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.nlp/', 'scripts/neo4j/target/', 'src/api/generated/', 'public/vendor/', 'test-artifacts/', 'bench/results/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Module boundaries (docs/graph-model.md): what extraction, resolution and the graph share lives in
  // src/domain, which depends on nothing of theirs. Resolution and the graph never reach into src/extract;
  // the other layers call extraction only through its public entry, src/extract/index.js (extractArticle).
  {
    files: ['src/resolve/**', 'src/graph/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+extract(/|$)', message: 'src/resolve and src/graph take shared types and helpers from src/domain, never from src/extract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/**', 'src/export/**', 'src/ingest/**', 'src/eval/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+extract/(?!index\\.js$)',
              message: 'Call extraction through src/extract/index.js only; shared types and helpers live in src/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!\\.\\./data/)', message: 'src/domain imports only src/domain and data/ (and npm packages), nothing of extract, resolve or graph.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', console: 'readonly' } },
  },
);
