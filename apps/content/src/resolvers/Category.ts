import type { CategoryResolvers } from '../__generated__/resolvers-types';

export const Category: CategoryResolvers = {
  id: (category) => String(category._id),
  parent: (category, _, ctx) =>
    category.parentId ? ctx.loaders.categories.load(String(category.parentId)) : null,
  children: (category, _, ctx) =>
    category.parentId ? [] : ctx.loaders.categoryChildren.load(String(category._id)),
};
