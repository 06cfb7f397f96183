import { describe, expect, it } from 'vitest';
import { dataReadiness, subgraphListen, type SubgraphEnv } from '../src';

const env = (NODE_ENV: SubgraphEnv['NODE_ENV']): SubgraphEnv => ({
  NODE_ENV,
  LOG_LEVEL: 'silent',
  PORT: 4003,
  HOST: '0.0.0.0',
  INTERNAL_TOKEN_SECRET: 'x'.repeat(32),
});

describe('the settings every subgraph shares', () => {
  it('reads where a subgraph listens and whom it trusts from its environment', () => {
    expect(subgraphListen(env('production'))).toEqual({
      port: 4003,
      host: '0.0.0.0',
      production: true,
      internalTokenSecret: 'x'.repeat(32),
    });
    // Only NODE_ENV=production is production: introspection stays off unless asked for.
    expect(subgraphListen(env('development')).production).toBe(false);
    expect(subgraphListen(env('test')).production).toBe(false);
  });

  it('checks the database and Redis a process has, and only those', async () => {
    let pinged = 0;
    const redis = { ping: async () => void pinged++ } as never;
    expect(dataReadiness({}).map((c) => c.name)).toEqual([]);
    const checks = dataReadiness({ redis });
    expect(checks.map((c) => c.name)).toEqual(['redis']);
    await checks[0]!.check();
    expect(pinged).toBe(1);
  });
});
