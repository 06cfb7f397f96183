// The local mail sink as a process: SMTP on argv[2], web view and JSON API on argv[3].
import { SmtpSink } from '@portal/local-services';

const [smtpPort, httpPort] = process.argv.slice(2).map(Number) as [number, number];
const sink = await new SmtpSink().start({ smtpPort, httpPort, host: '127.0.0.1' });
process.stdout.write(
  `mail sink: SMTP on ${sink.smtpPort}, messages at http://localhost:${sink.httpPort}/\n`,
);
const stop = () => void sink.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
