/**
 * Polls `check` until it returns a truthy value (returned) or `timeoutMs` passes (throws
 * with `what`). For waiting on asynchronous effects such as jobs, never for timing assertions.
 */
export async function waitUntil<T>(
  check: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const suffix = lastError ? ` (last error: ${(lastError as Error).message})` : '';
      throw new Error(`timed out waiting for ${options.what ?? 'condition'}${suffix}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}
