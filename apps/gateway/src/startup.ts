// What the gateway reads at start besides its variables: the supergraph, the contract and
// the identity provider's keys. A missing one stops the process with one clear line.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureDevKeyPair, type PersonTokenConfig } from '@portal/auth';
import type { Logger } from '@portal/logger';
import { gatewayConfigFromEnv } from './config';
import type { GatewayEnv } from './env';

function fail(message: string): never {
  process.stderr.write(`gateway: ${message}\n`);
  process.exit(1);
}

/** The IdP's JWKS in production; locally the development key pair, created on first start. */
async function personTokenConfig(env: GatewayEnv, log: Logger): Promise<PersonTokenConfig> {
  const base = {
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    algorithms: env.JWT_ALGORITHMS,
    clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_SECONDS,
    maxLifetimeSeconds: env.JWT_MAX_LIFETIME_SECONDS,
  };
  if (env.JWT_JWKS_URL) return { ...base, jwksUrl: env.JWT_JWKS_URL };
  if (env.JWT_PUBLIC_KEY_FILE && existsSync(env.JWT_PUBLIC_KEY_FILE))
    return { ...base, publicKeyPem: readFileSync(env.JWT_PUBLIC_KEY_FILE, 'utf8') };
  if (env.NODE_ENV === 'production')
    fail('JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE (an existing file) is required in production');
  const dir = resolve(env.DATA_DIR, 'keys');
  const keys = await ensureDevKeyPair(dir);
  log.warn({ dir }, 'verifying people with the local development key pair (npm run -s token)');
  return { ...base, publicKeyPem: keys.publicKeyPem };
}

function readSupergraph(path: string): string {
  if (!existsSync(path))
    fail(`no supergraph at ${path}: run \`npm run compose\` (or set SUPERGRAPH_PATH)`);
  return readFileSync(path, 'utf8');
}

function readContract(env: GatewayEnv, log: Logger): string | null {
  const path = env.CONTRACT_PATH;
  if (existsSync(path)) return readFileSync(path, 'utf8');
  if (env.SAFELIST)
    fail(`SAFELIST is on but the contract file ${path} does not exist (CONTRACT_PATH)`);
  log.warn({ path }, 'contract operations not found; metrics label every operation "other"');
  return null;
}

/** The gateway's configuration: its variables plus the files they point to. */
export async function loadGatewayConfig(env: GatewayEnv, log: Logger) {
  return gatewayConfigFromEnv(env, {
    supergraphSdl: readSupergraph(env.SUPERGRAPH_PATH),
    contractSource: readContract(env, log),
    personToken: await personTokenConfig(env, log),
  });
}
