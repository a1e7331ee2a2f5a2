import type { Severity } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { parseImage, registryAllowed } from '../images.js';
import { findingsOf, render, web, webFinding } from '../test/fixtures.js';

const IMAGE = 'spec.template.spec.containers[name=web].image';
const finding = (rule: string, message: string, severity: Severity = 'error') =>
  webFinding(rule, IMAGE, message, { severity });
const settings = (allowedRegistries: string[]) => ({
  settings: {
    baseDomain: 'test.example.com',
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
    allowedRegistries,
  },
});

describe('image references', () => {
  it('resolve short names to Docker Hub and split tag and digest', () => {
    expect(parseImage('nginx')).toEqual({ registry: 'docker.io', repository: 'library/nginx' });
    expect(parseImage('grafana/mimir:3.0.2')).toEqual({
      registry: 'docker.io',
      repository: 'grafana/mimir',
      tag: '3.0.2',
    });
    expect(parseImage('registry.example.com:5000/team/app:1.0@sha256:abc')).toEqual({
      registry: 'registry.example.com:5000',
      repository: 'team/app',
      tag: '1.0',
      digest: 'sha256:abc',
    });
    expect(parseImage('index.docker.io/grafana/loki:3.5.0').registry).toBe('docker.io');
    expect(parseImage('localhost/app:1').registry).toBe('localhost');
  });

  it('match allowed registries by host, or by host and path prefix', () => {
    expect(registryAllowed(parseImage('grafana/mimir:3.0.2'), ['docker.io'])).toBe(true);
    expect(registryAllowed(parseImage('ghcr.io/acme/app:1'), ['ghcr.io/acme'])).toBe(true);
    expect(registryAllowed(parseImage('ghcr.io/acme-evil/app:1'), ['ghcr.io/acme'])).toBe(false);
    expect(registryAllowed(parseImage('quay.io/x/y:1'), ['docker.io', 'ghcr.io'])).toBe(false);
  });
});

describe('image rules', () => {
  it('pass a tagged image; digest pinning is off by default', async () => {
    const rendered = await render([web()]);
    expect(findingsOf(rendered, 'images.pinned-tag')).toEqual([]);
    expect(findingsOf(rendered, 'images.digest')).toEqual([]);
    expect(findingsOf(rendered, 'images.allowed-registry')).toEqual([]);
  });

  it('images.pinned-tag: untagged and latest images; a digest pins even "latest"', async () => {
    expect(findingsOf(await render([web({ image: 'nginxinc/nginx-unprivileged' })]), 'images.pinned-tag')).toEqual([
      finding(
        'images.pinned-tag',
        'container "web" uses image "nginxinc/nginx-unprivileged" without a tag, which pulls "latest"',
      ),
    ]);
    expect(
      findingsOf(await render([web({ image: 'registry.example.com:5000/web:latest' })]), 'images.pinned-tag'),
    ).toEqual([
      finding(
        'images.pinned-tag',
        'container "web" uses image "registry.example.com:5000/web:latest" with the moving tag "latest"',
      ),
    ]);
    expect(
      findingsOf(await render([web({ image: `web:latest@sha256:${'a'.repeat(64)}` })]), 'images.pinned-tag'),
    ).toEqual([]);
  });

  it('images.digest: reports tag-only images once an environment enables it', async () => {
    const rendered = await render([web()], { policy: { severities: { 'images.digest': 'warn' } } });
    expect(findingsOf(rendered, 'images.digest')).toEqual([
      finding(
        'images.digest',
        'container "web" uses image "nginxinc/nginx-unprivileged:1.27.3", which is not pinned by digest (@sha256:...)',
        'warn',
      ),
    ]);
  });

  it('images.allowed-registry: compares the registry host (docker.io for short names)', async () => {
    expect(findingsOf(await render([web()], settings(['docker.io'])), 'images.allowed-registry')).toEqual([]);
    expect(
      findingsOf(await render([web()], settings(['registry.example.com', 'ghcr.io'])), 'images.allowed-registry'),
    ).toEqual([
      finding(
        'images.allowed-registry',
        'container "web" uses image "nginxinc/nginx-unprivileged:1.27.3" from registry "docker.io", which settings.allowedRegistries (registry.example.com, ghcr.io) does not allow',
      ),
    ]);
  });
});
