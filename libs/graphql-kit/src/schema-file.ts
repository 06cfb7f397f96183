import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, Source, type DefinitionNode, type DocumentNode } from 'graphql';

/** A line `#include <part>` of a schema file takes the shared part `sdl/<part>.graphql`. */
const INCLUDE = /^#include[ \t]+(\S+)[ \t]*$/gm;

/**
 * Where the shared parts are: `sdl/` beside this module's folder in the workspace
 * (`libs/graphql-kit/sdl`), or in the folder of the app bundle it is inlined in, where
 * `bundleApp` copies them. From import.meta.url, not import.meta.dirname: graphql-codegen
 * loads this module (through the apps' codegen.ts) with jiti, which knows only the former.
 */
function partsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'sdl'), join(here, '..', 'sdl')];
  const found = candidates.find((d) => existsSync(d));
  if (!found) throw new Error(`schema parts not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Reads a subgraph's `schema.graphql` with the shared parts it names (`#include <part>`, from
 * `libs/graphql-kit/sdl/`; a part's own includes first, each part once): the whole SDL that
 * composition, codegen and the server share.
 */
export function loadSchemaFile(path: string): DocumentNode {
  const definitions: DefinitionNode[] = [];
  const included = new Set<string>();
  const take = (file: string): void => {
    const text = readFileSync(file, 'utf8');
    for (const [, part] of text.matchAll(INCLUDE)) {
      if (included.has(part!)) continue;
      included.add(part!);
      const partFile = join(partsDir(), `${part}.graphql`);
      if (!/^[\w-]+$/.test(part!) || !existsSync(partFile)) {
        const known = readdirSync(partsDir()).map((f) => f.replace(/\.graphql$/, ''));
        throw new Error(
          `${file}: unknown schema part "${part}" (#include ${part}); the parts are ${known.join(', ')}`,
        );
      }
      take(partFile);
    }
    // Each file parsed as itself, so a syntax error names the file and line it is on.
    definitions.push(...parse(new Source(text, file)).definitions);
  };
  take(path);
  return { kind: Kind.DOCUMENT, definitions };
}

/** {@link loadSchemaFile} as SDL text, for graphql-codegen's `schema`. */
export function schemaFileSdl(path: string): string {
  return print(loadSchemaFile(path));
}

/**
 * The `schema.graphql` of the app whose code runs in `dir` (pass `import.meta.dirname`):
 * one level up from `src/` in the workspace, or beside the bundle in a build
 * (`dist/apps/<app>/`, where the build copies it).
 */
export function appSchemaPath(dir: string): string {
  const candidates = [join(dir, 'schema.graphql'), join(dir, '..', 'schema.graphql')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`schema.graphql not found (looked in ${candidates.join(', ')})`);
  return found;
}
