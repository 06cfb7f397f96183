import { describe, expect, it } from 'vitest';
import { allowedType, kindOfMime, mayStillBeAllowed, opensInline } from './file-types';

describe('file type allow-list', () => {
  it('accepts the library’s formats under their canonical types', () => {
    expect(allowedType({ ext: 'pdf', mime: 'application/pdf' })?.kind).toBe('pdf');
    expect(allowedType({ ext: 'm4a', mime: 'audio/x-m4a' })).toEqual({
      mime: 'audio/mp4',
      ext: 'm4a',
      kind: 'audio',
    });
    expect(allowedType({ ext: 'epub', mime: 'application/epub+zip' })?.kind).toBe('ebook');
    expect(allowedType({ ext: 'webm', mime: 'video/webm' })?.kind).toBe('video');
  });

  it('refuses executables, archives, legacy and macro-enabled Office files, scripts and unknowns', () => {
    for (const ext of ['exe', 'elf', 'zip', 'cfb', 'docm', 'xlsm', 'html', 'svg', 'rar'])
      expect(allowedType({ ext, mime: 'x/y' }), ext).toBeNull();
    expect(allowedType(undefined)).toBeNull();
  });

  it('lets a ZIP or an unrecognised start go on to the full check, and stops the rest early', () => {
    expect(mayStillBeAllowed(undefined)).toBe(true);
    expect(mayStillBeAllowed({ ext: 'zip', mime: 'application/zip' })).toBe(true);
    expect(mayStillBeAllowed({ ext: 'exe', mime: 'application/x-msdownload' })).toBe(false);
    expect(mayStillBeAllowed({ ext: 'png', mime: 'image/png' })).toBe(true);
  });

  it('opens media inline and offers documents as downloads', () => {
    expect(opensInline('application/pdf')).toBe(true);
    expect(opensInline('video/mp4')).toBe(true);
    expect(opensInline('application/epub+zip')).toBe(false);
    expect(kindOfMime('audio/mpeg')).toBe('audio');
    expect(kindOfMime('text/html')).toBeNull();
  });
});
