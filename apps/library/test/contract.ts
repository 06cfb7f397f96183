import { Kind, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { contractDocument } from '@portal/local-services';

/**
 * Only the top-level fields of a contract operation this subgraph serves (HomePage asks
 * several subgraphs at once; the gateway sends each its own part, as this does).
 */
export function contractPart(name: string, fields: string[]): string {
  const op = contractDocument().definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!op) throw new Error(`operation ${name} is not in the contract`);
  const selections = op.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && fields.includes(s.name.value),
  );
  if (selections.length !== fields.length)
    throw new Error(`${name} does not select all of ${fields.join(', ')}`);
  return print({ ...op, selectionSet: { ...op.selectionSet, selections } });
}
