import type { OpendataSimConfig } from './server';
import { DEFAULT_PORTS, baseEnv, devDefault, httpEnv, loadEnv, z } from '@portal/config';

/** The open-data portal simulator's configuration (dev and tests only). */
export const env = loadEnv('opendata-sim', () => ({
  ...baseEnv(),
  ...httpEnv(DEFAULT_PORTS['opendata-sim']),
  /** The key of its `/_control` API (`authorization: Bearer …`). */
  OPENDATA_SIM_CONTROL_KEY: devDefault(
    z.string().min(16, 'must be at least 16 characters'),
    'opendata-sim-dev-control-key',
  ),
  /** How long a "timeout" fault holds its answer. */
  SIM_HANG_MS: z.coerce.number().int().min(0).default(30_000),
}));

export function simConfigFromEnv(e: typeof env): OpendataSimConfig {
  return {
    port: e.PORT,
    host: e.HOST,
    controlKey: e.OPENDATA_SIM_CONTROL_KEY,
    hangMs: e.SIM_HANG_MS,
  };
}
