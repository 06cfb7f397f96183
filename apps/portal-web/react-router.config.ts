import type { Config } from '@react-router/dev/config';

// Every public page is rendered on the server; the browser bundle only enhances it.
export default {
  appDirectory: 'app',
  buildDirectory: '../../dist/apps/portal-web',
  ssr: true,
} satisfies Config;
