import { Outbox } from '@portal/queue';
import {
  type GraphQLResponse,
  type SubgraphHarness,
  TEST_LISTEN,
  testLogger,
  testViewer,
  useSubgraph,
} from '@portal/testing';
import {
  closeProducers,
  createProducers,
  type EngagementProducers,
} from '../../src/jobs/producers';
import type { EngagementModels } from '../../src/models';
import { engagementModels } from '../../src/models';
import { startServer, type RunningEngagementServer } from '../../src/server';

export const WEB_BASE_URL = 'https://cds.hochiminhcity.gov.vn';

export const logger = testLogger('engagement-test');

export const editor = testViewer('editor', { id: 'editor-1', displayName: 'Biên tập viên' });

/** A clock tests move by hand. */
export class TestClock {
  constructor(public current = new Date()) {}
  readonly now = () => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type Engagement = SubgraphHarness<RunningEngagementServer> & {
  models: EngagementModels;
  queuePrefix: string;
  producers: EngagementProducers;
  clock: TestClock;
};

/**
 * Starts the engagement subgraph in-process (`useSubgraph`) on this file's own database and
 * queue prefix, against the real FerretDB and Redis, for the file's tests.
 */
export function useEngagement(
  label: string,
  limits: {
    answersPerHour?: number;
    questionsPer10Min?: number;
    votesPerMinute?: number;
    newAccountDays?: number;
  } = {},
): Engagement {
  const clock = new TestClock();
  const h = useSubgraph(label, async (env) => {
    const models = await engagementModels.prepare(env.conn);
    const producers = createProducers(env.redis, env.prefix);
    env.onClose(() => closeProducers(producers));
    const outbox = new Outbox(env.conn, producers, logger);
    const server = await startServer(
      {
        ...TEST_LISTEN,
        webBaseUrl: WEB_BASE_URL,
        redisPrefix: env.prefix,
        answersPerHour: limits.answersPerHour ?? 1000,
        questionsPer10Min: limits.questionsPer10Min ?? 1000,
        votesPerMinute: limits.votesPerMinute ?? 1000,
        newAccountDays: limits.newAccountDays ?? 0,
      },
      {
        conn: env.conn,
        redis: env.redis,
        outbox,
        events: producers['engagement-events'],
        logger,
        now: clock.now,
      },
    );
    return { server, models, producers, queuePrefix: env.prefix };
  });
  return Object.assign(h, { clock });
}

/** The data of a response, failing the test with the errors when there is none. */
export function dataOf<T>(res: GraphQLResponse<T>, field: keyof T & string): any {
  if (res.errors?.length || !res.data?.[field])
    throw new Error(`${field} failed: ${JSON.stringify(res.errors)}`);
  return res.data[field];
}

/**
 * Creates an event or a survey as the editor and, unless `publish` is false, publishes it
 * (events and surveys start as drafts); answers the `fields` of the last step.
 */
export async function createAsEditor(
  e: Engagement,
  type: 'Event' | 'Survey',
  fields: string,
  input: Record<string, unknown>,
  publish: boolean,
) {
  const created = dataOf(
    await e.call(
      editor,
      `mutation($input: ${type}Input!) { create${type}(input: $input) { ${fields} } }`,
      { input },
    ),
    `create${type}`,
  );
  if (!publish) return created;
  return dataOf(
    await e.call(editor, `mutation($id: ID!) { publish${type}(id: $id) { ${fields} } }`, {
      id: created.id,
    }),
    `publish${type}`,
  );
}
