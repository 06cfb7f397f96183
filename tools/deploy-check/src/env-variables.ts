import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const VARIABLE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The environment variables each app reads, from the types of what its `src/env.ts` exports
 * (the zod shapes and the parsed configuration: their keys are the variable names), so the
 * list follows the code. Type-checked with the workspace's tsconfig (path aliases included).
 */
export function envVariablesByApp(root: string): Map<string, Set<string>> {
  const apps = readdirSync(join(root, 'apps'))
    .sort()
    .filter((app) => existsSync(join(root, 'apps', app, 'src', 'env.ts')));
  const files = apps.map((app) => join(root, 'apps', app, 'src', 'env.ts'));
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.base.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.base.json could not be read');
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const result = new Map<string, Set<string>>();
  apps.forEach((app, i) => {
    const source = program.getSourceFile(files[i]!);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`apps/${app}/src/env.ts could not be analysed`);
    const names = new Set<string>();
    const collect = (type: ts.Type) => {
      for (const prop of checker.getPropertiesOfType(checker.getApparentType(type)))
        if (VARIABLE.test(prop.name)) names.add(prop.name);
    };
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      if (!declaration) continue;
      const type =
        symbol.flags & ts.SymbolFlags.TypeAlias || symbol.flags & ts.SymbolFlags.Interface
          ? checker.getDeclaredTypeOfSymbol(symbol)
          : checker.getTypeOfSymbolAtLocation(symbol, declaration);
      collect(type);
      for (const signature of type.getCallSignatures()) collect(signature.getReturnType());
    }
    if (names.size === 0) throw new Error(`apps/${app}/src/env.ts exports no configuration`);
    result.set(app, names);
  });
  return result;
}

/** The variables `.env.example` documents (commented out or not). */
export function envExampleVariables(root: string): Set<string> {
  const names = new Set<string>();
  for (const line of readFileSync(join(root, '.env.example'), 'utf8').split('\n')) {
    const match = /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    if (match) names.add(match[1]!);
  }
  return names;
}
