import type { Config } from '@react-router/dev/config';

// Every public page is rendered on the server; the browser bundle only enhances it.
export default {
  appDirectory: 'app',
  // Where the production build goes: PORTAL_WEB_BUILD_DIR, the folder the server reads it
  // from, when set (a test run's own build), else dist/ like every app's bundle.
  buildDirectory: process.env.PORTAL_WEB_BUILD_DIR ?? '../../dist/apps/portal-web',
  ssr: true,
} satisfies Config;
