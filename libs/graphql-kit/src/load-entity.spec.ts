import { describe, expect, it } from 'vitest';
import { loadEntity } from './load-entity';

describe('loadEntity', () => {
  const stored = new Map([
    ['a', { id: 'a', public: true }],
    ['b', { id: 'b', public: false }],
  ]);
  const asked: string[] = [];
  const loader = {
    load: async (key: string) => {
      asked.push(key);
      return stored.get(key) ?? null;
    },
  };

  it('loads the entity the key names, unless it is missing, malformed or not visible', async () => {
    expect(await loadEntity({ id: 'a' }, loader)).toEqual({ id: 'a', public: true });
    expect(await loadEntity({ id: 'b' }, loader, (e) => e.public)).toBeNull();
    expect(await loadEntity({ id: 'b' }, loader, async (e) => !e.public)).toEqual({
      id: 'b',
      public: false,
    });
    expect(await loadEntity({ id: 'z' }, loader)).toBeNull();
    asked.length = 0;
    expect(await loadEntity({ id: 42 }, loader)).toBeNull();
    expect(await loadEntity({}, loader)).toBeNull();
    expect(asked).toEqual([]);
  });
});
