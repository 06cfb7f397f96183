import type { Model } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { isDuplicateKeyError } from '@portal/db';
import { slugWithSuffix } from '@portal/text';

/**
 * Inserts a document under the first free slug from `base` ("x", "x-2", "x-3"…): one query
 * finds the taken ones, the unique index settles races (a collision retries the next).
 */
export async function createWithUniqueSlug<T extends { slug: string }>(
  model: Model<T>,
  base: string,
  build: (slug: string) => Omit<T, '_id'>,
): Promise<T> {
  const pattern = new RegExp(`^${base.replace(/[^a-z0-9-]/g, '')}(-[0-9]+)?$`);
  const taken = new Set(
    (await model.find({ slug: pattern } as never, { slug: 1 }).lean()).map(
      (d) => (d as { slug: string }).slug,
    ),
  );
  let n = 1;
  for (let attempt = 0; attempt < 20; attempt++) {
    while (taken.has(slugWithSuffix(base, n))) n++;
    const slug = slugWithSuffix(base, n);
    try {
      return (await model.create(build(slug))).toObject() as T;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      taken.add(slug);
    }
  }
  return (await model.create(build(`${base}-${randomBytes(3).toString('hex')}`))).toObject() as T;
}
