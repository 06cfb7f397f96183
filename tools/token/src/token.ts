// Prints a person token (one line, nothing else) that the locally running stack accepts,
// signed with the dev identity provider's key under .data/keys.
import { parseArgs } from 'node:util';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  ROLES,
  ensureDevKeyPair,
  isRole,
  signPersonToken,
} from '@portal/auth';
import { dataDir } from '@portal/local-services';
import { isUnitCode, UNITS } from '@portal/reference-data';

const usage = `usage: npm run -s token -- --role <${ROLES.join('|')}> --sub <id> --name <display name> [--department <code>] [--email <address>] [--ttl 12h]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    department: { type: 'string' },
    email: { type: 'string' },
    ttl: { type: 'string', default: '12h' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const role = values.role ?? fail('--role is required');
if (!isRole(role)) fail(`unknown role "${role}"`);
const sub = values.sub ?? fail('--sub is required');
const name = values.name ?? fail('--name is required');
if (values.department && !isUnitCode(values.department)) {
  fail(`unknown department "${values.department}"; one of: ${UNITS.map((u) => u.code).join(', ')}`);
}
if (role === 'officer' && !values.department) fail('officers need --department');

const keys = await ensureDevKeyPair(dataDir('keys'));
const token = await signPersonToken(
  keys.privateKeyPem,
  {
    sub,
    name,
    role,
    ...(values.department ? { department: values.department } : {}),
    ...(values.email ? { email: values.email } : {}),
  },
  { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: values.ttl },
);
process.stdout.write(`${token}\n`);
