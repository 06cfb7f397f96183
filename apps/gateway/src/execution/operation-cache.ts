import { createRequire } from 'node:module';
import { Kind, type DefinitionNode, type DocumentNode } from 'graphql';

type OperationFromDocument = (
  schema: object,
  document: DocumentNode,
  options?: { operationName?: string; validate?: boolean },
) => unknown;

interface Kept {
  operationName: string | undefined;
  fragments: readonly DefinitionNode[];
  operation: unknown;
}

/** How often an executed operation was built, and how often one was reused. */
export const executedOperations = { built: 0, reused: 0 };

const INSTALLED = Symbol.for('portal.gateway.operationCache');

/**
 * Builds each executed operation once per parsed document instead of once per request.
 *
 * Apollo Gateway caches query plans, but before executing a cached plan it turns the request's
 * document into federation's `Operation` again (`operationFromDocument(…, { validate: false })`
 * in its executeQueryPlan), to shape the response. For HomePage that took 0.43 ms of the
 * gateway's 1.6–2.0 ms of CPU per request (7 Dec 2026). Apollo Server hands the gateway the
 * same parsed document for the same query text (its document store), so the operation built
 * for that document is kept, weakly: it goes when the document store lets the document go.
 * An `Operation` is not changed by executing it.
 *
 * The gateway has no option for this and calls the function through
 * `@apollo/federation-internals`' exports, so the export is wrapped, once per process. Only
 * unvalidated builds are kept (the gateway's execution); every other caller gets the original.
 * `operation-cache.spec.ts` fails if a new Apollo version stops calling it this way.
 */
export function cacheExecutedOperations(): void {
  const require = createRequire(import.meta.url);
  const operations = require('@apollo/federation-internals/dist/operations') as {
    operationFromDocument: OperationFromDocument & { [INSTALLED]?: true };
  };
  const original = operations.operationFromDocument;
  if (original[INSTALLED]) return;
  const bySchema = new WeakMap<object, WeakMap<DefinitionNode, Kept>>();

  const cached: OperationFromDocument = (schema, document, options) => {
    const [first, ...fragments] = document.definitions;
    if (options?.validate !== false || first?.kind !== Kind.OPERATION_DEFINITION)
      return original(schema, document, options);
    let kept = bySchema.get(schema);
    if (!kept) bySchema.set(schema, (kept = new WeakMap()));
    const hit = kept.get(first);
    if (
      hit &&
      hit.operationName === options.operationName &&
      hit.fragments.length === fragments.length &&
      hit.fragments.every((fragment, i) => fragment === fragments[i])
    ) {
      executedOperations.reused++;
      return hit.operation;
    }
    const operation = original(schema, document, options);
    executedOperations.built++;
    kept.set(first, { operationName: options.operationName, fragments, operation });
    return operation;
  };
  operations.operationFromDocument = Object.assign(cached, { [INSTALLED]: true as const });
}
