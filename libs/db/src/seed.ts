import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';

const COLLECTION = '_seeds';

/**
 * Runs a service's demo seed once per database. The seed itself must be idempotent
 * (upserts by natural keys) so an interrupted run can simply run again; the marker is
 * written only after it completes. What the seed returns (its counts) is not kept.
 */
export async function seedOnce(
  conn: Connection,
  name: string,
  seed: () => Promise<unknown>,
  logger?: Logger,
): Promise<boolean> {
  const markers = conn.collection<{ _id: string; completedAt: Date }>(COLLECTION);
  if (await markers.findOne({ _id: name })) {
    logger?.info({ seed: name }, 'demo data already present');
    return false;
  }
  await seed();
  await markers.updateOne({ _id: name }, { $set: { completedAt: new Date() } }, { upsert: true });
  logger?.info({ seed: name }, 'demo data seeded');
  return true;
}
