import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSafelist } from './safelist';

const contract = readFileSync(
  join(import.meta.dirname, '../../../../contract/operations.graphql'),
  'utf8',
);
const op = (source: string) =>
  parse(source).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;

describe('safelist', () => {
  const safelist = createSafelist(contract);

  it('allows every operation of the contract as written', () => {
    expect(safelist.names).toContain('PartnerArticlesSince');
    for (const definition of parse(contract).definitions)
      expect(safelist.allows(definition as OperationDefinitionNode)).toBe(true);
  });

  it('ignores formatting and comments but nothing else', () => {
    expect(
      safelist.allows(
        op(
          'query HotlineCategories {\n  # codes\n  hotlineCategories { code name targetAgency slaHours }\n}',
        ),
      ),
    ).toBe(true);
    expect(
      safelist.allows(
        op('query HotlineCategories { hotlineCategories { code name targetAgency } }'),
      ),
    ).toBe(false);
    expect(
      safelist.allows(op('query Other { hotlineCategories { code name targetAgency slaHours } }')),
    ).toBe(false);
    expect(safelist.allows(op('{ hotlineCategories { code name targetAgency slaHours } }'))).toBe(
      false,
    );
  });

  it('refuses a contract file with fragments', () => {
    expect(() => createSafelist('query A { a { ...F } } fragment F on A { id }')).toThrow(
      /operations only/,
    );
  });
});
