import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyGoPatches } from './go-program';

function vendor(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendor-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('patches to vendored Go dependencies', () => {
  it('replaces the text it names, once, leaving the rest of the file as it was', () => {
    const dir = vendor({ 'example.com/m/a.go': 'const ID = "$._id" // $ kept\nvar x = 1\n' });
    applyGoPatches(dir, [
      {
        file: 'example.com/m/a.go',
        find: 'const ID = "$._id"',
        replace: 'const ID = "_id"',
        why: 't',
      },
    ]);
    expect(readFileSync(join(dir, 'example.com/m/a.go'), 'utf8')).toBe(
      'const ID = "_id" // $ kept\nvar x = 1\n',
    );
  });

  it('stops when the text is gone or ambiguous (an upgraded dependency), naming the file', () => {
    const dir = vendor({ 'm/a.go': 'x := 1\nx := 1\n' });
    expect(() =>
      applyGoPatches(dir, [{ file: 'm/a.go', find: 'y := 2', replace: '', why: 't' }]),
    ).toThrow(/m\/a\.go .* found it 0 times/);
    expect(() =>
      applyGoPatches(dir, [{ file: 'm/a.go', find: 'x := 1', replace: '', why: 't' }]),
    ).toThrow(/found it 2 times/);
    expect(readFileSync(join(dir, 'm/a.go'), 'utf8')).toBe('x := 1\nx := 1\n');
  });
});
