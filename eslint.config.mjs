// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '*.mjs', '*.js'] },
  // The example's build output, its node scripts, and the generated client types (src/schema.ts).
  {
    ignores: [
      'examples/storefront/dist/**',
      'examples/*/*.mjs',
      'clients/*/*.mjs',
      'clients/typescript/src/schema.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  // One transaction idiom: inTransaction (src/database/transactions.ts) retries serialization failures
  // and deadlocks; a transaction opened any other way does not.
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(transaction|startTransaction|createQueryRunner)$/]",
          message:
            "Open transactions with inTransaction(dataSource, tx => …) from src/database/transactions.ts (it retries 40001/40P01); a method that joins a caller's transaction takes tx: EntityManager.",
        },
      ],
    },
  },
  {
    files: [
      // The helper itself.
      'src/database/transactions.ts',
      // A session of its own that holds the migration advisory lock, not a transaction.
      'src/bootstrap/migrate.ts',
      // TypeORM hands migrations a QueryRunner; some run outside a transaction (CREATE INDEX CONCURRENTLY)
      // and open their own short ones in between.
      'migrations/**/*.ts',
      // Tests open a transaction to call a tx-taking method directly, or to hold locks on purpose.
      'test/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
