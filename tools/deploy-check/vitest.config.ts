import { defineProjectConfig } from '../../vitest.preset';

// The bundle test starts the built apps against a FerretDB and a Redis; the chart test builds
// infra/helm-check with Go on first use (minutes on a busy machine).
export default defineProjectConfig('tool-deploy-check', import.meta.dirname, {
  services: true,
  testTimeout: 120_000,
});
