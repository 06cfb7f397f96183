// The image recipe (infra/docker/Dockerfile), parsed with dockerfile-ast and linted with
// dockerfile-utils (the Docker language server's validator): what production images need.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@portal/local-services';

const root = workspaceRoot();
const text = readFileSync(join(root, 'infra', 'docker', 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(text);

/** The instructions of each build stage, by its name. */
function stages(): Map<string, Instruction[]> {
  const result = new Map<string, Instruction[]>();
  let current: Instruction[] | undefined;
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = dockerfile
        .getFROMs()
        .find((f) => f.getRange().start.line === instruction.getRange().start.line);
      current = [];
      result.set(from?.getBuildStage() ?? `stage${result.size}`, current);
      continue;
    }
    current?.push(instruction);
  }
  return result;
}

const byStage = stages();
const finalStage = [...byStage.keys()].at(-1)!;
const runtime = byStage.get(finalStage)!;
const args = (keyword: string, list = runtime) =>
  list.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? '');

describe('infra/docker/Dockerfile', () => {
  it('passes the Dockerfile linter without a diagnostic', () => {
    const diagnostics = validate(text, {});
    expect(diagnostics.map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds one app with Nx in a build stage and ships only its bundle and production dependencies', () => {
    expect(byStage.size).toBeGreaterThanOrEqual(3);
    const buildStage = [...byStage.entries()].find(([, list]) =>
      args('RUN', list).some((r) => /nx run "?\$\{APP\}:build/.test(r)),
    );
    expect(buildStage, 'a stage that runs the app’s Nx build').toBeDefined();
    expect(args('RUN').join('\n')).not.toMatch(/npm (ci|install)(?![^\n]*--omit=dev)/);
    const copies = runtime.filter((i) => i.getKeyword() === 'COPY');
    expect(
      copies.some(
        (c) =>
          /--from=build\b/.test(c.getTextContent()) &&
          /dist\/apps\/\$\{APP\}/.test(c.getTextContent()),
      ),
    ).toBe(true);
    expect(
      copies.some(
        (c) =>
          /--from=prod-deps\b/.test(c.getTextContent()) && /node_modules/.test(c.getTextContent()),
      ),
    ).toBe(true);
    expect(args('RUN', byStage.get('prod-deps')!).join('\n')).toMatch(/npm ci --omit=dev/);
    // Nothing else of the source tree reaches the final image.
    for (const c of copies) expect(c.getTextContent()).not.toMatch(/COPY\s+\.\s/);
  });

  it('runs as a non-root user with NODE_ENV=production, a HEALTHCHECK, and tini forwarding signals', () => {
    const user = args('USER').at(-1);
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(args('ENV').join(' ')).toMatch(/NODE_ENV=production/);
    expect(args('ENV').join(' ')).toMatch(/HOST=0\.0\.0\.0/);
    expect(args('HEALTHCHECK').join(' ')).toMatch(/CMD .*healthcheck\.mjs/);
    expect(existsSync(join(root, 'infra', 'docker', 'healthcheck.mjs'))).toBe(true);
    expect(args('ENTRYPOINT').at(-1)).toMatch(/tini/);
    expect(args('RUN').join('\n')).toMatch(/apt-get install[^\n]*\$\{packages\}/);
    expect(args('RUN').join('\n')).toMatch(/packages="tini"/);
    // The default command runs a bundle with Node directly (no npm, which would swallow signals).
    expect(args('CMD').at(-1)).toMatch(/^\["node",.*"main\.js"\]$/);
  });

  it('installs espeak-ng and lame in the bulletin image (its worker renders read-aloud audio)', () => {
    expect(args('RUN').join('\n')).toMatch(
      /"\$\{APP\}" = "bulletin" \]; then packages="\$\{packages\} espeak-ng lame"/,
    );
  });

  it('has a .dockerignore that keeps local state, dependencies and secrets out of the context', () => {
    const ignore = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['.git', 'node_modules', '.data', 'dist', '.env'])
      expect(ignore).toContain(entry);
  });
});
