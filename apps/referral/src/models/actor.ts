import { embeddedSchema, nullable, required } from '@portal/db';
import type { Viewer } from '@portal/auth';

/** Who made a change, for the staff-only `by` of history entries. */
export interface Actor {
  kind: 'CITIZEN' | 'STAFF' | 'HOTLINE' | 'SYSTEM';
  id: string | null;
  name: string;
}

export const ActorSchema = embeddedSchema<Actor>({
  kind: required(String, { enum: ['CITIZEN', 'STAFF', 'HOTLINE', 'SYSTEM'] }),
  id: nullable(String),
  name: required(String),
});

export const HOTLINE_ACTOR: Actor = { kind: 'HOTLINE', id: null, name: 'Tổng đài 1022' };
export const SYSTEM_ACTOR: Actor = { kind: 'SYSTEM', id: null, name: 'Hệ thống' };

/** A staff member as the actor of a change: their name and department. */
export function staffActor(viewer: Viewer): Actor {
  const name = viewer.displayName ?? viewer.id ?? 'Cán bộ';
  return {
    kind: 'STAFF',
    id: viewer.id,
    name: viewer.department ? `${name} (${viewer.department})` : name,
  };
}
