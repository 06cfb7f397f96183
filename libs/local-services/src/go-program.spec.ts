import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyGoPatches, binCacheDir, ensureGoProgram, goSourceHash } from './go-program';
import { workspaceRoot } from './paths';

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

describe('the machine-wide cache of built programs', () => {
  it('is PORTAL_BIN_CACHE, else under XDG_CACHE_HOME or ~/.cache, and can be turned off', () => {
    expect(binCacheDir({ PORTAL_BIN_CACHE: '/srv/cache/bin' })).toBe('/srv/cache/bin');
    expect(binCacheDir({ PORTAL_BIN_CACHE: 'off' })).toBeNull();
    expect(binCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/portal/bin');
    expect(binCacheDir({})).toBe(join(homedir(), '.cache', 'portal', 'bin'));
  });

  it('hashes the patches into the patched build only', () => {
    const src = vendor({ 'main.go': 'package main', 'go.mod': 'module x', 'patches.json': '[]' });
    const before = { patched: goSourceHash(src), released: goSourceHash(src, { patches: false }) };
    writeFileSync(join(src, 'patches.json'), '[{"file":"a","find":"b","replace":"c","why":"d"}]');
    expect(goSourceHash(src)).not.toBe(before.patched);
    expect(goSourceHash(src, { patches: false })).toBe(before.released);
  });

  it('gives a fresh checkout the binary another checkout built from the same sources, without building', () => {
    const cache = mkdtempSync(join(tmpdir(), 'bin-cache-'));
    const data = mkdtempSync(join(tmpdir(), 'data-'));
    const src = join(workspaceRoot(), 'infra', 'ferretdb');
    const name = `ferretdb-${goSourceHash(src)}`;
    writeFileSync(join(cache, name), '#!/bin/sh\necho cached\n');
    // The build without our patches (the differential test's peer) is a binary of its own.
    const unpatchedName = `ferretdb-unpatched-${goSourceHash(src, { patches: false })}`;
    writeFileSync(join(cache, unpatchedName), '#!/bin/sh\necho released\n');
    const saved = {
      DATA_DIR: process.env.DATA_DIR,
      PORTAL_BIN_CACHE: process.env.PORTAL_BIN_CACHE,
    };
    Object.assign(process.env, { DATA_DIR: data, PORTAL_BIN_CACHE: cache });
    try {
      const binary = ensureGoProgram({ name: 'ferretdb', title: 'FerretDB', withoutGo: 'n/a' });
      expect(binary).toBe(join(data, 'bin', name));
      expect(readFileSync(binary, 'utf8')).toBe('#!/bin/sh\necho cached\n');
      expect(statSync(binary).mode & 0o111).not.toBe(0);
      const released = ensureGoProgram({
        name: 'ferretdb',
        title: 'FerretDB',
        withoutGo: 'n/a',
        unpatched: true,
      });
      expect(released).toBe(join(data, 'bin', unpatchedName));
      expect(readFileSync(released, 'utf8')).toBe('#!/bin/sh\necho released\n');
    } finally {
      for (const [key, value] of Object.entries(saved))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
  });
});
