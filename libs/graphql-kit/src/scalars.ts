import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function parse(value: unknown): Date {
  if (typeof value === 'string' && ISO_8601.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError(
    'DateTime must be an ISO-8601 string with a time zone, e.g. 2025-11-01T08:00:00+07:00',
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/** ISO-8601 date-time string on the wire, `Date` in resolvers. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time string, e.g. 2025-11-01T01:00:00.000Z',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    return parse(ast.value);
  },
});
