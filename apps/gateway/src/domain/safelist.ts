import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

/** The operations allowed in safelist mode, compared by their printed form (whitespace and comments do not matter). */
export interface Safelist {
  allows(operation: OperationDefinitionNode): boolean;
  /** Names of the allowed operations, for logs. */
  names: readonly string[];
}

/** Builds the safelist from the contract file's text (one document of named operations). */
export function createSafelist(contractSource: string): Safelist {
  const document = parse(contractSource);
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (document.definitions.length !== operations.length)
    throw new Error('the safelist must hold operations only (no fragments)');
  const printed = new Set(operations.map((op) => print(op)));
  return {
    allows: (operation) => printed.has(print(operation)),
    names: operations.map((op) => op.name?.value ?? '(anonymous)'),
  };
}
