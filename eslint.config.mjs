// ESLint with type-checked rules over the TypeScript sources and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const recordMessage =
  "A Record<string, …> made from an object literal inherits Object.prototype, so a key such as 'constructor' or '__proto__' finds or changes its members: use dict() / dictOf() from src/shared/dict.ts or a Map.";

const cores = [
  'src/shared/**',
  'src/model/**',
  'src/language/**',
  'src/vtl/**',
  'src/runtime/**',
  'src/aws/**',
  'src/cli/**',
  'src/server/**',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'examples/',
      'test/fixtures/',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
      'types/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The pure cores never import VS Code (ARCHITECTURE.md, invariant 1).
    files: cores,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Only src/extension/ may import vscode.' }] },
      ],
    },
  },
  {
    // Objects keyed by text from outside (header, query and map keys, names in a definition, template or config)
    // must not inherit Object.prototype: 'constructor', 'toString' or '__proto__' would find or change its members.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "VariableDeclarator[id.typeAnnotation.typeAnnotation.typeName.name='Record'][id.typeAnnotation.typeAnnotation.typeArguments.params.0.type='TSStringKeyword'] > ObjectExpression.init",
          message: recordMessage,
        },
        {
          selector:
            "PropertyDefinition[typeAnnotation.typeAnnotation.typeName.name='Record'][typeAnnotation.typeAnnotation.typeArguments.params.0.type='TSStringKeyword'] > ObjectExpression.value",
          message: recordMessage,
        },
        {
          selector:
            "TSAsExpression[typeAnnotation.typeName.name='Record'][typeAnnotation.typeArguments.params.0.type='TSStringKeyword'] > ObjectExpression.expression",
          message: recordMessage,
        },
        {
          selector:
            "VariableDeclarator[id.typeAnnotation.typeAnnotation.type='TSTypeLiteral']:has(TSIndexSignature) > ObjectExpression.init",
          message: recordMessage,
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // node:test's describe/it return promises that the runner awaits itself.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' },
          ],
        },
      ],
    },
  },
);
