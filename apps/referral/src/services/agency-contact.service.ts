import { requireRole, type Viewer } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { agencyContactArgs } from '../domain/referral-input';
import type { AgencyContactDoc } from '../models/agency-contact.model';
import type { ReferralModels } from '../models';

/** Where each agency's overdue reminders go (admins keep it up to date). */
export class AgencyContactService {
  constructor(
    private readonly models: ReferralModels,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** For moderators (and admins). */
  async list(viewer: Viewer): Promise<AgencyContactDoc[]> {
    requireRole(viewer, 'moderator');
    return this.models.AgencyContact.find({}).sort({ _id: 1 }).lean<AgencyContactDoc[]>().exec();
  }

  async byAgencies(agencies: readonly string[]): Promise<Map<string, AgencyContactDoc>> {
    const rows = await this.models.AgencyContact.find({ _id: { $in: [...agencies] } })
      .lean<AgencyContactDoc[]>()
      .exec();
    return new Map(rows.map((r) => [r._id, r]));
  }

  /**
   * Admins replace the agency's contact (a whole-document write: the last save wins). The role
   * is checked before the arguments (`agency`, `email`, `name`) are read.
   */
  async set(viewer: Viewer, args: unknown): Promise<AgencyContactDoc> {
    requireRole(viewer, 'admin');
    const input = parseArgs(agencyContactArgs, args);
    const doc: AgencyContactDoc = {
      _id: input.agency,
      email: input.email,
      name: input.name,
      updatedAt: this.now(),
      updatedBy: viewer.id,
    };
    const { _id, ...fields } = doc;
    await this.models.AgencyContact.updateOne({ _id }, { $set: fields }, { upsert: true }).exec();
    return doc;
  }
}
