import { Types } from 'mongoose';
import { requireRole, type Viewer } from '@portal/auth';
import { conflictOnDuplicate, findByIds, findList, toObjectIds, type SortSpec } from '@portal/db';
import { badInput } from '@portal/errors';
import { parseInput } from '@portal/graphql-kit';
import { slugify } from '@portal/text';
import { createCategoryInput } from '../domain/article-input';
import type { CategoryModel, CategoryDoc } from '../models/category.model';

const BY_POSITION: SortSpec = [
  ['position', 1],
  ['name', 1],
];

/** Categories: a tree of at most two levels, managed by editors. */
export class CategoryService {
  constructor(private readonly categories: CategoryModel) {}

  /** The tree's lists and documents are kept in Redis until a category changes (findList, findByIds). */
  roots(): Promise<CategoryDoc[]> {
    return findList(this.categories, { filter: { parentId: null }, sort: BY_POSITION });
  }

  bySlug(slug: string): Promise<CategoryDoc | null> {
    return this.categories.findOne({ slug }).lean<CategoryDoc>().exec();
  }

  byIds(ids: readonly string[]): Promise<CategoryDoc[]> {
    return findByIds<CategoryDoc>(this.categories, toObjectIds(ids));
  }

  childrenOf(parentIds: readonly string[]): Promise<CategoryDoc[]> {
    return findList(this.categories, {
      filter: { parentId: { $in: toObjectIds(parentIds) } },
      sort: BY_POSITION,
    });
  }

  /** For editors and admins: the role is checked before the input is read. */
  async create(viewer: Viewer, rawInput: unknown): Promise<CategoryDoc> {
    requireRole(viewer, 'editor');
    const input = parseInput(createCategoryInput, rawInput);
    let parentId: Types.ObjectId | null = null;
    if (input.parentId) {
      const parent = await this.categories.findById(input.parentId).lean<CategoryDoc>().exec();
      if (!parent) throw badInput('input.parentId', 'no such category');
      if (parent.parentId) throw badInput('input.parentId', 'categories have at most two levels');
      parentId = parent._id;
    }
    const siblings = await this.categories.countDocuments({ parentId });
    const doc: CategoryDoc = {
      _id: new Types.ObjectId(),
      slug: input.slug ?? slugify(input.name),
      name: input.name,
      description: input.description ?? null,
      parentId,
      position: siblings,
      createdAt: new Date(),
    };
    await conflictOnDuplicate(() => this.categories.create(doc), `The slug "${doc.slug}" is taken`);
    return doc;
  }
}
