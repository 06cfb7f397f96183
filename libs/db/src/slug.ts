import { randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import { slugWithSuffix } from '@portal/text';
import { isDuplicateKeyError } from './unique';

/**
 * Inserts a document under the first free slug from `base` ("x", "x-2", "x-3"…): one query
 * finds the taken ones and the unique index on `slug` settles races (a collision tries the
 * next). After 20 collisions in a row it falls back to a random suffix. Returns the stored
 * document as a plain object.
 */
export async function createWithUniqueSlug<T extends { slug: string }>(
  model: Model<T>,
  base: string,
  build: (slug: string) => Omit<T, '_id'>,
): Promise<T> {
  const stem = base.replace(/[^a-z0-9-]/g, '') || 'untitled';
  const pattern = new RegExp(`^${stem}(-[0-9]+)?$`);
  const taken = new Set(
    (await model.find({ slug: pattern } as never, { slug: 1 }).lean()).map(
      (d) => (d as { slug: string }).slug,
    ),
  );
  let n = 1;
  for (let attempt = 0; attempt < 20; attempt++) {
    while (taken.has(slugWithSuffix(stem, n))) n++;
    const slug = slugWithSuffix(stem, n);
    try {
      return (await model.create(build(slug))).toObject() as T;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      taken.add(slug);
    }
  }
  return (await model.create(build(`${stem}-${randomBytes(3).toString('hex')}`))).toObject() as T;
}
