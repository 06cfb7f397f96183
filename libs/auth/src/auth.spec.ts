import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPKCS8, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevKeyPair, signPersonToken } from './dev-keys';
import {
  createInternalTokenSigner,
  signInternalToken,
  verifyInternalToken,
} from './internal-token';
import { createPersonTokenVerifier } from './person-token';
import { ANONYMOUS, hasRole, requireRole, type Viewer } from './viewer';

const SECRET = 'a'.repeat(40);
const FORUM = { audience: 'forum' };
const editor: Viewer = {
  ...ANONYMOUS,
  id: 'u1',
  displayName: 'Biên tập',
  email: 'bien.tap@example.vn',
  roles: ['citizen', 'editor'],
};

describe('internal token', () => {
  it('round-trips the viewer', async () => {
    const token = await signInternalToken(editor, SECRET, { audience: 'forum', clientKey: 'ck-1' });
    const result = await verifyInternalToken(token, SECRET, FORUM);
    expect(result.ok).toBe(true);
    expect(result.viewer).toEqual(editor);
    expect(result.clientKey).toBe('ck-1');
  });

  it('yields the anonymous viewer for forged, expired or missing tokens', async () => {
    const forged = await signInternalToken({ ...editor, roles: ['admin'] }, 'b'.repeat(40), {
      audience: 'forum',
    });
    expect((await verifyInternalToken(forged, SECRET, FORUM)).viewer).toEqual(ANONYMOUS);
    const expired = await signInternalToken(editor, SECRET, { audience: 'forum', ttlSeconds: -10 });
    expect((await verifyInternalToken(expired, SECRET, FORUM)).viewer).toEqual(ANONYMOUS);
    expect((await verifyInternalToken(undefined, SECRET, FORUM)).ok).toBe(false);
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ v: { id: 'x', roles: ['admin'] } })).toString('base64url')}.`;
    expect((await verifyInternalToken(noneAlg, SECRET, FORUM)).viewer).toEqual(ANONYMOUS);
  });

  it('refuses a token addressed to another subgraph, or to the old shared audience', async () => {
    const forLibrary = await signInternalToken(editor, SECRET, { audience: 'library' });
    const result = await verifyInternalToken(forLibrary, SECRET, FORUM);
    expect(result.ok).toBe(false);
    expect(result.viewer).toEqual(ANONYMOUS);
    const shared = await new SignJWT({ v: editor })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('portal-gateway')
      .setAudience('portal-subgraph')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(SECRET));
    expect((await verifyInternalToken(shared, SECRET, FORUM)).ok).toBe(false);
  });

  it('refuses a token without an expiry', async () => {
    const forever = await new SignJWT({ v: editor })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('portal-gateway')
      .setAudience('portal-subgraph:forum')
      .setIssuedAt()
      .sign(new TextEncoder().encode(SECRET));
    const result = await verifyInternalToken(forever, SECRET, FORUM);
    expect(result.ok).toBe(false);
    expect(result.viewer).toEqual(ANONYMOUS);
  });

  it('signs once per viewer, client and subgraph while the token is fresh', async () => {
    const tokenFor = createInternalTokenSigner(SECRET, { ttlSeconds: 60 });
    const a = await tokenFor(editor, 'forum', 'ck-1');
    expect(await tokenFor({ ...editor }, 'forum', 'ck-1')).toBe(a);
    expect(await tokenFor(editor, 'library', 'ck-1')).not.toBe(a);
    expect(await tokenFor(editor, 'forum', 'ck-2')).not.toBe(a);
    expect(await tokenFor(ANONYMOUS, 'forum', 'ck-1')).not.toBe(a);
    expect((await verifyInternalToken(a, SECRET, FORUM)).clientKey).toBe('ck-1');
  });

  it('drops unknown roles smuggled into the payload', async () => {
    const token = await new SignJWT({ v: { id: 'u', roles: ['root', 'editor'] } })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('portal-gateway')
      .setAudience('portal-subgraph:forum')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(SECRET));
    expect((await verifyInternalToken(token, SECRET, FORUM)).viewer.roles).toEqual(['editor']);
  });
});

describe('person token', () => {
  it('verifies dev tokens and maps claims to a viewer', async () => {
    const keys = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'keys-')));
    const verify = await createPersonTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      publicKeyPem: keys.publicKeyPem,
    });
    const token = await signPersonToken(keys.privateKeyPem, {
      sub: 'o1',
      name: 'Cán bộ Sở',
      role: 'officer',
      department: 'SO-KHCN',
      email: 'can.bo@so-khcn.hochiminhcity.gov.vn',
    });
    const viewer = await verify(token);
    expect(viewer).toMatchObject({
      id: 'o1',
      displayName: 'Cán bộ Sở',
      department: 'SO-KHCN',
      email: 'can.bo@so-khcn.hochiminhcity.gov.vn',
    });
    expect(viewer.roles.sort()).toEqual(['citizen', 'officer']);
  });

  it('signs and verifies alike in every process given one shared private key (SEC1, read-only, no public file)', async () => {
    // As the development chart mounts its generated Secret into the gateway and the web portal.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'shared-keys-')));
    for (const dir of dirs) {
      writeFileSync(
        join(dir, 'dev-idp-private.pem'),
        privateKey.export({ type: 'sec1', format: 'pem' }),
      );
      chmodSync(dir, 0o555);
    }
    const [portal, gateway] = await Promise.all(dirs.map((d) => ensureDevKeyPair(d)));
    expect(readdirSync(dirs[0]!)).toEqual(['dev-idp-private.pem']);
    const verify = await createPersonTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      publicKeyPem: gateway!.publicKeyPem,
    });
    const token = await signPersonToken(portal!.privateKeyPem, {
      sub: 'w1',
      name: 'Người dân',
      role: 'citizen',
    });
    expect((await verify(token)).id).toBe('w1');
    // A key of another process (the mismatch this prevents) is refused.
    const own = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'keys-')));
    await expect(
      verify(await signPersonToken(own.privateKeyPem, { sub: 'w1', name: 'X', role: 'citizen' })),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses expired, wrongly signed or wrong-audience tokens with UNAUTHENTICATED', async () => {
    const keys = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'keys-')));
    const other = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'keys-')));
    const verify = await createPersonTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      publicKeyPem: keys.publicKeyPem,
    });
    const claims = { sub: 'c1', name: 'Dân', role: 'citizen' as const };
    const cases = [
      await signPersonToken(keys.privateKeyPem, claims, {
        expiresIn: Math.floor(Date.now() / 1000) - 120,
      }),
      await signPersonToken(other.privateKeyPem, claims),
      await signPersonToken(keys.privateKeyPem, claims, { audience: 'someone-else' }),
      'not.a.jwt',
    ];
    for (const token of cases) {
      await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});

describe('person token lifetime', () => {
  it('refuses over-long lifetimes, old tokens, future iat and a missing iat, with our own words', async () => {
    const keys = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'keys-')));
    const key = await importPKCS8(keys.privateKeyPem, 'ES256');
    const verify = await createPersonTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      publicKeyPem: keys.publicKeyPem,
      maxLifetimeSeconds: 3600,
      clockToleranceSeconds: 30,
    });
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ role: 'admin', ...claims })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject('u1')
        .sign(key);
    expect((await verify(await sign({ iat: now, exp: now + 3600 }))).id).toBe('u1');
    // Within the clock tolerance a slightly early iat passes.
    expect((await verify(await sign({ iat: now + 20, exp: now + 600 }))).id).toBe('u1');
    for (const claims of [
      { iat: now, exp: now + 3601 },
      { iat: now - 3700, exp: now + 60 },
      { iat: now + 120, exp: now + 600 },
      { exp: now + 600 },
    ]) {
      const err = await verify(await sign(claims)).catch((e: unknown) => e);
      expect(err, JSON.stringify(claims)).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((err as Error).message).toMatch(/^(Invalid token|Token expired)$/);
    }
  });
});

describe('roles', () => {
  it('treats admin as every role and refuses others', () => {
    expect(hasRole({ ...ANONYMOUS, id: 'a', roles: ['admin'] }, 'moderator')).toBe(true);
    expect(() => requireRole(ANONYMOUS, 'editor')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => requireRole({ ...ANONYMOUS, id: 'c', roles: ['citizen'] }, 'editor')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
