import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';

const CONTRACT = join(import.meta.dirname, '../../../contract/operations.graphql');

/** One operation of the graph contract, exactly as written there. */
export function contractOperation(name: string): string {
  const doc = parse(readFileSync(CONTRACT, 'utf8'));
  const op = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.name?.value === name,
  );
  if (!op) throw new Error(`operation ${name} is not in the contract`);
  return print(op);
}
