import { describe, expect, it } from 'vitest';
import { AUDIENCES } from './library-item';
import {
  applyItemUpdate,
  createItemInput,
  itemFilterInput,
  newItemFields,
  updateItemInput,
} from './library-item-input';

describe('item input', () => {
  it('trims, drops repeated topics and fills defaults', () => {
    const input = createItemInput.parse({
      title: '  Sổ tay dữ liệu mở  ',
      format: 'EBOOK',
      description: '   ',
      topics: ['Dữ liệu mở', 'du lieu mo', 'DỮ LIỆU MỞ', 'Chính phủ số'],
    });
    const fields = newItemFields(input);
    expect(fields).toMatchObject({
      title: 'Sổ tay dữ liệu mở',
      description: null,
      topics: ['Dữ liệu mở', 'Chính phủ số'],
      audience: [...AUDIENCES],
      language: 'vi',
      fileIds: [],
    });
  });

  it('refuses repeated files, bad ids and non-web URLs', () => {
    const result = createItemInput.safeParse({
      title: 'Tài liệu',
      format: 'DOCUMENT',
      fileIds: ['a'.repeat(24), 'a'.repeat(24)],
      collectionId: 'xyz',
      externalUrl: 'file:///etc/passwd',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'collectionId',
      'externalUrl',
      'fileIds',
    ]);
  });

  it('leaves out what an update does not name, clears optional fields with null, and refuses null for required ones', () => {
    const current = newItemFields(
      createItemInput.parse({
        title: 'Bản gốc',
        format: 'VIDEO',
        publisher: 'Sở KH&CN',
        durationSeconds: 90,
      }),
    );
    const patch = updateItemInput.parse({ publisher: null, topics: ['Mới'] });
    expect(applyItemUpdate(current, patch)).toMatchObject({
      title: 'Bản gốc',
      publisher: null,
      topics: ['Mới'],
      durationSeconds: 90,
    });
    const bad = updateItemInput.safeParse({ title: null, format: null });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'title: must not be null',
      'format: must not be null',
    ]);
  });

  it('treats a missing filter as no filter', () => {
    expect(itemFilterInput.parse(null)).toEqual({});
    expect(itemFilterInput.parse({ search: '  ' })).toEqual({ search: null });
  });
});
