import type { Connection } from 'mongoose';
import { syncIndexes } from './connection';

/**
 * An app's `prepareDatabase` from its model registry: registers the models on the connection
 * and builds their indexes (idempotent; run at every start).
 */
export function databasePreparer<M>(
  register: (conn: Connection) => M,
): (conn: Connection) => Promise<M> {
  return async (conn) => {
    const models = register(conn);
    await syncIndexes(conn);
    return models;
  };
}
