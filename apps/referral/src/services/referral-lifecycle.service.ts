import { requireRole, type Viewer } from '@portal/auth';
import type { Page } from '@portal/db';
import { badInput, conflict, notFound } from '@portal/errors';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';
import type { CallbackBody } from '../domain/hotline-protocol';
import { listingAgency, requireManageReferral } from '../domain/referral-access';
import { referralFilterInput, referralIdArgs, updateStatusArgs } from '../domain/referral-input';
import {
  REFERRAL_NOTES,
  isClosed,
  planTransition,
  type ReferralStatus,
  type TransitionActor,
} from '../domain/referral-status';
import { isOverdue } from '../domain/sla';
import { HOTLINE_ACTOR, SYSTEM_ACTOR, staffActor, type Actor } from '../models/actor';
import type { ReferralDoc } from '../models/referral.model';
import type {
  AppliedChange,
  ReferralChange,
  ReferralRepository,
} from '../models/referral.repository';
import type { AgencyContactService } from './agency-contact.service';
import { dispatchEffect, overdueEffects, statusEffects } from './referral-effects';

export interface ReferralLifecycleOptions {
  repo: ReferralRepository;
  contacts: AgencyContactService;
  webBaseUrl: string;
  logger: Logger;
  now: () => Date;
}

/**
 * A referral's life after intake: staff move it through its statuses, the dispatcher and the
 * hotline record what happened, and the overdue check reminds agencies. Every change goes
 * through the repository's decide-then-apply (`applyChange`); access rules that depend on the
 * referral (an officer's agency) are checked here, as are the roles of every use case for
 * staff, before their arguments are read.
 */
export class ReferralLifecycleService {
  private readonly log: Logger;
  private readonly now: () => Date;

  constructor(private readonly options: ReferralLifecycleOptions) {
    this.log = options.logger.child({ module: 'referrals' });
    this.now = options.now;
  }

  /** One referral, for staff who handle it (null when there is none). */
  async get(viewer: Viewer, id: unknown): Promise<ReferralDoc | null> {
    requireRole(viewer, 'moderator', 'officer');
    const args = parseArgs(referralIdArgs, { id });
    const referral = await this.options.repo.findById(args.id);
    if (referral) requireManageReferral(viewer, referral);
    return referral;
  }

  /** Staff lists: moderators and admins any agency, officers only their own. */
  async list(
    viewer: Viewer,
    args: { filter?: unknown; first?: number | null; after?: string | null },
  ): Promise<Page<ReferralDoc>> {
    requireRole(viewer, 'moderator', 'officer');
    const filter = parseInput(referralFilterInput, args.filter, 'filter');
    const agency = listingAgency(viewer, filter.agency);
    return this.options.repo.list({
      ...filter,
      agency,
      first: args.first,
      after: args.after,
      now: this.now(),
    });
  }

  /** Staff move a referral of their agency (moderators and admins: any). */
  async updateStatus(viewer: Viewer, rawArgs: unknown): Promise<ReferralDoc> {
    requireRole(viewer, 'moderator', 'officer');
    const args: {
      id: string;
      status: ReferralStatus;
      note: string | null;
      publicResponse: string | null;
    } = parseArgs(updateStatusArgs, rawArgs);
    const existing = await this.options.repo.findById(args.id);
    if (!existing) throw notFound('Referral');
    requireManageReferral(viewer, existing);
    const by = staffActor(viewer);
    const result = await this.options.repo.applyChange(args.id, (current) => {
      const newResponse =
        args.publicResponse !== null && args.publicResponse !== current.publicResponse;
      if (
        args.status === 'REJECTED' &&
        !args.note &&
        !args.publicResponse &&
        !current.publicResponse
      )
        throw badInput('publicResponse', 'is required to reject (or give a note): say why');
      return this.transition(current, args.status, 'STAFF', {
        carriesUpdate: newResponse || args.note !== null,
        note: args.note,
        publicResponse: args.publicResponse,
        by,
      });
    });
    return result.referral;
  }

  /** Moderators send a FAILED referral to the hotline again (a new dispatch round). */
  async retryDispatch(viewer: Viewer, rawId: unknown): Promise<ReferralDoc> {
    requireRole(viewer, 'moderator');
    const { id } = parseArgs(referralIdArgs, { id: rawId });
    const by = staffActor(viewer);
    const result = await this.options.repo.applyChange(id, (current) => {
      if (current.status !== 'FAILED')
        throw conflict(`Only a FAILED referral can be sent again (this one is ${current.status})`);
      const round = current.dispatchRound + 1;
      return {
        kind: 'STATUS',
        status: 'RECEIVED',
        note: REFERRAL_NOTES.retried,
        by,
        patch: { dispatchRound: round, dispatchError: null },
        effects: () => [dispatchEffect(id, round)],
      };
    });
    this.log.info({ referralId: id, by: viewer.id }, 'dispatch retried');
    return result.referral;
  }

