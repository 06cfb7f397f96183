import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('dev-only libs (type:dev-lib) are refused in production source', () => {
  const imports = [
    "import { gql } from '@portal/testing';\nexport const x = gql;\n",
    "import { benchServices } from '@portal/testing/bench';\nexport const x = benchServices;\n",
    "import { startRedis } from '@portal/local-services';\nexport const x = startRedis;\n",
  ];

  it.each(imports)('refuses %s in an app or lib source file', async (code) => {
    expect(await violations('apps/content/src/services/lint-fixture.ts', code)).toContain(
      'no-restricted-imports',
    );
    expect(await violations('libs/db/src/lint-fixture.ts', code)).toContain(
      'no-restricted-imports',
    );
  });

  it.each(imports)('allows %s in tests', async (code) => {
    expect(await violations('apps/content/test/lint-fixture.spec.ts', code)).not.toContain(
      'no-restricted-imports',
    );
    expect(await violations('apps/content/src/domain/lint-fixture.spec.ts', code)).not.toContain(
      'no-restricted-imports',
    );
  });
});
