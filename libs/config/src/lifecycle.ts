/**
 * Runs `shutdown` once on SIGTERM or SIGINT, then exits. A second signal, or a
 * shutdown slower than `timeoutMs`, exits at once.
 */
export function onTerminate(
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
  options: { timeoutMs?: number; log?: (msg: string, err?: unknown) => void } = {},
): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    options.log?.(`${signal} received, shutting down`);
    const timer = setTimeout(() => {
      options.log?.('shutdown timed out, exiting');
      process.exit(1);
    }, options.timeoutMs ?? 8000);
    timer.unref();
    shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        options.log?.('shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
