import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPKCS8, SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevKeyPair, signPersonToken } from '@portal/auth';
import {
  TEST_INTERNAL_SECRET,
  errorCodes,
  gql,
  internalTokenFor,
  testViewer,
} from '@portal/testing';
import { useTestStack } from './support/test-gateway';

const stack = useTestStack('identity');
const WHOAMI = '{ whoami { viewerId displayName roles apiClient requestId clientKey } }';

describe('people (Authorization: Bearer)', () => {
  it('forwards a verified person to the subgraphs as the signed internal token, with the request id', async () => {
    const { graphqlUrl, personToken } = await stack();
    const token = await personToken({
      role: 'officer',
      sub: 'o1',
      name: 'Trần Thị Bình',
      department: 'SO-KHCN',
    });
    const res = await gql(graphqlUrl, WHOAMI, {
      bearer: token,
      headers: { 'x-request-id': 'req-identity-0001' },
    });
    expect(res.status).toBe(200);
    expect(res.data?.whoami).toMatchObject({
      viewerId: 'o1',
      displayName: 'Trần Thị Bình',
      roles: expect.arrayContaining(['citizen', 'officer']),
      apiClient: null,
      requestId: 'req-identity-0001',
    });
    expect(res.data?.whoami.clientKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.headers.get('x-request-id')).toBe('req-identity-0001');
  });

  it('keys anonymous callers on their address alone and signed-in ones on the person', async () => {
    const { graphqlUrl, personToken } = await stack();
    const key = async (headers: Record<string, string>, bearer?: string) =>
      (await gql(graphqlUrl, WHOAMI, { headers, ...(bearer ? { bearer } : {}) })).data?.whoami
        .clientKey as string;
    // Rotating the User-Agent no longer makes a new client (it used to: 35 of 35 lookups).
    const office = { 'x-forwarded-for': '198.51.100.20' };
    const anonymous = await key({ ...office, 'user-agent': 'Firefox/140' });
    expect(anonymous).toMatch(/^[A-Za-z0-9_-]{32}$/);
    for (const ua of ['Safari/18', 'curl/8', `bot-${Date.now()}`])
      expect(await key({ ...office, 'user-agent': ua })).toBe(anonymous);
    expect(await key({ 'x-forwarded-for': '198.51.100.21' })).not.toBe(anonymous);
    // Two people behind one office address are two clients, wherever they sign in from.
    const lan = await personToken({ role: 'citizen', sub: 'lan' });
    const minh = await personToken({ role: 'citizen', sub: 'minh' });
    const lanKey = await key(office, lan);
    expect(await key(office, minh)).not.toBe(lanKey);
    expect(lanKey).not.toBe(anonymous);
    expect(await key({ 'x-forwarded-for': '192.0.2.44', 'user-agent': 'Phone' }, lan)).toBe(lanKey);
  });

  it('refuses expired, malformed, wrongly signed and wrong-audience tokens with 401, never as anonymous', async () => {
    const { graphqlUrl, personToken } = await stack();
    const stranger = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'gw-other-keys-')));
    const bad = {
      expired: await personToken(
        { role: 'editor' },
        { expiresIn: Math.floor(Date.now() / 1000) - 3600 },
      ),
      malformed: 'not.a.jwt',
      wronglySigned: await signPersonToken(stranger.privateKeyPem, {
        sub: 'x',
        name: 'X',
        role: 'admin',
      }),
      wrongAudience: await personToken({ role: 'editor' }, { audience: 'another-app' }),
    };
    for (const [kind, token] of Object.entries(bad)) {
      const res = await gql(graphqlUrl, WHOAMI, { bearer: token });
      expect(res.status, kind).toBe(401);
      expect(errorCodes(res), kind).toEqual(['UNAUTHENTICATED']);
      expect(res.data, kind).toBeUndefined();
      expect(res.headers.get('www-authenticate'), kind).toMatch(/^Bearer /);
    }
    const noScheme = await gql(graphqlUrl, WHOAMI, { headers: { authorization: 'Token abc' } });
    expect(noScheme.status).toBe(401);
    expect(errorCodes(noScheme)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses tokens that live too long, are issued in the future or lack iat, in its own words', async () => {
    const { graphqlUrl, privateKeyPem } = await stack();
    const key = await importPKCS8(privateKeyPem, 'ES256');
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>) => {
      const jwt = new SignJWT({ name: 'Kẻ tấn công', role: 'admin', ...claims })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject('attacker');
      return jwt.sign(key);
    };
    const bad = {
      yearLong: await sign({ iat: now, exp: now + 365 * 86_400 }),
      issuedTwoDaysAgo: await sign({ iat: now - 2 * 86_400, exp: now + 3600 }),
      issuedInTheFuture: await sign({ iat: now + 3600, exp: now + 7200 }),
      noIssuedAt: await sign({ exp: now + 3600 }),
    };
    for (const [kind, token] of Object.entries(bad)) {
      const res = await gql(graphqlUrl, WHOAMI, { bearer: token });
      expect(res.status, kind).toBe(401);
      expect(errorCodes(res), kind).toEqual(['UNAUTHENTICATED']);
      // Never the JWT library's own text ("iat" claim timestamp check failed…).
      expect(res.errors?.[0]?.message, kind).toMatch(/^(Invalid token|Token expired)$/);
    }
    const fine = await sign({ iat: now, exp: now + 3600 });
    expect((await gql(graphqlUrl, WHOAMI, { bearer: fine })).status).toBe(200);
  });

  it('refuses a request that carries both a bearer token and an API key', async () => {
    const { graphqlUrl, personToken } = await stack();
    const res = await gql(graphqlUrl, WHOAMI, {
      bearer: await personToken({ role: 'citizen' }),
      apiKey: 'hcmcdx_whatever',
    });
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('anonymous callers', () => {
  it('reach subgraphs as the anonymous viewer', async () => {
    const { graphqlUrl } = await stack();
    const res = await gql(graphqlUrl, WHOAMI);
    expect(res.data?.whoami).toMatchObject({ viewerId: null, roles: [], apiClient: null });
  });

  it('cannot smuggle a viewer in: an incoming x-portal-viewer header is ignored', async () => {
    const { graphqlUrl } = await stack();
    // Even a token signed with the real secret (say, leaked from a log) grants nothing at the gateway.
    const forged = await internalTokenFor(testViewer('admin', { id: 'intruder' }), {
      secret: TEST_INTERNAL_SECRET,
    });
    const res = await gql(graphqlUrl, WHOAMI, { internalToken: forged });
    expect(res.data?.whoami).toMatchObject({ viewerId: null, roles: [] });
  });

  it('are refused by the subgraph where a role is required (the subgraph enforces its own rules)', async () => {
    const { graphqlUrl, personToken } = await stack();
    expect(errorCodes(await gql(graphqlUrl, '{ myDrafts { id } }'))).toEqual(['UNAUTHENTICATED']);
    const citizen = await personToken({ role: 'citizen' });
    expect(errorCodes(await gql(graphqlUrl, '{ myDrafts { id } }', { bearer: citizen }))).toEqual([
      'FORBIDDEN',
    ]);
    const editor = await personToken({ role: 'editor' });
    const ok = await gql(graphqlUrl, '{ myDrafts { id } }', { bearer: editor });
    expect(ok.data).toEqual({ myDrafts: [{ id: 'a1' }] });
  });
});
