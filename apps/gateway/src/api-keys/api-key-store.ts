import { Types } from 'mongoose';
import { API_SCOPES, isApiScope, type ApiClient, type ApiScope } from '@portal/auth';
import { badInput } from '@portal/errors';
import type { Logger } from '@portal/logger';
import type { ApiKeyModel } from './api-key.model';
import { displayPrefix, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key-secret';

export interface ApiKeyRecord {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: ApiScope[];
  tier: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface NewApiKey {
  name: string;
  scopes: string[];
  tier: string;
}

export type RevokeResult = 'revoked' | 'already-revoked' | 'not-found';

const MAX_CACHED = 10_000;
/** lastUsedAt is a hint for people, not an audit log: write it at most once a minute per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Partner API keys in the gateway's own database, stored only as hashes. Lookups are
 * cached in-process for `cacheSeconds`, so a revocation takes effect within that time
 * on every gateway replica.
 */
export class ApiKeyStore {
  private readonly cache = new Map<string, { client: ApiClient | null; expiresAt: number }>();
  private readonly touchedAt = new Map<string, number>();

  constructor(
    private readonly model: ApiKeyModel,
    private readonly options: { cacheSeconds: number; tiers: readonly string[]; logger?: Logger },
  ) {}

  /** Creates a key and returns it: the only time the key itself is ever available. */
  async create(input: NewApiKey): Promise<{ key: string; record: ApiKeyRecord }> {
    const problems: { field: string; message: string }[] = [];
    const name = input.name.trim();
    if (!name || name.length > 120)
      problems.push({ field: 'name', message: 'must be 1-120 characters' });
    const unknown = input.scopes.filter((s) => !isApiScope(s));
    if (input.scopes.length === 0)
      problems.push({ field: 'scopes', message: `name at least one of ${API_SCOPES.join(', ')}` });
    else if (unknown.length)
      problems.push({
        field: 'scopes',
        message: `unknown scope ${unknown.join(', ')}; known: ${API_SCOPES.join(', ')}`,
      });
    if (!this.options.tiers.includes(input.tier))
      problems.push({
        field: 'tier',
        message: `unknown tier "${input.tier}"; configured: ${this.options.tiers.join(', ')}`,
      });
    if (problems.length) throw badInput(problems);

    const key = generateApiKey();
    const doc = await this.model.create({
      name,
      keyHash: hashApiKey(key),
      keyPrefix: displayPrefix(key),
      scopes: [...new Set(input.scopes)],
      tier: input.tier,
      createdAt: new Date(),
      revokedAt: null,
      lastUsedAt: null,
    });
    return { key, record: toRecord(doc.toObject()) };
  }

  async list(): Promise<ApiKeyRecord[]> {
    const docs = await this.model.find().sort({ createdAt: -1, _id: -1 }).lean();
    return docs.map(toRecord);
  }

  async revoke(id: string): Promise<RevokeResult> {
    if (!Types.ObjectId.isValid(id)) return 'not-found';
    const result = await this.model.updateOne(
      { _id: id, revokedAt: null },
      { $set: { revokedAt: new Date() } },
    );
    if (result.matchedCount === 1) return 'revoked';
    return (await this.model.exists({ _id: id })) ? 'already-revoked' : 'not-found';
  }

  /** The partner a key belongs to, or null for an unknown or revoked key. */
  async authenticate(key: string): Promise<ApiClient | null> {
    if (!isWellFormedApiKey(key)) return null;
    const keyHash = hashApiKey(key);
    const now = Date.now();
    const cached = this.cache.get(keyHash);
    if (cached && cached.expiresAt > now) return cached.client;

    const doc = await this.model.findOne({ keyHash }).lean();
    const client: ApiClient | null =
      doc && !doc.revokedAt
        ? {
            id: String(doc._id),
            name: doc.name,
            scopes: doc.scopes.filter(isApiScope),
            tier: doc.tier,
          }
        : null;
    if (this.options.cacheSeconds > 0) {
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(keyHash, { client, expiresAt: now + this.options.cacheSeconds * 1000 });
    }
    if (client && doc) this.touch(client.id, doc.lastUsedAt ?? null, now);
    return client;
  }

  private touch(id: string, lastUsedAt: Date | null, now: number): void {
    const last = Math.max(lastUsedAt?.getTime() ?? 0, this.touchedAt.get(id) ?? 0);
    if (now - last < LAST_USED_RESOLUTION_MS) return;
    if (this.touchedAt.size >= MAX_CACHED) this.touchedAt.clear();
    this.touchedAt.set(id, now);
    // A plain $set of a timestamp: concurrent writers cannot lose anything that matters.
    this.model
      .updateOne({ _id: id }, { $set: { lastUsedAt: new Date(now) } })
      .catch((err: unknown) =>
        this.options.logger?.warn({ err, apiKeyId: id }, 'could not record API key use'),
      );
  }
}

function toRecord(doc: {
  _id: unknown;
  name: string;
  keyPrefix: string;
  scopes: string[];
  tier: string;
  createdAt: Date;
  revokedAt?: Date | null;
  lastUsedAt?: Date | null;
}): ApiKeyRecord {
  return {
    id: String(doc._id),
    name: doc.name,
    keyPrefix: doc.keyPrefix,
    scopes: doc.scopes.filter(isApiScope),
    tier: doc.tier,
    createdAt: doc.createdAt,
    revokedAt: doc.revokedAt ?? null,
    lastUsedAt: doc.lastUsedAt ?? null,
  };
}
