import type { Connection, Model, Schema } from 'mongoose';
import { syncIndexes } from './connection';

/** The model `name` on this connection: registered from `schema` the first time, reused after. */
export function modelOn<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

/** A model's factory: the model `name` from `schema` on whichever connection it is given. */
export function defineModel<T>(name: string, schema: Schema<T>): (conn: Connection) => Model<T> {
  return (conn) => modelOn(conn, name, schema);
}

/** A service's models bound to a connection, as `defineModels` makes them. */
export interface ModelRegistry<M> {
  (conn: Connection): M;
  /** Registers the models and builds their indexes (idempotent; run at every start). */
  prepare(conn: Connection): Promise<M>;
}

/**
 * A service's models as one factory: each of `factories` on the same connection, by name;
 * `prepare` also builds their indexes.
 */
export function defineModels<F extends Record<string, (conn: Connection) => unknown>>(
  factories: F,
): ModelRegistry<{ [K in keyof F]: ReturnType<F[K]> }> {
  const register = (conn: Connection) =>
    Object.fromEntries(
      Object.entries(factories).map(([name, factory]) => [name, factory(conn)]),
    ) as { [K in keyof F]: ReturnType<F[K]> };
  return Object.assign(register, {
    async prepare(conn: Connection) {
      const models = register(conn);
      await syncIndexes(conn);
      return models;
    },
  });
}
