// Development sign-in: the local identity provider (libs/auth's dev key pair under
// DATA_DIR/keys, as `npm run token` uses) mints a person token for the role picked.
// Refused unless the portal runs with AUTH_MODE=dev, which production never allows.
import { ensureDevKeyPair, isRole, ROLES, signPersonToken, type Role } from '@portal/auth';
import { isUnitCode } from '@portal/reference-data';

/** The roles the development sign-in offers: every role there is, in libs/auth's order. */
export const DEV_ROLES: readonly Role[] = ROLES;

export async function mintDevToken(
  keysDir: string,
  input: { role: string; name: string; department?: string },
): Promise<{ token: string } | { error: string; field: string }> {
  if (!isRole(input.role)) return { error: 'unknown role', field: 'role' };
  const name = input.name.trim().slice(0, 80);
  if (!name) return { error: 'required', field: 'name' };
  const department = input.department?.trim() || undefined;
  if (input.role === 'officer' && !department)
    return { error: 'officers need a department', field: 'department' };
  if (department && !isUnitCode(department))
    return { error: 'unknown department', field: 'department' };
  const keys = await ensureDevKeyPair(keysDir);
  // A stable id per role and name, so signing in again is the same person.
  const sub = `dev-${input.role}-${Buffer.from(name).toString('base64url').slice(0, 24)}`;
  const token = await signPersonToken(
    keys.privateKeyPem,
    { sub, name, role: input.role, ...(department ? { department } : {}) },
    { expiresIn: '12h' },
  );
  return { token };
}
