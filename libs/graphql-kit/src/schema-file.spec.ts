import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print, type DocumentNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchemaFile, schemaFileSdl } from './schema-file';

const dir = mkdtempSync(join(tmpdir(), 'schema-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function schemaFile(name: string, sdl: string): string {
  const path = join(dir, name);
  writeFileSync(path, sdl);
  return path;
}

/** The names of a document's definitions, in order (`extend schema` as `schema`). */
function names(doc: DocumentNode): string[] {
  return doc.definitions.map((d) => ('name' in d && d.name ? d.name.value : 'schema'));
}

let files = 0;
/** What `loadSchemaFile` defines for a schema file of this text. */
function definedBy(sdl: string): string[] {
  return names(loadSchemaFile(schemaFile(`schema-${++files}.graphql`, sdl)));
}

const workspace = join(import.meta.dirname, '../../..');

describe('loadSchemaFile', () => {
  it("adds the parts a file includes before its own definitions, a part's own includes first", () => {
    // page-info includes cache-control; portal-stats includes date-time.
    expect(
      definedBy('#include page-info\n#include portal-stats\n\ntype Query { hello: String }'),
    ).toEqual([
      'CacheControlScope',
      'cacheControl',
      'PageInfo',
      'DateTime',
      'DeviceClass',
      'StatGranularity',
      'AudienceRegion',
      'ReferrerClass',
      'AudienceDeviceCount',
      'AudienceRegionCount',
      'AudienceReferrerCount',
      'AudienceBucket',
      'AudienceStats',
      'Query',
    ]);
  });

  it('takes a part once, however often it is included', () => {
    // cache-control named twice here, and a third time by page-info.
    const sdl =
      '#include cache-control\n#include page-info\n#include cache-control\ntype Query { a: Int }';
    expect(definedBy(sdl)).toEqual(['CacheControlScope', 'cacheControl', 'PageInfo', 'Query']);
  });

  it('refuses an unknown part, naming it, the file that includes it and the parts there are', () => {
    const path = schemaFile('unknown.graphql', '#include page-inf\ntype Query { a: Int }\n');
    expect(() => loadSchemaFile(path)).toThrow(
      `${path}: unknown schema part "page-inf" (#include page-inf); the parts are cache-control, date-time, page-info, page-view-input, portal-stats, showcase`,
    );
    // A name is a part's file name, never a path.
    const outside = schemaFile(
      'outside.graphql',
      '#include ../sdl/page-info\ntype Query { a: Int }\n',
    );
    expect(() => loadSchemaFile(outside)).toThrow(/unknown schema part "\.\.\/sdl\/page-info"/);
  });

  it("reads a file without includes (a bundle's, parts written in) as it is", () => {
    const sdl = 'scalar DateTime\n\ntype Query { now: DateTime }\n';
    const path = schemaFile('plain.graphql', sdl);
    expect(print(loadSchemaFile(path))).toBe(print(parse(sdl)));
    expect(schemaFileSdl(path)).toBe(print(parse(sdl)));
  });

  it('names the file of a syntax error', () => {
    const path = schemaFile('broken.graphql', '#include date-time\ntype Query {\n');
    const error = (() => {
      try {
        loadSchemaFile(path);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toMatchObject({
      message: expect.stringContaining('Syntax Error'),
      source: { name: path },
    });
  });

  it("gives every subgraph's schema each definition once, and prints it back the same", () => {
    const apps = readdirSync(join(workspace, 'apps')).filter((app) =>
      readdirSync(join(workspace, 'apps', app)).includes('schema.graphql'),
    );
    expect(apps).toEqual(expect.arrayContaining(['content', 'forum', 'bulletin', 'assistant']));
    for (const app of apps) {
      const path = join(workspace, 'apps', app, 'schema.graphql');
      const defined = names(loadSchemaFile(path));
      expect(
        defined.filter((n, i) => defined.indexOf(n) !== i),
        app,
      ).toEqual([]);
      expect(defined, app).toContain('CacheControlScope');
      expect(print(parse(schemaFileSdl(path)))).toBe(schemaFileSdl(path));
    }
  });
});
