// The image's HEALTHCHECK: GET /healthz on the process's ops port. Exits 0 when it answers 2xx.
// It runs on its own beside the bundle, so it reads the environment itself.
/* eslint-disable no-restricted-properties */
const port = process.env.HEALTHCHECK_PORT || process.env.OPS_PORT || process.env.PORT;
if (!port) {
  process.stderr.write('healthcheck: set HEALTHCHECK_PORT, OPS_PORT or PORT\n');
  process.exit(1);
}
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(4000),
  });
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  process.stderr.write(`healthcheck: ${err.message}\n`);
  process.exit(1);
}
