import units from '../data/units.json' with { type: 'json' };

/** DISTRICT: a district's (or Thu Duc city's) People's Committee, whose focal points supply news. */
export type UnitKind = 'DEPARTMENT' | 'AGENCY' | 'UTILITY' | 'DISTRICT';

/** A department or agency of the city: who answers forum threads and receives referrals. */
export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
}

/** The city's units: departments, agencies, utilities and districts. Officers' `department` claim is one of these codes. */
export const UNITS: readonly Unit[] = Object.freeze(units as Unit[]);

const byCode = new Map(UNITS.map((u) => [u.code, u]));

export function unitByCode(code: string): Unit | undefined {
  return byCode.get(code);
}

export function isUnitCode(code: string): boolean {
  return byCode.has(code);
}
