// `npm run seed`: runs every app's demo seed against the configured database (each
// seed runs once per database and is idempotent).
import { spawnSync } from 'node:child_process';
import { entryArgs, workspaceRoot } from '@portal/local-services';
import { discoverSeeds } from './apps';
import { ensureDotEnv } from './dot-env';

const root = workspaceRoot();
// A local tool: development unless told otherwise (the apps themselves default to production).
const env = { NODE_ENV: 'development', ...ensureDotEnv(root), ...process.env };
for (const seed of discoverSeeds(root)) {
  process.stdout.write(`seeding ${seed.app}\n`);
  const run = spawnSync(process.execPath, entryArgs(seed.file), {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