  /** A verified hotline callback: status, public response and history. */
  async applyCallback(body: CallbackBody): Promise<AppliedChange> {
    return this.options.repo.applyChange(body.referralId, (current) => {
      if (current.hotlineTicketId && current.hotlineTicketId !== body.ticketId)
        throw conflict('The ticket id does not match this referral');
      const newResponse =
        body.publicResponse !== null && body.publicResponse !== current.publicResponse;
      const change = this.transition(current, body.status, 'HOTLINE', {
        carriesUpdate: newResponse,
        note: body.note,
        publicResponse: body.publicResponse,
        by: HOTLINE_ACTOR,
      });
      if (change && !current.hotlineTicketId) change.patch.hotlineTicketId = body.ticketId;
      return change;
    });
  }

  /** The hotline took the referral: FORWARDED with its ticket (or just the ticket, if a callback came first). */
  async recordForwarded(id: string, ticketId: string): Promise<AppliedChange> {
    return this.options.repo.applyChange(id, (current) => {
      if (current.hotlineTicketId && current.hotlineTicketId !== ticketId) {
        // The idempotency key should make this impossible; keep the first ticket and say so.
        this.log.error(
          { referralId: id, kept: current.hotlineTicketId, other: ticketId },
          'hotline answered with a second ticket for one referral',
        );
        return null;
      }
      if (planTransition(current.status, 'FORWARDED', 'DISPATCHER').kind === 'apply')
        return this.transition(current, 'FORWARDED', 'DISPATCHER', {
          note: REFERRAL_NOTES.forwarded,
          by: SYSTEM_ACTOR,
          extra: { hotlineTicketId: ticketId, dispatchError: null },
        });
      if (current.hotlineTicketId) return null;
      return {
        kind: 'TICKET',
        status: current.status,
        note: null,
        by: SYSTEM_ACTOR,
        patch: { hotlineTicketId: ticketId },
      };
    });
  }

  /** The last dispatch attempt failed (or one that cannot succeed): FAILED, for a moderator. */
  async recordDispatchFailure(id: string, reason: string): Promise<AppliedChange> {
    return this.options.repo.applyChange(id, (current) => {
      if (current.status !== 'RECEIVED') return null;
      return this.transition(current, 'FAILED', 'DISPATCHER', {
        note: REFERRAL_NOTES.failed,
        by: SYSTEM_ACTOR,
        extra: { dispatchError: reason.slice(0, 500) },
      });
    });
  }

  /**
   * Flags referrals whose SLA passed while open and reminds their agency, once each.
   * Returns how many it flagged.
   */
  async flagOverdue(limit = 200): Promise<number> {
    const now = this.now();
    const due = await this.options.repo.findNewlyOverdue(now, limit);
    if (!due.length) return 0;
    const contacts = await this.options.contacts.byAgencies([
      ...new Set(due.map((r) => r.targetAgency)),
    ]);
    let flagged = 0;
    for (const referral of due) {
      const id = referral._id.toHexString();
      const contact = contacts.get(referral.targetAgency);
      if (!contact)
        this.log.warn(
          { referralId: id, agency: referral.targetAgency },
          'agency has no contact; overdue reminder not sent (set one with setAgencyContact)',
        );
      try {
        const result = await this.options.repo.applyChange(id, (current) => {
          if (current.overdueFlaggedAt || !isOverdue(current, now)) return null;
          return {
            kind: 'OVERDUE',
            status: current.status,
            note: null,
            by: SYSTEM_ACTOR,
            patch: { overdueFlaggedAt: now },
            effects: () => overdueEffects(current, contact, this.options.webBaseUrl),
          };
        });
        if (result.applied) flagged++;
      } catch (err) {
        this.log.error({ err, referralId: id }, 'could not flag overdue referral');
      }
    }
    return flagged;
  }

  /** A status change (or progress note) as an event, refused with CONFLICT when not allowed. */
  private transition(
    current: ReferralDoc,
    to: ReferralStatus,
    actor: TransitionActor,
    change: {
      carriesUpdate?: boolean;
      note: string | null;
      publicResponse?: string | null;
      by: Actor;
      extra?: ReferralChange['patch'];
    },
  ): ReferralChange | null {
    const plan = planTransition(current.status, to, actor, { carriesUpdate: change.carriesUpdate });
    if (plan.kind === 'refuse') throw conflict(`Cannot update the referral: ${plan.reason}`);
    if (plan.kind === 'noop') return null;
    const closedAt = isClosed(to) ? this.now() : null;
    const patch: ReferralChange['patch'] = {
      ...change.extra,
      publicResponse: change.publicResponse ?? current.publicResponse,
      closedAt,
    };
    return {
      kind: 'STATUS',
      status: to,
      note: change.note,
      by: change.by,
      patch,
      effects: (seq, at) =>
        statusEffects(
          { ...current, ...patch, status: to, updatedAt: at },
          seq,
          this.options.webBaseUrl,
        ),
    };
  }
}
