import { ensureGoProgram, startGoServer } from './go-program';
import type { ManagedProcess } from './process-group';

/**
 * Builds the embedded FerretDB (infra/ferretdb) with the Go toolchain on first use and
 * returns the binary's path. Rebuilt only when its sources change; parallel callers
 * wait for one build. `patched: false` builds FerretDB as released, without
 * infra/ferretdb/patches.json (for the differential test of those patches).
 */
export function ensureFerretdbBinary(
  log: (line: string) => void = () => {},
  options: { patched?: boolean } = {},
): string {
  return ensureGoProgram(
    {
      name: 'ferretdb',
      title: options.patched === false ? 'unpatched FerretDB' : 'FerretDB',
      withoutGo: 'set MONGODB_URI to a MongoDB server',
      unpatched: options.patched === false,
    },
    log,
  );
}

export interface StartedFerretdb {
  uri: string;
  process: ManagedProcess;
}

/** Starts FerretDB on 127.0.0.1:`port` with SQLite files in `dir`. */
export async function startFerretdb(options: {
  port: number;
  dir: string;
  log?: (line: string) => void;
  output?: 'prefix' | 'ignore' | 'file';
  logFile?: string;
  /** false: FerretDB as released, without our patches (differential tests only). */
  patched?: boolean;
}): Promise<StartedFerretdb> {
  const proc = await startGoServer({
    name: 'ferretdb',
    binary: ensureFerretdbBinary(options.log, { patched: options.patched }),
    port: options.port,
    dir: options.dir,
    output: options.output,
    logFile: options.logFile,
  });
  return { uri: `mongodb://127.0.0.1:${options.port}/`, process: proc };
}
