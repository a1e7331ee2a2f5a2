import { certManager } from '@platform/cert-manager';
import { renderError } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { configured, fakePostgres, fakeRedis, minio, peers, vault } from './fakes.test-helpers.js';
import { harbor } from './index.js';

describe('harbor endpoints and configuration', () => {
  it('names what it needs and what the chart cannot do', async () => {
    expect(await renderError([vault(), certManager(), fakeRedis(), harbor(configured)], minio)).toContain(
      'needs a component that provides "postgres" (Harbor\'s database), and the environment has none',
    );
    expect(
      await renderError(
        [vault(), certManager(), fakePostgres(), fakePostgres().named('other-db'), fakeRedis(), harbor(configured)],
        minio,
      ),
    ).toContain(
      'database.component: several components provide "postgres" (harbor-db, other-db); name the one for Harbor\'s database',
    );
    expect(
      await renderError(
        [vault(), certManager(), fakePostgres({ passwordKey: 'pass' }), fakeRedis(), harbor(configured)],
        minio,
      ),
    ).toContain(
      'database.component: Harbor\'s chart reads the database password from key "password"; "harbor-db" publishes it under "pass"',
    );
    expect(
      await renderError(
        [vault(), certManager(), fakePostgres(), fakeRedis({ password: true }), harbor(configured)],
        minio,
      ),
    ).toContain('trivy.enabled: "harbor-cache" needs a password');
    expect(await renderError([...peers(), harbor()], minio)).toContain(
      'harbor › secretsKey: give the path in the secret store',
    );
    expect(
      await renderError(
        [
          ...peers(),
          harbor({ ...configured, proxyCache: [{ project: 'Docker.io', type: 'docker-hub', url: 'http://x' }] }),
        ],
        minio,
      ),
    ).toContain('proxyCache[0].project: "Docker.io" is not a Harbor project name');
  });
});
