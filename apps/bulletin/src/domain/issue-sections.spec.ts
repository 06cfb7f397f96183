import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { groupIntoSections, nextPosition, sectionKey } from './issue-sections';

const id = (n: number) => new Types.ObjectId(n.toString(16).padStart(24, '0'));
const item = (n: number, section: string, position: number, dropped = false) => ({
  _id: id(n),
  sectionKey: sectionKey(section),
  sectionTitle: section,
  position,
  articleId: `a${n}`,
  note: null,
  droppedAt: dropped ? new Date() : null,
});

describe('issue sections', () => {
  it('groups by section in order of first appearance, items by position', () => {
    const sections = groupIntoSections([
      item(4, 'Sự kiện', 1),
      item(1, 'Chính sách', 1),
      item(3, 'chính  sách ', 2),
      item(2, 'Chính sách', 2),
      item(5, 'Chính sách', 3, true),
    ]);
    expect(sections.map((s) => s.title)).toEqual(['Chính sách', 'Sự kiện']);
    expect(sections[0]!.items.map((i) => [i.articleId, i.order])).toEqual([
      ['a1', 1],
      ['a2', 2],
      ['a3', 3],
    ]);
  });

  it('normalizes section keys and places new items last', () => {
    expect(sectionKey('  Chính   Sách ')).toBe('chính sách');
    expect(nextPosition([])).toBe(1);
    expect(nextPosition([1, 3, 2])).toBe(4);
  });
});
