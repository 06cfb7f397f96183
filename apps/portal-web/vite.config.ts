import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/** The workspace libs by their `@portal/*` names, as tsconfig.base.json maps them. */
function workspaceAliases() {
  const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => ({
    find: new RegExp(`^${name.replace('/', '\\/')}$`),
    replacement: resolve(root, target!),
  }));
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [reactRouter()],
  resolve: { alias: workspaceAliases() },
  build: { sourcemap: false, assetsInlineLimit: 0 },
  server: { hmr: { port: undefined } },
});
