/** How the simulator misbehaves, changeable at run time through the control API. */
export interface FaultSettings {
  /** `error`: 503; `timeout`: the answer comes after `hangMs`; `malformed`: 200 with broken JSON (or a cut-off file). */
  mode: 'none' | 'error' | 'timeout' | 'malformed';
  /** How many more calls the fault applies to (null: until changed). */
  remaining: number | null;
  /** Which calls: the Action API, resource downloads, or both. */
  scope: 'api' | 'download' | 'all';
  hangMs: number;
}

export const NO_FAULT: FaultSettings = {
  mode: 'none',
  remaining: null,
  scope: 'all',
  hangMs: 30_000,
};

/** The fault for one call of `kind`, counting it down; `none` when the call is served normally. */
export function takeFault(
  settings: FaultSettings,
  kind: 'api' | 'download',
): FaultSettings['mode'] {
  if (settings.mode === 'none') return 'none';
  if (settings.scope !== 'all' && settings.scope !== kind) return 'none';
  if (settings.remaining !== null) {
    if (settings.remaining <= 0) return 'none';
    settings.remaining -= 1;
  }
  return settings.mode;
}
