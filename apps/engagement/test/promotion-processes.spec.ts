// Promotion across processes, as production runs it: engagement's subgraph and the library's
// subgraph and worker are separate child processes on one Redis. A winning entry promoted in
// engagement appears in the library's showcase once, however often the promotion is sent,
// including after the first job has left the queue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Producer, createRedisConnection } from '@portal/queue';
import {
  gql,
  internalTokenFor,
  spawnServingApp,
  testProcessEnv,
  testServices,
  testViewer,
  timeoutForProcesses,
  uniqueName,
  useTestDatabase,
  waitForJob,
  waitForReady,
  waitUntil,
  type SpawnedApp,
} from '@portal/testing';
import type { Viewer } from '@portal/auth';
import {
  CREATE_CONTEST,
  PUBLISH_CONTEST,
  PUBLISH_RESULTS,
  SUBMIT_ENTRY,
  aiChallengeInput,
} from './support/contests';

const engagementDb = useTestDatabase('eng_promo_proc');
const libraryDb = useTestDatabase('lib_promo_proc');

const editor = testViewer('editor', { id: 'editor-promo-proc' });
const team = testViewer('citizen', { id: 'promo-proc-1', displayName: 'Đội Sài Gòn AI' });

const PROMOTE = `mutation($id: ID!, $input: PromoteContestEntryInput!) {
  promoteContestEntry(entryId: $id, input: $input) { id showcaseEntry { id } } }`;
const SHOWCASE = `query($id: ID!) {
  showcaseEntry(id: $id) { id title award awardTitle contestName category tryItUrl promotedFromContest team { name } }
  showcaseEntries { totalCount nodes { id } } }`;

describe('promoting a contest winner across processes', () => {
  it(
    'engagement sends one job; the library worker adds the showcase entry once, seen through the library',
    { timeout: timeoutForProcesses(3, 120_000) },
    async () => {
      const prefix = uniqueName('promoproc');
      const filesDir = mkdtempSync(join(tmpdir(), 'promo-proc-files-'));
      const common = { WEB_BASE_URL: 'https://cds.example.vn', HOST: '127.0.0.1' };
      const engagementEnv = { ...testProcessEnv(engagementDb.dbName, prefix), ...common };
      const libraryEnv = {
        ...testProcessEnv(libraryDb.dbName, prefix),
        ...common,
        LIBRARY_FILES_DIR: filesDir,
      };
      const apps: SpawnedApp[] = [];
      const redis = createRedisConnection(testServices().redisUrl, 'producer');
      const libraryEvents = new Producer('library-events', redis, prefix);
      try {
        const [engagementMain, libraryMain, libraryWorker] = await Promise.all([
          spawnServingApp('engagement', 'main', engagementEnv),
          spawnServingApp('library', 'main', libraryEnv),
          spawnServingApp('library', 'worker', libraryEnv),
        ]);
        apps.push(engagementMain, libraryMain, libraryWorker);
        for (const app of [engagementMain, libraryMain, libraryWorker])
          await waitForReady(`${app.url}/readyz`);

        const engagement = async (viewer: Viewer, query: string, variables = {}) => {
          const res = await gql(`${engagementMain.url}/graphql`, query, {
            variables,
            internalToken: await internalTokenFor(viewer),
          });
          if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
          return res.data as Record<string, any>;
        };
        const library = async (variables: Record<string, unknown>) =>
          gql(`${libraryMain.url}/graphql`, SHOWCASE, {
            variables,
            internalToken: await internalTokenFor(testViewer('citizen')),
          });

        // A contest with published results and one winner.
        const at = (ms: number) => new Date(Date.now() + ms).toISOString();
        const { createContest } = await engagement(editor, CREATE_CONTEST, {
          input: aiChallengeInput(at),
        });
        const contestId = createContest.id as string;
        await engagement(editor, PUBLISH_CONTEST, {
          id: contestId,
        });
        const { submitContestEntry } = await engagement(team, SUBMIT_ENTRY, {
          c: contestId,
          input: {
            title: 'Trợ lý ảo thủ tục hành chính',
            description: 'Trợ lý ảo trả lời thủ tục hành chính bằng tiếng Việt.',
            team: [{ name: 'Lê Minh Anh', role: 'Trưởng nhóm' }],
          },
        });
        const entryId = submitContestEntry.id as string;
        await engagement(editor, PUBLISH_RESULTS, { c: contestId, w: [{ entryId, rank: 1 }] });

        // Promoted twice at once: one showcase id, one job.
        const input = { category: 'PUBLIC_SERVICES', tryItUrl: 'https://tro-ly-ao.example.vn' };
        const promoted = await Promise.all(
          [1, 2].map(() => engagement(editor, PROMOTE, { id: entryId, input })),
        );
        const showcaseId = promoted[0]!.promoteContestEntry.showcaseEntry.id as string;
        expect(promoted[1]!.promoteContestEntry.showcaseEntry.id).toBe(showcaseId);

        const seen = await waitUntil(
          async () => (await library({ id: showcaseId })).data?.showcaseEntry ?? null,
          { what: 'the showcase entry in the library', timeoutMs: 60_000 },
        );
        expect(seen).toEqual({
          id: showcaseId,
          title: 'Trợ lý ảo thủ tục hành chính',
          award: 'FIRST',
          awardTitle: 'Giải Nhất',
          contestName: 'AI-Challenge TP.HCM 2026',
          category: 'PUBLIC_SERVICES',
          tryItUrl: 'https://tro-ly-ao.example.vn',
          promotedFromContest: true,
          team: [{ name: 'Lê Minh Anh' }],
        });
        const jobId = `showcase-promote.${entryId}`;
        const job = await waitForJob(libraryEvents.queue, jobId, 'completed', {
          what: 'the promotion job to complete',
        });
        const firstDone = job.finishedOn!;

        // The job leaves the queue (as completed jobs are trimmed), and the promotion is sent
        // again: the library worker gets the same job a second time and adds nothing.
        await job.remove();
        await engagement(editor, PROMOTE, { id: entryId, input });
        await waitForJob(libraryEvents.queue, jobId, 'completed', {
          where: (j) => j.finishedOn! > firstDone,
          what: 'the second delivery to complete',
          timeoutMs: 30_000,
        });
        const after = await library({ id: showcaseId });
        expect(after.errors).toBeUndefined();
        expect(after.data!.showcaseEntries).toEqual({
          totalCount: 1,
          nodes: [{ id: showcaseId }],
        });
      } finally {
        await Promise.all(apps.map((a) => a.stop()));
        await libraryEvents.queue.close();
        redis.disconnect();
        rmSync(filesDir, { recursive: true, force: true });
      }
      for (const a of apps) expect(await a.process.exited, a.process.describe()).toBe(0);
    },
  );
});
