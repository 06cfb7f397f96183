import type { CodegenConfig } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';

// Typed operations from the graph contract (the portal's own operations are in it too), checked against the API schema of
// the composed supergraph (`npm run compose` writes it), so a removed field fails to compile.
const root = resolve(import.meta.dirname, '../..');
const supergraph = Supergraph.build(
  readFileSync(resolve(root, 'apps/gateway/supergraph.graphql'), 'utf8'),
);

const config: CodegenConfig = {
  schema: printSchema(supergraph.apiSchema().toGraphQLJSSchema()),
  documents: ['contract/operations.graphql'],
  generates: {
    'apps/portal-web/app/__generated__/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        onlyOperationTypes: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
