import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseOf, discoverSeeds } from '../src/apps';

const root = mkdtempSync(join(tmpdir(), 'dev-services-apps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [app, file] of [
  ['bulletin', 'src/seed.ts'],
  ['bulletin', 'bench/scale-seed.ts'],
  ['content', 'src/seed.ts'],
  ['content', 'bench/scale-seed.ts'],
  ['forum', 'bench/scale-seed.ts'],
  ['gateway', 'src/main.ts'],
]) {
  mkdirSync(join(root, 'apps', app!, file!, '..'), { recursive: true });
  writeFileSync(join(root, 'apps', app!, file!), '');
}

describe('seed discovery', () => {
  it('finds the demo seeds, and the scale seeds apart from them, bulletin in the last phase', () => {
    expect(discoverSeeds(root).map((phase) => phase.map((s) => s.app))).toEqual([
      ['content'],
      ['bulletin'],
    ]);
    expect(discoverSeeds(root, 'scale')).toEqual([
      [
        { app: 'content', file: join(root, 'apps/content/bench/scale-seed.ts') },
        { app: 'forum', file: join(root, 'apps/forum/bench/scale-seed.ts') },
      ],
      [{ app: 'bulletin', file: join(root, 'apps/bulletin/bench/scale-seed.ts') }],
    ]);
  });

  it("names each app's database under MONGODB_DB_PREFIX, and leaves the default alone without it", () => {
    expect(databaseOf('forum', { MONGODB_DB_PREFIX: 'e2e_1' })).toEqual({
      MONGODB_DB: 'e2e_1_forum',
    });
    expect(databaseOf('forum', {})).toEqual({});
  });
});
