import { readdirSync, readFileSync } from 'node:fs';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** The apps' own scopes (the `scope:<name>` tag in each apps/<name>/project.json). */
const SERVICE_SCOPES = readdirSync(new URL('apps/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap(({ name }) => {
    const { tags = [] } = JSON.parse(
      readFileSync(new URL(`apps/${name}/project.json`, import.meta.url), 'utf8'),
    );
    return tags.filter((tag) => tag.startsWith('scope:')).map((tag) => tag.slice('scope:'.length));
  });

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/tmp/**',
      '.data/**',
      '.nx/**',
      '**/__generated__/**',
      '**/.react-router/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { '@nx': nx },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          checkDynamicDependenciesExceptions: [],
          depConstraints: [
            // Dev-only libs (test harnesses, local servers) serve apps' and libs' tests only: the
            // file-level rule below refuses them in production source.
            ...['type:app', 'type:lib', 'type:dev-lib', 'type:tool'].map((sourceTag) => ({
              sourceTag,
              onlyDependOnLibsWithTags: ['type:lib', 'type:dev-lib'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Each service's code depends only on its own scope and the shared libs.
            ...SERVICE_SCOPES.map((scope) => ({
              sourceTag: `scope:${scope}`,
              onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // process.env is read in one place per app (env.ts, through zod); see libs/config.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in env.ts through @portal/config.',
        },
      ],
    },
  },
  {
    // The places allowed to touch process.env: env schemas, the config lib, and dev/test tooling that launches processes.
    files: [
      '**/env.ts',
      'libs/config/**',
      'libs/testing/**',
      'libs/local-services/**',
      'tools/**',
      'vitest.preset.ts',
      '**/react-router.config.ts',
      '**/*.spec.ts',
      '**/test/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Production source never imports the dev-only libs (tagged type:dev-lib): test harnesses
    // and the embedded FerretDB/Redis/SMTP servers. Tests, benchmarks and tools may.
    files: ['apps/*/src/**/*.ts', 'apps/*/app/**/*.{ts,tsx}', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**', 'libs/local-services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@portal/testing', '@portal/testing/*', '@portal/local-services'],
              message:
                'A dev-only lib (type:dev-lib): import it from tests, benchmarks or tools only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Build and test configuration sits beside a project but is not part of its code.
    files: [
      '**/vitest.config.ts',
      '**/codegen.ts',
      '**/vite.config.ts',
      '**/react-router.config.ts',
    ],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['tools/**', '**/*.spec.ts', '**/test/**', '**/cli/**', '**/seed.ts'],
    rules: { 'no-console': 'off' },
  },
);
