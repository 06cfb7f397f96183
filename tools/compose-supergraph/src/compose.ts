// Composes apps/*/schema.graphql into apps/gateway/supergraph.graphql; fails with the
// composition errors printed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@portal/local-services';
import { composeSupergraph } from '@portal/supergraph';

const root = workspaceRoot();
const result = composeSupergraph(root);
if (!result.ok) {
  process.stderr.write(
    `supergraph composition failed:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`,
  );
  process.exit(1);
}
const out = join(root, 'apps', 'gateway', 'supergraph.graphql');
mkdirSync(join(root, 'apps', 'gateway'), { recursive: true });
writeFileSync(out, result.supergraphSdl);
process.stdout.write(
  `supergraph composed from ${result.subgraphs.map((s) => s.name).join(', ')} → apps/gateway/supergraph.graphql\n`,
);
