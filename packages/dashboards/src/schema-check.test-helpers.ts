import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The SDK's `Dashboard` type as JSON carries it: its string enums as their values (JSON holds `"never"`, not
 * `VisibilityMode.Never`), numbers as numbers, a panel target as one of the Prometheus, Loki and Tempo queries
 * (the SDK types targets as an opaque variant); everything else unchanged, so object literals still get
 * TypeScript's excess property checks at every depth.
 */
const PRELUDE = `
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { dataquery as LokiQuery } from '@grafana/grafana-foundation-sdk/loki';
import type { Dataquery as PrometheusQuery } from '@grafana/grafana-foundation-sdk/prometheus';
import type { Dataquery as TempoQuery } from '@grafana/grafana-foundation-sdk/tempo';
type IsAny<T> = 0 extends 1 & T ? true : false;
type Marker = '_implementsDataqueryVariant';
type Wire<T> = IsAny<T> extends true ? any
  : T extends { _implementsDataqueryVariant(): void }
    ? Wire<Omit<PrometheusQuery, Marker>> | Wire<Omit<LokiQuery, Marker>> | Wire<Omit<TempoQuery, Marker>>
  : T extends string ? \`\${T}\`
  : T extends number ? number
  : T extends boolean ? boolean
  : T extends null | undefined ? T
  : T extends readonly (infer U)[] ? Wire<U>[]
  : T extends object ? { [K in keyof T]: Wire<T[K]> }
  : T;
type DashboardJson = Wire<Dashboard>;
`;

/**
 * Type-checks dashboard JSON documents against the Grafana Foundation SDK's `Dashboard` type (the JSON model of
 * its schema version), by compiling them as object literals; returns TypeScript's messages, `name: message`.
 */
export function dashboardTypeErrors(dashboards: Array<{ name: string; json: unknown }>): string[] {
  const file = join(HERE, '__dashboards_under_test__.ts');
  const source =
    PRELUDE +
    dashboards.map((d, i) => `// ${d.name}\nexport const d${i}: DashboardJson = ${JSON.stringify(d.json)};\n`).join('');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || exists(name);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSource(name, version, ...rest);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const name = source.split('\n')[line - 1]?.startsWith('// ')
      ? source.split('\n')[line - 1]!.slice(3)
      : `line ${line + 1}`;
    return `${name}: ${message}`;
  });
}
