// Partners' webhook endpoints, for admins: `npm run -s webhook -- <command>`.
import { parseArgs } from 'node:util';
import { connectDatabase } from '@portal/db';
import { DomainError } from '@portal/errors';
import { parseAllowList } from '../domain/webhook-address';
import { parseSubscription } from '../domain/webhook-endpoint';
import { notifierModels } from '../models';
import {
  addEndpoint,
  disableEndpoint,
  enableEndpoint,
  listEndpoints,
  removeEndpoint,
  type EndpointView,
} from '../models/webhook-endpoint.repository';
import { cliEnv } from './env';

const usage = `usage: npm run -s webhook -- <command>
  add --partner <name> --url <https url> --events <event|scope,...> [--json]
        events: article.published, bulletin.published, referral.updated
        or the API scopes that cover them: content:read, bulletin:read, referral:read
        prints the endpoint's signing secret once
  list [--json]
  enable <id>      re-enable (e.g. after it was disabled for failing); its failure count restarts
  disable <id>
  remove <id>`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    partner: { type: 'string' },
    url: { type: 'string' },
    events: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
const [command, id] = positionals;
if (values.help || !command) {
  process.stdout.write(`${usage}\n`);
  process.exit(values.help ? 0 : 2);
}

const conn = await connectDatabase({
  uri: cliEnv.MONGODB_URI,
  dbName: cliEnv.MONGODB_DB,
  attempts: 3,
});
const models = notifierModels(conn);

function printTable(endpoints: EndpointView[]): void {
  if (endpoints.length === 0) {
    console.log('No webhook endpoints.');
    return;
  }
  for (const e of endpoints) {
    const state = e.enabled
      ? 'enabled'
      : `DISABLED ${e.disabledAt?.toISOString() ?? ''} (${e.disabledReason ?? ''})`;
    console.log(`${e.id}  ${e.partner}`);
    console.log(`    url:      ${e.url}`);
    console.log(`    events:   ${e.events.join(', ')}`);
    console.log(`    state:    ${state}`);
    console.log(`    failures: ${e.consecutiveFailures} in a row`);
  }
}

async function run(): Promise<void> {
  switch (command) {
    case 'add': {
      if (!values.partner || !values.url || !values.events)
        fail(`add needs --partner, --url and --events\n${usage}`);
      const subscription = parseSubscription(values.events);
      if (!subscription.ok) fail(subscription.message);
      const { endpoint, secret } = await addEndpoint(
        models,
        { partner: values.partner, url: values.url, events: subscription.events },
        {
          requireHttps: cliEnv.NODE_ENV === 'production',
          allowedHosts: parseAllowList(cliEnv.WEBHOOK_ALLOWED_HOSTS),
        },
      );
      if (values.json) {
        console.log(JSON.stringify({ ...endpoint, secret }));
      } else {
        printTable([endpoint]);
        console.log(
          `\nSigning secret (shown only now; give it to the partner securely):\n${secret}`,
        );
      }
      return;
    }
    case 'list': {
      const endpoints = await listEndpoints(models);
      if (values.json) console.log(JSON.stringify(endpoints));
      else printTable(endpoints);
      return;
    }
    case 'enable':
    case 'disable':
    case 'remove': {
      if (!id) fail(`${command} needs an endpoint id\n${usage}`);
      const action = { enable: enableEndpoint, disable: disableEndpoint, remove: removeEndpoint }[
        command
      ];
      if (!(await action(models, id))) fail(`no webhook endpoint ${id}`, 1);
      console.log(`${command === 'remove' ? 'removed' : `${command}d`} ${id}`);
      return;
    }
    default:
      fail(`unknown command "${command}"\n${usage}`);
  }
}

try {
  await run();
} catch (err) {
  if (err instanceof DomainError) fail(`invalid input: ${err.message}`);
  throw err;
} finally {
  await conn.close();
}
