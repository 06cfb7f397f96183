import { describe, expect, it } from 'vitest';
import { runEntry, timeoutForProcesses, useTestDatabase } from '@portal/testing';
import { notifierModels } from '../src/models';

const db = useTestDatabase('notifier_cli');

/** Runs the CLI as admins do (`npm run -s webhook -- …`), as a real process. */
async function webhook(...args: string[]) {
  const run = await runEntry(
    'notifier',
    'cli/webhook',
    {
      MONGODB_URI: db.uri,
      MONGODB_DB: db.dbName,
      // The examples' partner hosts do not resolve here; a development allow-list names them.
      WEBHOOK_ALLOWED_HOSTS: 'hooks.sggp.example.vn,a.example.vn',
    },
    { args },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// A test here runs the CLI up to eight times, each run a process start.
const eightRuns = { timeout: timeoutForProcesses(8) };

describe('webhook CLI', eightRuns, () => {
  it('adds an endpoint and prints its secret once; lists, disables, enables and removes it', async () => {
    const added = await webhook(
      'add',
      '--partner',
      'Báo Sài Gòn Giải Phóng',
      '--url',
      'https://hooks.sggp.example.vn/cds',
      '--events',
      'content:read,bulletin.published',
      '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    const endpoint = JSON.parse(added.stdout) as { id: string; secret: string; events: string[] };
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint.events).toEqual(['article.published', 'bulletin.published']);
    // Stored as given: the worker signs with exactly this secret.
    const stored = await notifierModels(await db.connection())
      .WebhookEndpoint.findById(endpoint.id)
      .select('+secret')
      .lean();
    expect(stored!.secret).toBe(endpoint.secret);

    const listed = await webhook('list');
    expect(listed.stdout).toContain(`${endpoint.id}  Báo Sài Gòn Giải Phóng`);
    expect(listed.stdout).toContain('events:   article.published, bulletin.published');
    expect(listed.stdout).toContain('state:    enabled');
    expect(listed.stdout).not.toContain(endpoint.secret);

    expect((await webhook('disable', endpoint.id)).stdout).toBe(`disabled ${endpoint.id}\n`);
    const disabled = JSON.parse((await webhook('list', '--json')).stdout) as Record<
      string,
      unknown
    >[];
    expect(disabled[0]).toMatchObject({ enabled: false, disabledReason: 'disabled by an admin' });
    expect(JSON.stringify(disabled)).not.toContain('whsec_');

    expect((await webhook('enable', endpoint.id)).stdout).toBe(`enabled ${endpoint.id}\n`);
    expect((await webhook('list')).stdout).toContain('state:    enabled');

    expect((await webhook('remove', endpoint.id)).stdout).toBe(`removed ${endpoint.id}\n`);
    expect((await webhook('list')).stdout).toBe('No webhook endpoints.\n');
  });

  it('refuses bad input with a message and a non-zero exit', async () => {
    const unknownEvent = await webhook(
      'add',
      '--partner',
      'Đối tác',
      '--url',
      'https://a.example.vn/',
      '--events',
      'forum:write',
    );
    expect(unknownEvent.code).toBe(2);
    expect(unknownEvent.stderr).toMatch(/^unknown event or scope forum:write/);

    const badUrl = await webhook(
      'add',
      '--partner',
      'Đối tác',
      '--url',
      'ftp://a.example.vn/',
      '--events',
      'content:read',
    );
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/^invalid input: url: /);

    const missing = await webhook('enable', '65f0c0ffee0000000000ffff');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('no webhook endpoint 65f0c0ffee0000000000ffff\n');
    expect((await webhook('frobnicate')).code).toBe(2);
  });
});
