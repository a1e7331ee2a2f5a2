import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The `platform` bin of the workspace's @platform/cli. */
export const PLATFORM_BIN = join(repository, 'packages', 'cli', 'bin', 'platform.mjs');

/** What one run of the bin printed. */
export interface Run {
  code: number;
  out: string;
  err: string;
}

/** The environment of child processes: this run's npm/pnpm settings must not leak into them. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|PLATFORM_|FORCE_COLOR)/i.test(key)),
  );
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * A project outside the workspace: environments/demo renders one component of the library `@platform/greeter`,
 * installed as a link in node_modules the way pnpm links packages, and `@platform/core` from the workspace.
 */
export class CliProject {
  readonly root = mkdtempSync(join(tmpdir(), 'platform-project-'));

  constructor() {
    writeFileSync(
      join(this.root, 'package.json'),
      `${JSON.stringify({ name: 'project', private: true, type: 'module' })}\n`,
    );
    mkdirSync(join(this.root, 'node_modules', '@platform'), { recursive: true });
    symlinkSync(join(repository, 'packages', 'core'), join(this.root, 'node_modules', '@platform', 'core'));
    this.library('greeter-a', '1.0.0', 'hello');
    this.library('greeter-b', '1.1.0', 'bonjour');
    this.link('greeter-a');
    this.environment({});
    this.index('replicas: 5');
  }

  /** A version of @platform/greeter in libs/<folder>: a ConfigMap with its greeting, the version and the configured replicas. */
  library(folder: string, version: string, greeting: string): void {
    const dir = join(this.root, 'libs', folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: '@platform/greeter', version, type: 'module', exports: { '.': './index.js' } })}\n`,
    );
    writeFileSync(
      join(dir, 'index.js'),
      `import { defineComponent } from '@platform/core';
export const greeter = defineComponent({
  name: 'greeter',
  tier: 'workloads',
  defaults: { replicas: 1 },
  build: (context) => ({
    greeter_configmap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'greeter' }, data: { greeting: ${JSON.stringify(greeting)}, version: ${JSON.stringify(version)}, replicas: String(context.config.replicas) } },
  }),
});
`,
    );
  }

  /** Points node_modules/@platform/greeter at libs/<folder>, as an install that picked another version would. */
  link(folder: string): void {
    const link = join(this.root, 'node_modules', '@platform', 'greeter');
    rmSync(link, { force: true });
    symlinkSync(join(this.root, 'libs', folder), link);
  }

  /** environments/demo/package.json with these dependencies. */
  environment(dependencies: Record<string, string>): void {
    const dir = join(this.root, 'environments', 'demo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: 'demo', private: true, platform: { environment: './index.ts' }, dependencies }, null, 2)}\n`,
    );
  }

  /** Source of environments/demo/index.ts with `config` as the greeter's configuration and `before` above the environment. */
  indexSource(config: string, before = '', extra = ''): string {
    return `import { defineEnvironment } from '@platform/core';
import { greeter } from '@platform/greeter';
${before}
export default defineEnvironment({
  name: 'demo',
  cluster: { name: 'demo', server: 'https://kubernetes.default.svc' },
  repo: { url: 'https://git.example.com/demo.git', revision: 'refs/heads/main' },
  settings: {
    baseDomain: 'demo.example.com',
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-demo' },
    metricsScraperNamespaces: ['alloy'],
  },
  components: [greeter({ ${config} })${extra}],
});
`;
  }

  index(config: string, before = '', extra = ''): string {
    const file = join(this.root, 'environments', 'demo', 'index.ts');
    writeFileSync(file, this.indexSource(config, before, extra));
    return file;
  }

  /** Runs the bin in the project and waits for it. */
  run(args: string[], env: Record<string, string> = {}): Run {
    const result = spawnSync(process.execPath, [PLATFORM_BIN, ...args], {
      cwd: this.root,
      env: cleanEnv(env),
      encoding: 'utf8',
    });
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
  }

  /** Starts the bin without waiting. */
  start(args: string[], env: Record<string, string> = {}): { done: Promise<Run> } {
    const child = spawn(process.execPath, [PLATFORM_BIN, ...args], { cwd: this.root, env: cleanEnv(env) });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    return { done: new Promise((done) => child.once('close', (code) => done({ code: code ?? -1, out, err }))) };
  }

  /** The greeter's rendered ConfigMap. */
  get rendered(): string {
    const file = join(this.root, 'rendered', 'demo', 'greeter', 'configmap-greeter.yaml');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
