// Builds infra/helm-check if needed and prints its path (tests run this in a child process).
import { ensureHelmCheck } from './helm-check';

process.stdout.write(`${ensureHelmCheck((line) => process.stderr.write(`${line}\n`))}\n`);
