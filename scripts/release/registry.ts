import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A failure the person releasing can act on; its message says what to do. */
export class ReleaseError extends Error {
  override readonly name = 'ReleaseError';
}

/** What one npm command printed. */
interface NpmOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment variable that carries a registry token; never written to disk or passed as an argument. */
export const TOKEN_VARIABLE = 'PLATFORM_REGISTRY_TOKEN';

/** `http://host:port/path` → `//host:port/path/`, the key npm files a registry's credentials under. */
export function credentialsKey(url: string): string {
  const { host, pathname } = new URL(url);
  return `//${host}${pathname.endsWith('/') ? pathname : `${pathname}/`}`;
}

/** Registry URL with exactly one trailing slash. */
export function normalizeRegistryUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ReleaseError(`registry "${url}" is not a URL; expected e.g. http://127.0.0.1:4873/`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ReleaseError(`registry "${url}" must be an http(s) URL`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/**
 * An npm registry, spoken to through the npm CLI so that every registry npm supports works (Verdaccio, GitHub
 * Packages, Artifactory, Nexus ...). With a token, npm runs against a throw-away user config that names only
 * this registry's token, by reference to an environment variable; without one, the user's own npm login
 * (`npm adduser --registry ...`) applies.
 */
export class NpmRegistry {
  readonly url: string;
  private readonly token: string | undefined;
  private configFolder: string | undefined;

  constructor(url: string, token?: string) {
    this.url = normalizeRegistryUrl(url);
    this.token = token || undefined;
  }

  /** The user the registry knows the credentials as. Fails with what to do when there are none or it is down. */
  async whoami(): Promise<string> {
    const result = await this.npm(['whoami']);
    if (result.code === 0) return result.stdout.trim();
    const code = npmErrorCode(result);
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'ECONNRESET') {
      throw new ReleaseError(
        `cannot reach the registry ${this.url} (${code}); start the local one with \`pnpm registry\` or pass --registry <url>`,
      );
    }
    throw new ReleaseError(
      `not authenticated at ${this.url} (${code ?? `npm exited with ${result.code}`}); publishing needs a registry user: ` +
        `run \`pnpm registry:adduser\` for the local registry, or set ${TOKEN_VARIABLE} to a token with publish rights`,
    );
  }

  /** Every version of `name` the registry holds; none when it does not know the package. */
  async versions(name: string): Promise<string[]> {
    const result = await this.npm(['view', name, 'versions', '--json', '--prefer-online']);
    if (result.code !== 0) {
      if (npmErrorCode(result) === 'E404') return [];
      throw new ReleaseError(`cannot read ${name} from ${this.url}: ${npmErrorSummary(result)}`);
    }
    const parsed: unknown = result.stdout.trim() === '' ? [] : JSON.parse(result.stdout);
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  }

  /** The Subresource Integrity string (`sha512-...`) of a published version's tarball. */
  async integrity(name: string, version: string): Promise<string | undefined> {
    const result = await this.npm(['view', `${name}@${version}`, 'dist.integrity', '--json', '--prefer-online']);
    if (result.code !== 0)
      throw new ReleaseError(`cannot read ${name}@${version} from ${this.url}: ${npmErrorSummary(result)}`);
    return result.stdout.trim() === '' ? undefined : String(JSON.parse(result.stdout));
  }

  /** Publishes a packed tarball exactly as it is; throws with the registry's answer when refused. */
  async publish(tarball: string): Promise<void> {
    const result = await this.npm(['publish', tarball, '--tag', 'latest', '--ignore-scripts']);
    if (result.code !== 0) throw new ReleaseError(npmErrorSummary(result));
  }

  /** Removes the throw-away npm config. */
  dispose(): void {
    if (this.configFolder) rmSync(this.configFolder, { recursive: true, force: true });
    this.configFolder = undefined;
  }

  private userConfig(): string | undefined {
    if (!this.token) return undefined;
    if (!this.configFolder) {
      this.configFolder = mkdtempSync(join(tmpdir(), 'platform-release-'));
      // npm expands ${VAR} in .npmrc files, so the token itself stays in the child's environment only.
      writeFileSync(
        join(this.configFolder, '.npmrc'),
        `${credentialsKey(this.url)}:_authToken=\${${TOKEN_VARIABLE}}\n`,
        { mode: 0o600 },
      );
    }
    return join(this.configFolder, '.npmrc');
  }

  private npm(args: string[]): Promise<NpmOutput> {
    const userConfig = this.userConfig();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    if (this.token) env[TOKEN_VARIABLE] = this.token;
    // No retries: a registry that is down or refuses should fail the release at once, not after minutes of back-off.
    const fullArgs = [
      ...args,
      '--registry',
      this.url,
      '--fetch-retries',
      '0',
      ...(userConfig ? ['--userconfig', userConfig] : []),
    ];
    return new Promise((resolve, reject) => {
      const child = spawn('npm', fullArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', (error) => reject(new ReleaseError(`cannot run npm: ${error.message}`)));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
  }
}

/** npm's error code (`E404`, `ENEEDAUTH` ...), from `--json` output or from its `npm error code X` line. */
function npmErrorCode(result: NpmOutput): string | undefined {
  const fromJson = /"code":\s*"([A-Z0-9_]+)"/.exec(result.stdout) ?? /"code":\s*"([A-Z0-9_]+)"/.exec(result.stderr);
  const fromLog = /npm error code (\S+)/.exec(result.stderr);
  return (fromJson ?? fromLog)?.[1];
}

/** The lines of npm's error output that say what went wrong, without the stack trace and log-file hints. */
function npmErrorSummary(result: NpmOutput): string {
  const summary = /"summary":\s*"((?:[^"\\]|\\.)*)"/.exec(result.stdout);
  if (summary) return JSON.parse(`"${summary[1]}"`) as string;
  const lines = result.stderr
    .split('\n')
    .filter(
      (line) => line.startsWith('npm error') && !/complete log of this run|^npm error\s+at |^npm error\s*$/.test(line),
    )
    .map((line) => line.replace(/^npm error\s*/, ''));
  return lines.join('; ') || `npm exited with ${result.code}`;
}
