import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  parse,
  print,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';

/** The contract front-end teams depend on (committed at the workspace root). */
export const CONTRACT_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'contract',
  'operations.graphql',
);

export const contract: DocumentNode = parse(readFileSync(CONTRACT_PATH, 'utf8'));

export function contractOperation(name: string): OperationDefinitionNode {
  const op = contract.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!op) throw new Error(`operation ${name} is not in the contract`);
  return op;
}

/** An operation exactly as the contract writes it. */
export function contractText(name: string): string {
  return print(contractOperation(name));
}

/**
 * Only the top-level fields of a contract operation this subgraph serves (HomePage asks
 * several subgraphs at once; the gateway sends each its own part, as this does).
 */
export function contractPart(name: string, fields: string[]): string {
  const op = contractOperation(name);
  const selections = op.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && fields.includes(s.name.value),
  );
  if (selections.length !== fields.length)
    throw new Error(`${name} does not select all of ${fields.join(', ')}`);
  return print({ ...op, selectionSet: { ...op.selectionSet, selections } });
}
