import { hasRole, requireRole, type Viewer } from '@portal/auth';
import { insertOnce } from '@portal/db';
import { badInput, conflict, notFound } from '@portal/errors';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import { HOTLINE_CATEGORIES } from '@portal/reference-data';
import { createCategoryInput, updateCategoryArgs } from '../domain/referral-input';
import type { CategoryRevisionDoc } from '../models/category-revision.model';
import type { HotlineCategoryDoc } from '../models/hotline-category.model';
import type { ReferralModels } from '../models';

const MAX_CLAIM_ATTEMPTS = 5;

/** The hotline categories (routing rules): seeded from the reference data, edited by admins. */
export class CategoryService {
  constructor(
    private readonly models: ReferralModels,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Adds the reference data's categories that this database lacks. Never overwrites a
   * category an admin edited or deactivated, so it is safe at every start.
   */
  async ensureDefaults(): Promise<number> {
    let added = 0;
    for (const c of HOTLINE_CATEGORIES) {
      const inserted = await insertOnce(this.models.HotlineCategory, {
        _id: c.code,
        name: c.name,
        targetAgency: c.targetAgency,
        slaHours: c.slaHours,
        active: true,
        version: 1,
        updatedAt: this.now(),
        updatedBy: null,
      });
      if (inserted) added++;
    }
    return added;
  }

  /**
   * The active categories for anyone; with `includeInactive`, every one, for moderators (and
   * admins). Sorted by name the Vietnamese way (in code: FerretDB has no collation).
   */
  async list(
    viewer: Viewer,
    includeInactiveArg: boolean | null | undefined,
  ): Promise<HotlineCategoryDoc[]> {
    if (includeInactiveArg) requireRole(viewer, 'moderator');
    const includeInactive = includeInactiveArg === true && hasRole(viewer, 'moderator');
    const rows = await this.models.HotlineCategory.find(includeInactive ? {} : { active: true })
      .lean<HotlineCategoryDoc[]>()
      .exec();
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** The active category `code`, or BAD_USER_INPUT naming `field`. */
  async requireActive(code: string, field: string): Promise<HotlineCategoryDoc> {
    const category = await this.models.HotlineCategory.findById(code)
      .lean<HotlineCategoryDoc>()
      .exec();
    if (!category || !category.active)
      throw badInput(field, 'is not an active hotline category (see hotlineCategories)');
    return category;
  }

  /** Admins add a category (the role is checked before the input is read). */
  async create(viewer: Viewer, rawInput: unknown): Promise<HotlineCategoryDoc> {
    requireRole(viewer, 'admin');
    const input = parseInput(createCategoryInput, rawInput);
    const doc: HotlineCategoryDoc = {
      _id: input.code,
      name: input.name,
      targetAgency: input.targetAgency,
      slaHours: input.slaHours,
      active: true,
      version: 1,
      updatedAt: this.now(),
      updatedBy: viewer.id,
    };
    if (!(await insertOnce(this.models.HotlineCategory, doc)))
      throw conflict(`Hotline category ${input.code} already exists`);
    return doc;
  }

  /**
   * Edits a category. The edit first claims the next version as a revision record, so two
   * admins saving at once cannot both win; with `expectedVersion`, a stale edit is CONFLICT.
   * For admins (the role is checked before the arguments are read).
   */
  async update(viewer: Viewer, rawArgs: unknown): Promise<HotlineCategoryDoc> {
    requireRole(viewer, 'admin');
    const args = parseArgs(updateCategoryArgs, rawArgs);
    for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
      const current = await this.models.HotlineCategory.findById(args.code)
        .lean<HotlineCategoryDoc>()
        .exec();
      if (!current) throw notFound('Hotline category');
      if (args.expectedVersion && args.expectedVersion !== current.version)
        throw conflict(
          `Hotline category ${args.code} was changed meanwhile (version ${current.version})`,
        );
      const next: HotlineCategoryDoc = {
        ...current,
        name: args.input.name ?? current.name,
        targetAgency: args.input.targetAgency ?? current.targetAgency,
        slaHours: args.input.slaHours ?? current.slaHours,
        active: args.input.active ?? current.active,
        version: current.version + 1,
        updatedAt: this.now(),
        updatedBy: viewer.id,
      };
      const revision: CategoryRevisionDoc = {
        _id: `${current._id}.${next.version}`,
        code: current._id,
        version: next.version,
        name: next.name,
        targetAgency: next.targetAgency,
        slaHours: next.slaHours,
        active: next.active,
        at: next.updatedAt,
        by: viewer.id,
      };
      if (await insertOnce(this.models.CategoryRevision, revision)) {
        await this.applyRevision(revision);
        return next;
      }
      if (args.expectedVersion)
        throw conflict(`Hotline category ${args.code} was changed meanwhile`);
      await this.rollForward(current);
    }
    throw conflict(`Hotline category ${args.code} is being changed by someone else; try again`);
  }

  private async applyRevision(revision: CategoryRevisionDoc): Promise<void> {
    await this.models.HotlineCategory.updateOne(
      { _id: revision.code, version: revision.version - 1 },
      {
        $set: {
          name: revision.name,
          targetAgency: revision.targetAgency,
          slaHours: revision.slaHours,
          active: revision.active,
          version: revision.version,
          updatedAt: revision.at,
          updatedBy: revision.by,
        },
      },
    ).exec();
  }

  /** Finishes a claimed revision whose writer stopped before applying it. */
  private async rollForward(current: HotlineCategoryDoc): Promise<void> {
    const pending = await this.models.CategoryRevision.findById(
      `${current._id}.${current.version + 1}`,
    )
      .lean<CategoryRevisionDoc>()
      .exec();
    if (pending) await this.applyRevision(pending);
  }
}
