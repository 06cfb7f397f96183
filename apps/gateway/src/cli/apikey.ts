// Partner API keys: `npm run -s apikey -- create --name <agency> --scopes content:read[,...] [--tier <name>]`
// prints the new key (one line on stdout, shown this once); `list` shows every key; `revoke <id>`
// stops one. Keys live hashed in the gateway's database (MONGODB_URI / MONGODB_DB).
import { parseArgs } from 'node:util';
import { API_SCOPES } from '@portal/auth';
import { connectDatabase } from '@portal/db';
import { isDomainError } from '@portal/errors';
import { apiKeyModel } from '../api-keys/api-key.model';
import { ApiKeyStore, type ApiKeyRecord } from '../api-keys/api-key-store';
import { defaultTier } from '../config';
import { loadApiKeyCliEnv } from '../env';

const env = loadApiKeyCliEnv();
const tiers = Object.keys(env.RATE_LIMIT_TIERS);
const usage = `usage:
  npm run -s apikey -- create --name <agency> --scopes <scope,...> [--tier <${tiers.join('|')}>]
  npm run -s apikey -- list [--json]
  npm run -s apikey -- revoke <id>
scopes: ${API_SCOPES.join(', ')}`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  if (code === 2) process.stderr.write(`${usage}\n`);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    scopes: { type: 'string' },
    tier: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
const [command, ...rest] = positionals;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (!command) fail('a command is required');

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, attempts: 3 });
const model = apiKeyModel(conn);
await model.init();
const store = new ApiKeyStore(model, { cacheSeconds: 0, tiers });

function row(r: ApiKeyRecord): string {
  const status = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'active';
  const used = r.lastUsedAt ? r.lastUsedAt.toISOString() : 'never';
  return [
    r.id,
    r.name,
    `${r.keyPrefix}…`,
    r.scopes.join(','),
    r.tier,
    r.createdAt.toISOString(),
    used,
    status,
  ].join('\t');
}

try {
  switch (command) {
    case 'create': {
      if (rest.length) fail(`unexpected argument ${rest.join(' ')}`);
      const name = values.name ?? fail('--name is required');
      const scopes = (values.scopes ?? fail('--scopes is required'))
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const { key, record } = await store.create({
        name,
        scopes,
        tier: values.tier ?? defaultTier(env.RATE_LIMIT_TIERS),
      });
      process.stderr.write(
        `created API key ${record.id} for "${record.name}" (scopes ${record.scopes.join(', ')}; tier ${record.tier}).\n` +
          'Hand it to the partner now: it is stored only as a hash and cannot be shown again.\n',
      );
      process.stdout.write(`${key}\n`);
      break;
    }
    case 'list': {
      const records = await store.list();
      if (values.json) process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
      else {
        process.stdout.write('id\tname\tkey\tscopes\ttier\tcreated\tlast used\tstatus\n');
        for (const r of records) process.stdout.write(`${row(r)}\n`);
      }
      break;
    }
    case 'revoke': {
      const id = rest[0] ?? fail('revoke needs the key id (see `list`)');
      const result = await store.revoke(id);
      if (result === 'not-found') fail(`no API key with id ${id}`, 1);
      process.stdout.write(
        result === 'revoked' ? `revoked ${id}\n` : `${id} was already revoked\n`,
      );
      break;
    }
    default:
      fail(`unknown command "${command}"`);
  }
} catch (err) {
  if (isDomainError(err) && err.code === 'BAD_USER_INPUT') {
    fail((err.fields ?? []).map((f) => `--${f.field}: ${f.message}`).join('\n') || err.message);
  }
  throw err;
} finally {
  await conn.close();
}
