// Demo data for local runs (npm start runs it once per database): hotline categories from
// the reference data, agency contacts, and referrals in every status with their history.
import { connectDatabase, seedOnce } from '@portal/db';
import { seedDemoReferrals } from './demo-data';
import { env } from './env';
import { loggerFor } from './logger';
import { referralModels } from './models';

const logger = loggerFor(env, 'referral-seed');
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
try {
  await referralModels.prepare(conn);
  await seedOnce(
    conn,
    'demo',
    async () => {
      const added = await seedDemoReferrals(conn, logger);
      logger.info({ added }, 'demo referrals seeded');
    },
    logger,
  );
} finally {
  await conn.close();
}
