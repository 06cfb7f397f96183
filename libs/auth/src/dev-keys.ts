import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8 } from 'jose';
import type { Role } from './viewer';

/** Issuer and audience of locally minted person tokens. */
export const DEV_ISSUER = 'urn:hcmc-dx-portal:dev-idp';
export const DEV_AUDIENCE = 'hcmc-dx-portal';
const ALG = 'ES256';

export interface DevKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * The development identity provider's ES256 key pair under `dir`, created on first use (the
 * local stand-in for the city's IdP). A private key alone (PKCS#8 or SEC1 PEM, e.g. the
 * development chart's shared Secret mounted read-only) is used as is, its public key derived,
 * so every process given the same key signs and verifies alike.
 */
export async function ensureDevKeyPair(dir: string): Promise<DevKeyPair> {
  const privatePath = join(dir, 'dev-idp-private.pem');
  const publicPath = join(dir, 'dev-idp-public.pem');
  if (existsSync(privatePath)) {
    const key = createPrivateKey(readFileSync(privatePath, 'utf8'));
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
      throw new Error(`${privatePath}: not a P-256 (ES256) private key`);
    return {
      privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  mkdirSync(dir, { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const pair = {
    privateKeyPem: await exportPKCS8(privateKey),
    publicKeyPem: await exportSPKI(publicKey),
  };
  writeFileSync(privatePath, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicPath, pair.publicKeyPem);
  return pair;
}

export interface PersonClaims {
  sub: string;
  name: string;
  role: Role;
  department?: string;
  email?: string;
}

/** Mints a person token as the city's IdP would, for local runs and tests. */
export async function signPersonToken(
  privateKeyPem: string,
  claims: PersonClaims,
  options: { issuer?: string; audience?: string; expiresIn?: string | number } = {},
): Promise<string> {
  const key = await importPKCS8(privateKeyPem, ALG);
  const roles = claims.role === 'citizen' ? ['citizen'] : ['citizen', claims.role];
  const jwt = new SignJWT({
    name: claims.name,
    roles,
    ...(claims.department ? { department: claims.department } : {}),
    ...(claims.email ? { email: claims.email } : {}),
  })
    .setProtectedHeader({ alg: ALG })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  return jwt.sign(key);
}
