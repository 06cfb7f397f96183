import express from 'express';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@portal/config';
import { gatewayConfigFromEnv, trustProxySetting } from './config';
import { gatewayEnvCheck, gatewayEnvShape, type GatewayEnv } from './env';

const SECRET = 'i'.repeat(40);
const parse = (vars: Record<string, string>) =>
  parseEnv(gatewayEnvShape, { INTERNAL_TOKEN_SECRET: SECRET, ...vars });
/** `parse` with the checks across variables too, as `loadEnv` runs them. */
const parseChecked = (vars: Record<string, string>) =>
  parseEnv(gatewayEnvShape, { INTERNAL_TOKEN_SECRET: SECRET, ...vars }, gatewayEnvCheck);
const loaded = {
  supergraphSdl: 'type Query { a: Int }',
  contractSource: null,
  personToken: { issuer: 'i', audience: 'a', publicKeyPem: 'k' },
};

describe('gateway configuration', () => {
  it('has working defaults for a local run (development asked for)', () => {
    const result = parse({ NODE_ENV: 'development' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const config = gatewayConfigFromEnv(result.env as GatewayEnv, loaded);
    expect(config).toMatchObject({
      port: 4000,
      production: false,
      introspection: true,
      bodyLimitBytes: 1_048_576,
      limits: { maxDepth: 15, maxCost: 5000, maxAliases: 15, maxDirectives: 50, maxTokens: 1000 },
      safelist: false,
      subgraphUrls: { content: 'http://127.0.0.1:4001', referral: 'http://127.0.0.1:4005' },
      rateLimits: {
        windowSeconds: 60,
        anonymous: 300,
        person: 600,
        tiers: { standard: 1200, premium: 6000 },
        defaultTier: 'standard',
      },
      redisPrefix: 'portal:gw:',
    });
    expect(config.clientKeySecret).toMatch(/^[0-9a-f]{64}$/);
    // A hung service holds a forwarded route no longer than GraphQL's own subgraph timeout allows.
    expect(config.routeIdleTimeoutMs).toBeLessThanOrEqual(15_000);
  });

  it('turns introspection off in production unless asked, and reads tiers and timeouts', () => {
    const result = parse({
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://db/',
      REDIS_URL: 'redis://redis:6379',
      JWT_ISSUER: 'https://id.hochiminhcity.gov.vn',
      JWT_AUDIENCE: 'cds-portal',
      RATE_LIMIT_TIERS: 'district:300,city:3000',
      SUBGRAPH_TIMEOUTS: 'library:20000',
      CONTENT_URL: 'http://content:4001/',
      TRUST_PROXY: '10.0.0.0/8',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const config = gatewayConfigFromEnv(result.env as GatewayEnv, loaded);
    expect(config.introspection).toBe(false);
    expect(config.rateLimits.tiers).toEqual({ district: 300, city: 3000 });
    expect(config.rateLimits.defaultTier).toBe('district');
    expect(config.subgraphTimeouts).toEqual({ library: 20000 });
    expect(config.subgraphUrls.content).toBe('http://content:4001');
  });

  it('is production when NODE_ENV is unset: no introspection, no CORS, and the identity provider is required', () => {
    const bare = parse({ MONGODB_URI: 'mongodb://db/', REDIS_URL: 'redis://redis:6379' });
    expect(bare.ok).toBe(false);
    if (bare.ok) return;
    expect(bare.message).toMatch(/JWT_ISSUER is required/);
    expect(bare.message).toMatch(/JWT_AUDIENCE is required/);
    // With the identity provider named, as production runs: its keys are still missing.
    const production = {
      MONGODB_URI: 'mongodb://db/',
      REDIS_URL: 'redis://redis:6379',
      JWT_ISSUER: 'https://id.hochiminhcity.gov.vn',
      JWT_AUDIENCE: 'cds-portal',
      TRUST_PROXY: 'loopback',
    };
    const noKeys = parseChecked(production);
    expect(noKeys.ok).toBe(false);
    if (noKeys.ok) return;
    expect(noKeys.message).toMatch(/JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE is required in production/);
    const full = parseChecked({
      ...production,
      JWT_JWKS_URL: 'https://id.hochiminhcity.gov.vn/jwks',
    });
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    const config = gatewayConfigFromEnv(full.env as GatewayEnv, loaded);
    expect(config).toMatchObject({ production: true, introspection: false, corsOrigins: [] });
  });

  it('names each malformed variable', () => {
    const result = parse({ RATE_LIMIT_TIERS: 'standard=5', MAX_DEPTH: '0', SAFELIST: 'sometimes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/RATE_LIMIT_TIERS .*"standard=5" is not name:number/);
    expect(result.message).toMatch(/MAX_DEPTH/);
    expect(result.message).toMatch(/SAFELIST/);
  });

  it('trusts only loopback proxies by default, and production must name its proxies', () => {
    const local = parse({ NODE_ENV: 'development' });
    expect(local.ok && local.env.TRUST_PROXY).toBe('loopback');
    // The function Express itself compiles from the setting.
    const trusted = express()
      .set('trust proxy', trustProxySetting('loopback'))
      .get('trust proxy fn') as (address: string, hop: number) => boolean;
    expect(trusted('127.0.0.1', 0)).toBe(true);
    // A client on a private network can no longer choose its address with X-Forwarded-For.
    for (const address of ['10.0.0.5', '192.168.1.20', '172.16.4.4', 'fd00::1', '169.254.1.1'])
      expect(trusted(address, 0), address).toBe(false);
    const production = parse({
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://db/',
      REDIS_URL: 'redis://redis:6379',
      JWT_ISSUER: 'https://id.hochiminhcity.gov.vn',
      JWT_AUDIENCE: 'cds-portal',
    });
    expect(production.ok).toBe(false);
    if (!production.ok) expect(production.message).toMatch(/TRUST_PROXY is required/);
  });

  it('reads TRUST_PROXY as Express does: hop counts, switches or addresses', () => {
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('10.0.0.0/8, loopback')).toBe('10.0.0.0/8, loopback');
  });
});
