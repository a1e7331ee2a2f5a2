import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A Verdaccio started for one test file: the repository's registry/config.yaml, a temporary storage and user list. */
export interface TestRegistry {
  url: string;
  /** Folder holding the config copy, storage and htpasswd. */
  folder: string;
  /** What Verdaccio printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A worker that dies without running afterAll must not leave a registry behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port the loopback interface has free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts Verdaccio on a free loopback port with the repository's config, copied into a temporary folder so the
 * config's relative storage and htpasswd paths land there. `editConfig` may adjust the copy (test-only rules).
 */
export async function startRegistry(
  root: string,
  editConfig: (config: string) => string = (config) => config,
): Promise<TestRegistry> {
  const folder = mkdtempSync(join(tmpdir(), 'platform-verdaccio-'));
  mkdirSync(join(folder, 'registry'));
  const config = join(folder, 'registry', 'config.yaml');
  writeFileSync(config, editConfig(readFileSync(join(root, 'registry', 'config.yaml'), 'utf8')));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const bin = join(
    dirname(createRequire(join(root, 'package.json')).resolve('verdaccio/package.json')),
    'bin',
    'verdaccio',
  );
  const child = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, folder, output: () => output, stop };
}

/** Registers a user through the npm user API (what `npm adduser` does) and returns its token. */
export async function addUser(registry: string, name: string, password: string): Promise<string> {
  const response = await fetch(`${registry}-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      _id: `org.couchdb.user:${name}`,
      name,
      password,
      type: 'user',
      roles: [],
      date: new Date().toISOString(),
    }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token)
    throw new Error(`cannot create user ${name} at ${registry}: ${response.status} ${body.error ?? ''}`);
  return body.token;
}
