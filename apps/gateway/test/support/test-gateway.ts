// Starts the real gateway in-process against the fixture subgraphs (or the real ones, each its
// own process, for tests of federation), a real Redis (own key prefix per file) and a real
// FerretDB database (own database per file).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll } from 'vitest';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  ensureDevKeyPair,
  signPersonToken,
  type PersonClaims,
} from '@portal/auth';
import type { Connection } from 'mongoose';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { composeSupergraph } from '@portal/supergraph';
import { TEST_INTERNAL_SECRET, testServices, uniqueName, useTestDatabase } from '@portal/testing';
import { startGateway, type GatewayConfig, type RunningGateway } from '../../src/server';
import {
  FIXTURE_ROOT,
  startFixtureSubgraphs,
  type FixtureSubgraphs,
} from '../fixtures/fixture-subgraphs';
import { startRealSubgraphs, type RealSubgraphs } from './real-subgraphs';

const WORKSPACE = join(import.meta.dirname, '../../../..');

/** The fixture subgraphs' supergraph, composed in-process like `npm run compose` does. */
export function fixtureSupergraph(): string {
  const result = composeSupergraph(FIXTURE_ROOT);
  if (!result.ok) throw new Error(`fixture composition failed:\n${result.errors.join('\n')}`);
  return result.supergraphSdl;
}

export function contractSource(): string {
  return readFileSync(join(WORKSPACE, 'contract', 'operations.graphql'), 'utf8');
}

export interface TestStack<Subgraphs = FixtureSubgraphs> {
  gateway: RunningGateway;
  subgraphs: Subgraphs;
  /** Base URL of the gateway. */
  url: string;
  graphqlUrl: string;
  redisPrefix: string;
  redis: ReturnType<typeof createRedisConnection>;
  /** The gateway's own (test) database. */
  db: Connection;
  /** Everything the gateway logged, one parsed JSON object per line. */
  logs: Record<string, unknown>[];
  /** The private key of the identity provider the gateway trusts (for hand-made tokens). */
  privateKeyPem: string;
  /** A person token the gateway accepts. */
  personToken(
    claims: Partial<PersonClaims> & { role: PersonClaims['role'] },
    options?: Parameters<typeof signPersonToken>[2],
  ): Promise<string>;
  /** Starts another gateway on the same subgraphs and Redis (and database, unless given) with different settings. */
  startAnother(overrides: Partial<GatewayConfig>, otherDb?: Connection): Promise<RunningGateway>;
}

/**
 * Registers an afterAll that stops everything. Call at the top level of a spec file
 * (it also claims the file's test database).
 */
export function useTestStack(
  label: string,
  options: { overrides?: Partial<GatewayConfig>; slowMs?: number } = {},
): () => Promise<TestStack> {
  return useStack(label, options, async () => ({
    subgraphs: await startFixtureSubgraphs({
      internalTokenSecret: TEST_INTERNAL_SECRET,
      slowMs: options.slowMs,
    }),
    supergraphSdl: fixtureSupergraph(),
  }));
}

/**
 * The gateway over the real subgraphs (each its own process) and the supergraph composed from
 * their schema files: for tests of federation itself. Same contract as {@link useTestStack}.
 */
export function useRealTestStack(
  label: string,
  options: { overrides?: Partial<GatewayConfig> } = {},
): () => Promise<TestStack<RealSubgraphs>> {
  // The real subgraphs start cold beside the rest of the suite: on a busy machine their first
  // writes took over the fixtures' 5 s bound (7 Dec 2026), and the bound is not what these
  // tests check (resilience.spec.ts does, on the fixtures).
  const overrides = { subgraphTimeoutMs: 60_000, ...options.overrides };
  return useStack(label, { overrides }, async () => {
    const subgraphs = await startRealSubgraphs(label);
    return { subgraphs, supergraphSdl: subgraphs.supergraphSdl };
  });
}

function useStack<Subgraphs extends { urls: Record<string, string>; close(): Promise<void> }>(
  label: string,
  options: { overrides?: Partial<GatewayConfig> },
  startSubgraphs: () => Promise<{ subgraphs: Subgraphs; supergraphSdl: string }>,
): () => Promise<TestStack<Subgraphs>> {
  const database = useTestDatabase(`gw_${label}`);
  let stack: Promise<TestStack<Subgraphs>> | undefined;
  const extra: RunningGateway[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  const build = async (): Promise<TestStack<Subgraphs>> => {
    const keys = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'gw-keys-')));
    const { subgraphs, supergraphSdl } = await startSubgraphs();
    cleanups.push(() => subgraphs.close());
    const redis = createRedisConnection(testServices().redisUrl);
    cleanups.push(() => redis.quit());
    const db = await database.connection();
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({
      service: 'gateway',
      level: 'debug',
      destination: new Writable({
        write(chunk, _enc, cb) {
          for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
          cb();
        },
      }),
    });
    const redisPrefix = `${uniqueName(label)}:gw:`;
    const config: GatewayConfig = {
      port: 0,
      host: '127.0.0.1',
      opsPort: 0,
      readinessCacheMs: 0,
      production: false,
      introspection: true,
      supergraphSdl,
      subgraphUrls: subgraphs.urls,
      subgraphTimeoutMs: 5000,
      subgraphConnections: 64,
      internalTokenSecret: TEST_INTERNAL_SECRET,
      clientKeySecret: 'client-key-secret-0123456789abcdef0123',
      personToken: { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, publicKeyPem: keys.publicKeyPem },
      trustProxy: 'loopback',
      bodyLimitBytes: 1_048_576,
      corsOrigins: ['https://cds.hochiminhcity.gov.vn'],
      limits: { maxDepth: 15, maxCost: 5000, maxAliases: 15, maxDirectives: 50, maxTokens: 1000 },
      contractSource: contractSource(),
      safelist: false,
      apqTtlSeconds: 3600,
      responseCache: true,
      rateLimits: {
        windowSeconds: 60,
        anonymous: 10_000,
        person: 10_000,
        tiers: { standard: 10_000, premium: 20_000 },
        defaultTier: 'standard',
      },
      apiKeyCacheSeconds: 0,
      queryPlanCacheMiB: 30,
      routeIdleTimeoutMs: 30_000,
      redisPrefix,
      ...options.overrides,
    };
    const gateway = await startGateway(config, { redis, db, logger });
    cleanups.push(() => gateway.close());
    return {
      gateway,
      subgraphs,
      url: gateway.url,
      graphqlUrl: gateway.graphqlUrl,
      redisPrefix,
      redis,
      db,
      logs,
      privateKeyPem: keys.privateKeyPem,
      personToken: (claims, signOptions) =>
        signPersonToken(
          keys.privateKeyPem,
          {
            sub: claims.sub ?? `${claims.role}-1`,
            name: claims.name ?? `Test ${claims.role}`,
            ...claims,
          },
          signOptions,
        ),
      async startAnother(overrides, otherDb) {
        const another = await startGateway(
          { ...config, redisPrefix: `${uniqueName(label)}:gw:`, ...overrides },
          { redis, db: otherDb ?? db, logger },
        );
        extra.push(another);
        cleanups.push(() => another.close());
        return another;
      },
    };
  };
  return () => (stack ??= build());
}
