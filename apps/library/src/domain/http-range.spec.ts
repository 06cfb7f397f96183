import { describe, expect, it } from 'vitest';
import { decideRange, etagFor, notModified } from './http-range';

const etag = etagFor('ab'.repeat(32));
const lastModified = new Date('2025-03-01T10:00:00.500Z');
const req = (range?: string, ifRange?: string) => ({
  size: 1000,
  range,
  ifRange,
  etag,
  lastModified,
});

describe('byte ranges', () => {
  it('serves one satisfiable range, clamped to the file', () => {
    expect(decideRange(req())).toEqual({ kind: 'full' });
    expect(decideRange(req('bytes=0-99'))).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(decideRange(req('bytes=900-5000'))).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange(req('bytes=-100'))).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange(req('bytes=0-9,10-19'))).toEqual({ kind: 'partial', start: 0, end: 19 });
  });

  it('answers 416 past the end and ignores what it cannot honour', () => {
    expect(decideRange(req('bytes=1000-'))).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange(req('bytes=abc'))).toEqual({ kind: 'full' });
    expect(decideRange(req('items=0-1'))).toEqual({ kind: 'full' });
    expect(decideRange(req('bytes=0-1,500-501'))).toEqual({ kind: 'full' });
  });

  it('honours If-Range only while the validator still matches', () => {
    expect(decideRange(req('bytes=0-9', etag))).toMatchObject({ kind: 'partial' });
    expect(decideRange(req('bytes=0-9', '"other"'))).toEqual({ kind: 'full' });
    expect(decideRange(req('bytes=0-9', `W/${etag}`))).toEqual({ kind: 'full' });
    expect(decideRange(req('bytes=0-9', lastModified.toUTCString()))).toMatchObject({
      kind: 'partial',
    });
    expect(decideRange(req('bytes=0-9', new Date('2025-01-01').toUTCString()))).toEqual({
      kind: 'full',
    });
  });

  it('answers If-None-Match with weak comparison', () => {
    expect(notModified(undefined, etag)).toBe(false);
    expect(notModified(etag, etag)).toBe(true);
    expect(notModified(`"x", W/${etag}`, etag)).toBe(true);
    expect(notModified('*', etag)).toBe(true);
    expect(notModified('"x"', etag)).toBe(false);
  });
});
