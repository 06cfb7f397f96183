import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { workspaceRoot } from './paths';

let contract: DocumentNode | undefined;

/** The graph contract (contract/operations.graphql), parsed once. */
export function contractDocument(): DocumentNode {
  contract ??= parse(readFileSync(join(workspaceRoot(), 'contract/operations.graphql'), 'utf8'));
  return contract;
}

/** The text of one operation of the contract, exactly as clients send it. */
export function contractOperation(name: string): string {
  const op = contractDocument().definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!op) throw new Error(`no operation ${name} in the contract`);
  return print(op);
}
