// `npm run seed`: runs every app's demo seed against the configured database (each
// seed runs once per database and is idempotent).
// `npm run seed -- --scale F` (0 < F ≤ 1): adds the benchmarks' generated scale data instead,
// F of SCALE_DATA in @portal/testing/bench (10,000 articles, 5,000 threads with 50,000
// replies and 100,000 votes, …); running it again, or with a larger F, adds only what is
// missing. With MONGODB_DB_PREFIX each app's database is `<prefix>_<app>`, as in `npm start`.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { entryArgs, workspaceRoot } from '@portal/local-services';
import { scaleFraction } from '@portal/testing/bench';
import { databaseOf, discoverSeeds } from './apps';
import { ensureDotEnv } from './dot-env';

const { values } = parseArgs({ options: { scale: { type: 'string' } } });
const scale = values.scale;
try {
  if (scale !== undefined) scaleFraction({ SCALE_FRACTION: scale });
} catch (err) {
  process.stderr.write(`--scale: ${(err as Error).message}\n`);
  process.exit(2);
}
const root = workspaceRoot();
// A local tool: development unless told otherwise (the apps themselves default to production).
const env = { NODE_ENV: 'development', ...ensureDotEnv(root), ...process.env };
for (const seed of discoverSeeds(root, scale === undefined ? 'demo' : 'scale').flat()) {
  process.stdout.write(`seeding ${seed.app}${scale === undefined ? '' : ` (scale ${scale})`}\n`);
  const run = spawnSync(process.execPath, entryArgs(seed.file), {
    cwd: root,
    env: {
      ...env,
      ...databaseOf(seed.app, env),
      ...(scale === undefined ? {} : { SCALE_FRACTION: scale }),
    },
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
