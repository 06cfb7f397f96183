import { describe, expect, it } from 'vitest';
import {
  HOTLINE_CATEGORIES,
  UNITS,
  hotlineCategoryByCode,
  unitByCode,
  unknownAgencies,
} from './index';

describe('reference data', () => {
  it('has unique unit and category codes', () => {
    expect(new Set(UNITS.map((u) => u.code)).size).toBe(UNITS.length);
    expect(new Set(HOTLINE_CATEGORIES.map((c) => c.code)).size).toBe(HOTLINE_CATEGORIES.length);
  });

  it('routes every hotline category to a known unit with a positive SLA', () => {
    expect(unknownAgencies()).toEqual([]);
    for (const c of HOTLINE_CATEGORIES) expect(c.slaHours).toBeGreaterThan(0);
  });

  it('looks units and categories up by code', () => {
    expect(unitByCode('SO-KHCN')?.name).toBe('Sở Khoa học và Công nghệ');
    expect(hotlineCategoryByCode('DIEN')?.targetAgency).toBe('EVNHCMC');
    expect(hotlineCategoryByCode('NOPE')).toBeUndefined();
  });
});
