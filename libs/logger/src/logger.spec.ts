import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { requestIdFrom, runWithRequestContext } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()));
      cb();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('writes service and request id on every line inside a request', async () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'content', destination });
    runWithRequestContext({ requestId: 'req-12345678' }, () =>
      log.child({ module: 'x' }).info('hello'),
    );
    log.info('outside');
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatchObject({
      service: 'content',
      requestId: 'req-12345678',
      module: 'x',
      msg: 'hello',
    });
    expect(lines[1]).toMatchObject({ service: 'content', msg: 'outside' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('redacts secrets and personal data', async () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'gateway', destination });
    log.info(
      { req: { headers: { authorization: 'Bearer abc' } }, user: { email: 'a@b.vn' }, token: 't' },
      'x',
    );
    await new Promise((r) => setImmediate(r));
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('Bearer abc');
    expect(text).not.toContain('a@b.vn');
    expect(text).not.toContain('"t"');
  });

  it('accepts well-formed request ids and replaces others', () => {
    expect(requestIdFrom('abcdef12-3456')).toBe('abcdef12-3456');
    expect(requestIdFrom('bad id with spaces')).not.toBe('bad id with spaces');
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
