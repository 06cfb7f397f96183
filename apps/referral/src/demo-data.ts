import { Types, type Connection } from 'mongoose';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import { isDomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import type { ReferralStatus } from './domain/referral-status';
import { receivedReferral } from './domain/received-referral';
import { createReferralCore, type ReferralCore } from './services';
import type { ReferralStatsRecorder } from './stats/referral-stats-counter';
import demoData from '../data/demo-referrals.json' with { type: 'json' };

const HOUR = 3_600_000;

type Step =
  | { at: number; by: 'dispatcher'; ticketId: string }
  | { at: number; by: 'dispatcher-failed'; reason: string }
  | {
      at: number;
      by: 'hotline';
      status: Exclude<ReferralStatus, 'RECEIVED' | 'FORWARDED' | 'FAILED'>;
      note?: string;
      publicResponse?: string;
    }
  | {
      at: number;
      by: 'officer';
      status: Exclude<ReferralStatus, 'RECEIVED' | 'FORWARDED' | 'FAILED'>;
      note?: string;
      publicResponse?: string;
    };

interface DemoReferral {
  /** Fixed, so the seed is idempotent: the referral's natural key is `direct:<id>`. */
  id: string;
  categoryCode: string;
  subject: string;
  body: string;
  contactEmail: string | null;
  citizen: string;
  /** Hours before now it was received. */
  receivedHoursAgo: number;
  /** Hours after it was received. */
  steps: Step[];
}

/** The demo referrals and the agencies' demo mailboxes (local mail sink only). */
const DEMO: readonly DemoReferral[] = demoData.referrals as DemoReferral[];
const DEMO_CONTACTS: Readonly<Record<string, string>> = demoData.contacts;

// Demo history must not mail anyone or call the hotline: its jobs go nowhere.
const SILENT_OUTBOX = { add: async () => {} } as unknown as Outbox;
/** The demo is seeded before the apps start; the subgraph's start-up backfill counts it. */
const UNCOUNTED: ReferralStatsRecorder = {
  countReferral: async () => false,
  countEvent: async () => false,
};

/**
 * Demo referrals in every status across categories (some overdue), each with its history,
 * written through the same use cases as real ones with the clock set back. Idempotent:
 * referrals are keyed by fixed ids, and existing ones are left alone.
 */
export async function seedDemoReferrals(
  conn: Connection,
  logger: Logger,
  now = new Date(),
): Promise<number> {
  let clock = now;
  const core = createReferralCore({
    conn,
    outbox: SILENT_OUTBOX,
    stats: UNCOUNTED,
    forum: null,
    webBaseUrl: 'http://localhost',
    logger,
    now: () => clock,
  });
  await core.categories.ensureDefaults();
  const admin: Viewer = {
    ...ANONYMOUS,
    id: 'demo-admin',
    displayName: 'Quản trị',
    roles: ['admin'],
  };
  for (const [agency, email] of Object.entries(DEMO_CONTACTS))
    await core.contacts.set(admin, { agency, email, name: null });

  let added = 0;
  for (const demo of DEMO) {
    const category = await core.categories.requireActive(demo.categoryCode, 'categoryCode');
    const received = new Date(now.getTime() - demo.receivedHoursAgo * HOUR);
    let inserted = true;
    let done = 0;
    try {
      await core.repo.insert({
        _id: new Types.ObjectId(demo.id),
        source: 'DIRECT',
        sourceKey: `direct:${demo.id}`,
        threadId: null,
        postId: null,
        subject: demo.subject,
        summary: demo.body,
        referralNote: null,
        receivedNote: 'Đã tiếp nhận phản ánh.',
        createdBy: { kind: 'CITIZEN', id: null, name: demo.citizen },
        contact: demo.contactEmail ? { email: demo.contactEmail, name: demo.citizen } : null,
        submittedBy: null,
        ...receivedReferral(category, received),
      });
    } catch (err) {
      // Seeded before, perhaps by a run that stopped half-way: each step is one event, so
      // the version says how many of its steps are done.
      if (!isConflict(err)) throw err;
      inserted = false;
      done = (await core.repo.findById(demo.id))!.version - 1;
    }
    const officer: Viewer = {
      ...ANONYMOUS,
      id: `demo-officer-${category.targetAgency}`,
      displayName: 'Cán bộ tiếp nhận',
      roles: ['citizen', 'officer'],
      department: category.targetAgency,
    };
    let ticketId = '';
    for (const [i, step] of demo.steps.entries()) {
      if (step.by === 'dispatcher') ticketId = step.ticketId;
      if (i < done) continue;
      clock = new Date(received.getTime() + step.at * HOUR);
      await applyStep(core, demo.id, officer, ticketId, step);
    }
    if (inserted) added++;
  }
  return added;
}

/** One step of a demo referral's life, through the use case that does it for real. */
async function applyStep(
  core: ReferralCore,
  referralId: string,
  officer: Viewer,
  ticketId: string,
  step: Step,
): Promise<void> {
  if (step.by === 'dispatcher') {
    await core.referrals.recordForwarded(referralId, step.ticketId);
  } else if (step.by === 'dispatcher-failed') {
    await core.referrals.recordDispatchFailure(referralId, step.reason);
  } else if (step.by === 'hotline') {
    await core.referrals.applyCallback({
      referralId,
      ticketId,
      status: step.status,
      note: step.note ?? null,
      publicResponse: step.publicResponse ?? null,
    });
  } else {
    await core.referrals.updateStatus(officer, {
      id: referralId,
      status: step.status,
      note: step.note ?? null,
      publicResponse: step.publicResponse ?? null,
    });
  }
}

function isConflict(err: unknown): boolean {
  return isDomainError(err) && err.code === 'CONFLICT';
}
