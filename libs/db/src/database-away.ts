import { MongoNotConnectedError } from 'mongodb';
import type { Aggregate, Connection, Document, Model, Query, Schema } from 'mongoose';

/** mongoose's readyState for a connection it has lost (the driver found the server gone). */
const DISCONNECTED = 0;

const QUERIES = [
  'find',
  'findOne',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'countDocuments',
  'estimatedDocumentCount',
  'distinct',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
] as const;

function refuseWhileAway(conn: Connection | undefined): void {
  if (conn?.readyState === DISCONNECTED)
    throw new MongoNotConnectedError('the database is unreachable (connection lost)');
}

/**
 * Fails an operation at once while mongoose knows its connection is lost, instead of handing
 * it to the driver, which would wait the whole server selection for a server it already knows
 * is gone (mongoose buffers only before the first connection, not after a loss). mongoose
 * marks the connection lost on the driver's first failure (a failed operation or heartbeat)
 * and connected again on the first heartbeat that finds the server back (every 0.5 s while it
 * is away). The error is the driver's MongoNotConnectedError, which services answer as
 * SERVICE_UNAVAILABLE with a retryAfter (libs/graphql-kit). Registered for every schema.
 */
export function databaseAwayPlugin(schema: Schema): void {
  schema.pre([...QUERIES], function (this: Query<unknown, unknown>) {
    refuseWhileAway(this.model?.db);
  });
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    refuseWhileAway(this.model()?.db);
  });
  schema.pre('save', function (this: Document) {
    refuseWhileAway((this.constructor as Model<unknown>).db);
  });
  schema.pre('insertMany', function (this: Model<unknown>, next: (err?: Error) => void) {
    try {
      refuseWhileAway(this.db);
      next();
    } catch (err) {
      next(err as Error);
    }
  });
  schema.pre('bulkWrite', function (this: Model<unknown>) {
    refuseWhileAway(this.db);
  });
}
