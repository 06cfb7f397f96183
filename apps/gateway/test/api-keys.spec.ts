import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { entryArgs } from '@portal/local-services';
import { errorCodes, gql, testServices, waitUntil } from '@portal/testing';
import { apiKeyModel } from '../src/api-keys/api-key.model';
import { hashApiKey } from '../src/api-keys/api-key-secret';
import { useTestStack } from './support/test-gateway';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const stack = useTestStack('apikeys');

/** Runs `npm run -s apikey -- <args>` as a real process against this file's database. */
async function apikey(dbName: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [...entryArgs(join(ROOT, 'apps/gateway/src/cli/apikey.ts')), ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'test',
          MONGODB_URI: testServices().mongoUri,
          MONGODB_DB: dbName,
          RATE_LIMIT_TIERS: 'standard:10000,premium:20000',
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the apikey CLI', () => {
  it(
    'creates a key (printed once, stored only as a hash), lists it and revokes it',
    { timeout: 120_000 },
    async () => {
      const { graphqlUrl, db } = await stack();
      const dbName = db.name;

      const created = await apikey(
        dbName,
        'create',
        '--name',
        'Sở Thông tin và Truyền thông',
        '--scopes',
        'content:read,library:read',
        '--tier',
        'premium',
      );
      expect(created.code).toBe(0);
      const key = created.stdout.trim();
      expect(key).toMatch(/^hcmcdx_[A-Za-z0-9_-]{43}$/);
      expect(created.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(created.stderr).toMatch(/cannot be shown again/);

      const model = apiKeyModel(db);
      const stored = await model.findOne({ name: 'Sở Thông tin và Truyền thông' }).lean();
      expect(stored).toMatchObject({ keyHash: hashApiKey(key), tier: 'premium' });
      expect(JSON.stringify(stored)).not.toContain(key);

      const res = await gql(graphqlUrl, '{ whoami { apiClient scopes viewerId } }', {
        apiKey: key,
      });
      expect(res.data?.whoami).toEqual({
        apiClient: 'Sở Thông tin và Truyền thông',
        scopes: ['content:read', 'library:read'],
        viewerId: null,
      });
      await waitUntil(async () => (await model.findById(stored!._id).lean())?.lastUsedAt, {
        what: 'lastUsedAt to be recorded',
      });

      const list = await apikey(dbName, 'list', '--json');
      expect(list.code).toBe(0);
      const listed = JSON.parse(list.stdout) as {
        id: string;
        name: string;
        revokedAt: string | null;
      }[];
      const entry = listed.find((k) => k.name === 'Sở Thông tin và Truyền thông')!;
      expect(entry).toMatchObject({ id: String(stored!._id), revokedAt: null });
      expect(list.stdout).not.toContain(key);
      expect((await apikey(dbName, 'list')).stdout).toContain(`${key.slice(0, 13)}…`);

      const revoked = await apikey(dbName, 'revoke', entry.id);
      expect(revoked).toMatchObject({ code: 0, stdout: `revoked ${entry.id}\n` });
      expect((await apikey(dbName, 'revoke', entry.id)).stdout).toMatch(/already revoked/);
      const after = await gql(graphqlUrl, '{ whoami { apiClient } }', { apiKey: key });
      expect(after.status).toBe(401);
      expect(errorCodes(after)).toEqual(['UNAUTHENTICATED']);
    },
  );

  it(
    'refuses unknown scopes, unknown tiers, missing names and unknown ids',
    { timeout: 120_000 },
    async () => {
      const dbName = (await stack()).db.name;
      const badScope = await apikey(dbName, 'create', '--name', 'X', '--scopes', 'content:write');
      expect(badScope.code).toBe(2);
      expect(badScope.stderr).toMatch(/--scopes: unknown scope content:write/);
      expect(badScope.stdout).toBe('');
      const badTier = await apikey(
        dbName,
        'create',
        '--name',
        'X',
        '--scopes',
        'content:read',
        '--tier',
        'gold',
      );
      expect(badTier.stderr).toMatch(/--tier: unknown tier "gold"/);
      expect((await apikey(dbName, 'create', '--scopes', 'content:read')).stderr).toMatch(
        /--name is required/,
      );
      const unknownId = await apikey(dbName, 'revoke', '64b000000000000000000000');
      expect(unknownId.code).toBe(1);
      expect(unknownId.stderr).toMatch(/no API key with id/);
    },
  );
});

describe('API keys at the gateway', () => {
  it('answers 401 for unknown or malformed keys', async () => {
    const { graphqlUrl } = await stack();
    for (const key of ['hcmcdx_' + 'A'.repeat(43), 'not-a-key']) {
      const res = await gql(graphqlUrl, '{ articles { totalCount } }', { apiKey: key });
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('holds a key to its scopes: content:read reads articles, nothing else, and never writes', async () => {
    const { graphqlUrl, gateway, subgraphs } = await stack();
    const { key } = await gateway.apiKeys.create({
      name: 'Báo Sài Gòn Giải Phóng',
      scopes: ['content:read'],
      tier: 'standard',
    });

    const read = await gql(graphqlUrl, '{ articles { nodes { id title } } }', { apiKey: key });
    expect(read.errors).toBeUndefined();
    expect(read.data?.articles.nodes).toHaveLength(2);

    const before = subgraphs.calls.get('content.recordArticleView') ?? 0;
    const write = await gql(graphqlUrl, 'mutation { recordArticleView(id: "a1") }', {
      apiKey: key,
    });
    expect(write.status).toBe(403);
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
    expect(write.errors?.[0]?.message).toMatch(
      /Mutation\.recordArticleView \(needs content:write\)/,
    );
    expect(subgraphs.calls.get('content.recordArticleView') ?? 0).toBe(before);

    const otherService = await gql(graphqlUrl, '{ threads { id } }', { apiKey: key });
    expect(otherService.status).toBe(403);
    expect(otherService.errors?.[0]?.message).toMatch(/Query\.threads \(needs forum:read\)/);

    // A field another subgraph contributes to an entity needs that subgraph's scope too.
    const forumKey = (
      await gateway.apiKeys.create({
        name: 'Forum reader',
        scopes: ['forum:read'],
        tier: 'standard',
      })
    ).key;
    expect(
      (await gql(graphqlUrl, '{ threads { id title } }', { apiKey: forumKey })).errors,
    ).toBeUndefined();
    const nested = await gql(graphqlUrl, '{ threads { id referral { status } } }', {
      apiKey: forumKey,
    });
    expect(nested.status).toBe(403);
    expect(nested.errors?.[0]?.message).toMatch(/Thread\.referral \(needs referral:read\)/);
    // ...and fragments do not hide a field from the check.
    const viaFragment = await gql(
      graphqlUrl,
      'query { threads { ...T } } fragment T on Thread { id referral { status } }',
      { apiKey: forumKey },
    );
    expect(viaFragment.status).toBe(403);
  });

  it('lets a referral:write key run referral mutations', async () => {
    const { graphqlUrl, gateway } = await stack();
    const { key } = await gateway.apiKeys.create({
      name: 'Tổng đài 1022',
      scopes: ['referral:read', 'referral:write'],
      tier: 'standard',
    });
    const res = await gql(
      graphqlUrl,
      'mutation { updateReferralStatus(id: "r1", status: "RESOLVED") }',
      {
        apiKey: key,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ updateReferralStatus: true });
  });

  it('stops a revoked key within API_KEY_CACHE_SECONDS on a gateway that caches lookups', async () => {
    const { startAnother, gateway } = await stack();
    const cached = await startAnother({ apiKeyCacheSeconds: 1 });
    const { key, record } = await gateway.apiKeys.create({
      name: 'Tạm thời',
      scopes: ['content:read'],
      tier: 'standard',
    });
    const query = () => gql(cached.graphqlUrl, '{ articles { totalCount } }', { apiKey: key });
    expect((await query()).status).toBe(200);
    expect(await gateway.apiKeys.revoke(record.id)).toBe('revoked');
    await waitUntil(async () => (await query()).status === 401, {
      what: 'the revoked key to be refused',
    });
  });
});
