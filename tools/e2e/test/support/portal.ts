// What a front end, a partner or an operator does with the running portal: contract
// operations over HTTP through the gateway, tokens from the local identity provider,
// the mail sink, and the CLIs.
import { join } from 'node:path';
import { ensureDevKeyPair, signPersonToken, type Role } from '@portal/auth';
import { contractOperation, runProcess, workspaceRoot } from '@portal/local-services';
import { gql, waitUntil, type GraphQLResponse } from '@portal/testing';

export const graphUrl = process.env.E2E_GRAPH_URL!;
export const baseUrl = process.env.E2E_BASE_URL!;
const mailUrl = process.env.E2E_MAIL_URL!;

/** The text of one operation of the contract, exactly as clients send it. */
export const operation = contractOperation;

export interface Caller {
  bearer?: string;
  apiKey?: string;
}

/** Runs a contract operation through the gateway and fails loudly on GraphQL errors. */
export async function run<T = Record<string, any>>(
  name: string,
  variables: Record<string, unknown> = {},
  caller: Caller = {},
): Promise<T> {
  const res = await attempt<T>(name, variables, caller);
  if (res.errors?.length || !res.data)
    throw new Error(`${name} failed: ${JSON.stringify(res.errors ?? res.status)}`);
  return res.data;
}

/** Runs a contract operation and returns the whole answer, errors included. */
export function attempt<T = Record<string, any>>(
  name: string,
  variables: Record<string, unknown> = {},
  caller: Caller = {},
): Promise<GraphQLResponse<T>> {
  return gql<T>(graphUrl, operation(name), { variables, ...caller });
}

let people = 0;

/** A person signed in at the (local) identity provider, with a fresh id. */
export async function person(
  role: Role,
  extra: { department?: string; email?: string; name?: string } = {},
): Promise<Caller & { id: string; email?: string }> {
  const keys = await ensureDevKeyPair(join(process.env.E2E_DATA_DIR!, 'keys'));
  const id = `e2e-${role}-${Date.now().toString(36)}-${++people}`;
  const bearer = await signPersonToken(keys.privateKeyPem, {
    sub: id,
    name: extra.name ?? `Người thử ${role} ${people}`,
    role,
    ...(extra.department ? { department: extra.department } : {}),
    ...(extra.email ? { email: extra.email } : {}),
  });
  return { bearer, id, ...(extra.email ? { email: extra.email } : {}) };
}

export interface Mail {
  envelopeTo: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Waits for mail to `address` in the local mail sink that matches `filter`. */
export async function mailTo(
  address: string,
  filter: (m: Mail) => boolean = () => true,
  timeoutMs = 60_000,
): Promise<Mail> {
  return waitUntil(
    async () => {
      const all = (await (await fetch(`${mailUrl}/messages`)).json()) as Mail[];
      return all.find((m) => m.envelopeTo.includes(address) && filter(m));
    },
    { what: `mail to ${address}`, timeoutMs, intervalMs: 300 },
  );
}

/** The database each CLI writes to: its app's. */
const CLI_APP = { apikey: 'gateway', webhook: 'notifier' } as const;

/** Runs one of the project's CLIs (`npm run -s <script> -- …`) against the running stack's database. */
export async function cli(script: 'apikey' | 'webhook', args: string[]): Promise<string> {
  const prefix = process.env.E2E_DB_PREFIX;
  const result = await runProcess('npm', ['run', '-s', script, '--', ...args], {
    cwd: workspaceRoot(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      MONGODB_URI: process.env.E2E_MONGODB_URI,
      ...(prefix ? { MONGODB_DB: `${prefix}_${CLI_APP[script]}` } : {}),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      // The tests' webhook receiver listens on loopback, as a developer's would.
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    },
    timeoutMs: 60_000,
  });
  if (result.status !== 0)
    throw new Error(`npm run ${script} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

export { waitUntil };
