import type { BulletinItemRecord } from '../models/bulletin-item.model';

/** A section as the graph shows it: its title and its items in reading order. */
export interface SectionView {
  title: string;
  items: ItemView[];
}

export interface ItemView {
  id: string;
  articleId: string;
  note: string | null;
  /** 1-based position within the section. */
  order: number;
}

/** Items with the same key share a section: case and spacing do not split one. */
export function sectionKey(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase();
}

type ItemLike = Pick<
  BulletinItemRecord,
  '_id' | 'sectionKey' | 'sectionTitle' | 'position' | 'articleId' | 'note' | 'droppedAt'
>;

/**
 * Groups an issue's items into sections. Sections come in the order their first item was
 * added; items within a section by position, then by creation (ids grow over time).
 * Dropped items are left out.
 */
export function groupIntoSections(items: readonly ItemLike[]): SectionView[] {
  const live = items
    .filter((item) => !item.droppedAt)
    .sort((a, b) => a._id.toHexString().localeCompare(b._id.toHexString()));
  const sections = new Map<string, { title: string; items: ItemLike[] }>();
  for (const item of live) {
    const section = sections.get(item.sectionKey);
    if (section) section.items.push(item);
    else sections.set(item.sectionKey, { title: item.sectionTitle, items: [item] });
  }
  return [...sections.values()].map((section) => ({
    title: section.title,
    items: section.items
      .sort(
        (a, b) => a.position - b.position || a._id.toHexString().localeCompare(b._id.toHexString()),
      )
      .map((item, i) => ({
        id: item._id.toHexString(),
        articleId: item.articleId,
        note: item.note,
        order: i + 1,
      })),
  }));
}

/** The position for a new item: after every item already in its section. */
export function nextPosition(positionsInSection: readonly number[]): number {
  return positionsInSection.length === 0 ? 1 : Math.max(...positionsInSection) + 1;
}
