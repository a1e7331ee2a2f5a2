import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaults } from './config.js';
import { proxyCacheSpec } from './proxy-cache.js';
import { PROXY_CACHE_SCRIPT } from './proxy-cache-script.js';

const python = spawnSync('python3', ['--version']).status === 0;

/** A Harbor API that keeps registries and projects in memory and records every changing request. */
function fakeHarbor() {
  const registries: Array<{ id: number; name: string; type: string; url: string }> = [];
  const projects: Array<{ name: string; registry_id: number; metadata: { public: string } }> = [];
  const writes: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const url = new URL(request.url!, 'http://harbor');
      const send = (status: number, value?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (request.headers.authorization !== `Basic ${Buffer.from('admin:s3cret').toString('base64')}`) return send(401);
      const path = url.pathname.replace(/^\/api\/v2\.0/, '');
      if (request.method !== 'GET' && request.method !== 'HEAD') writes.push(`${request.method} ${path} ${body}`);
      if (path === '/health') return send(200, { status: 'healthy' });
      if (path === '/registries' && request.method === 'GET') {
        const name = /^name=(.*)$/.exec(url.searchParams.get('q') ?? '')?.[1];
        return send(
          200,
          registries.filter((r) => r.name === name),
        );
      }
      if (path === '/registries' && request.method === 'POST') {
        registries.push({ id: registries.length + 1, ...JSON.parse(body) });
        return send(201);
      }
      if (path === '/projects' && request.method === 'HEAD')
        return send(projects.some((p) => p.name === url.searchParams.get('project_name')) ? 200 : 404);
      if (path === '/projects' && request.method === 'POST') {
        const project = JSON.parse(body);
        projects.push({ name: project.project_name, registry_id: project.registry_id, metadata: project.metadata });
        return send(201);
      }
      const project = projects.find((p) => `/projects/${p.name}` === path);
      if (project && request.method === 'GET') return send(200, project);
      return send(404);
    });
  });
  return { server, registries, projects, writes };
}

function run(api: string, dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'python3',
      ['-B', join(dir, 'configure.py')],
      { env: { HARBOR_API: api, HARBOR_ADMIN_PASSWORD: 's3cret', PATH: process.env.PATH }, cwd: dir },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

describe.skipIf(!python)('the proxy-cache program', () => {
  it('creates the endpoints and public proxy projects once, and changes nothing when run again', async () => {
    const harbor = fakeHarbor();
    await new Promise<void>((resolve) => harbor.server.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(harbor.server.address() as AddressInfo).port}/api/v2.0`;
    const dir = mkdtempSync(join(tmpdir(), 'harbor-proxy-cache-'));
    // The program reads its input from /config; the test points it at a copy in a temporary folder.
    writeFileSync(
      join(dir, 'configure.py'),
      PROXY_CACHE_SCRIPT.replace('/config/proxy-cache.json', join(dir, 'proxy-cache.json')),
    );
    writeFileSync(join(dir, 'proxy-cache.json'), JSON.stringify(proxyCacheSpec(defaults)));
    try {
      await run(api, dir);
      expect(harbor.registries.map((r) => [r.name, r.type, r.url])).toEqual([
        ['docker.io', 'docker-hub', 'https://hub.docker.com'],
        ['quay.io', 'docker-registry', 'https://quay.io'],
        ['ghcr.io', 'github-ghcr', 'https://ghcr.io'],
        ['registry.k8s.io', 'docker-registry', 'https://registry.k8s.io'],
      ]);
      expect(harbor.projects).toEqual([
        { name: 'docker.io', registry_id: 1, metadata: { public: 'true' } },
        { name: 'quay.io', registry_id: 2, metadata: { public: 'true' } },
        { name: 'ghcr.io', registry_id: 3, metadata: { public: 'true' } },
        { name: 'registry.k8s.io', registry_id: 4, metadata: { public: 'true' } },
      ]);
      const writes = harbor.writes.length;
      expect(await run(api, dir)).toContain('project docker.io: up to date');
      expect(harbor.writes.length).toBe(writes);
    } finally {
      harbor.server.close();
    }
  });
});
