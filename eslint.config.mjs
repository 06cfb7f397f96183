import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

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
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:dev-lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:dev-lib'] },
            { sourceTag: 'type:dev-lib', onlyDependOnLibsWithTags: ['type:lib', 'type:dev-lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:dev-lib'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:gateway',
              onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'],
            },
            {
              sourceTag: 'scope:content',
              onlyDependOnLibsWithTags: ['scope:content', 'scope:shared'],
            },
            {
              sourceTag: 'scope:library',
              onlyDependOnLibsWithTags: ['scope:library', 'scope:shared'],
            },
            { sourceTag: 'scope:forum', onlyDependOnLibsWithTags: ['scope:forum', 'scope:shared'] },
            {
              sourceTag: 'scope:bulletin',
              onlyDependOnLibsWithTags: ['scope:bulletin', 'scope:shared'],
            },
            {
              sourceTag: 'scope:referral',
              onlyDependOnLibsWithTags: ['scope:referral', 'scope:shared'],
            },
            {
              sourceTag: 'scope:engagement',
              onlyDependOnLibsWithTags: ['scope:engagement', 'scope:shared'],
            },
            {
              sourceTag: 'scope:assistant',
              onlyDependOnLibsWithTags: ['scope:assistant', 'scope:shared'],
            },
            {
              sourceTag: 'scope:opendata-sim',
              onlyDependOnLibsWithTags: ['scope:opendata-sim', 'scope:shared'],
            },
            {
              sourceTag: 'scope:notifier',
              onlyDependOnLibsWithTags: ['scope:notifier', 'scope:shared'],
            },
            {
              sourceTag: 'scope:hotline-sim',
              onlyDependOnLibsWithTags: ['scope:hotline-sim', 'scope:shared'],
            },
            {
              sourceTag: 'scope:portal-web',
              onlyDependOnLibsWithTags: ['scope:portal-web', 'scope:shared'],
            },
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
