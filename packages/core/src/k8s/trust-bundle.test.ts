import { describe, expect, it } from 'vitest';
import { type IPodSpec, type TrustBundle, trustBundle, withTrustBundle } from '../index.js';

const bundle: TrustBundle = {
  component: 'trust-manager',
  namespace: 'cert-manager',
  configMap: 'platform-trust-bundle',
  key: 'ca-certificates.crt',
  namespaceLabel: { key: 'trust.platform.dev/bundle', value: 'true' },
};

const pod: IPodSpec = {
  initContainers: [{ name: 'fetch', image: 'busybox:1.37' }],
  containers: [
    {
      name: 'app',
      image: 'app:1',
      env: [
        { name: 'SSL_CERT_FILE', value: '/elsewhere.pem' },
        { name: 'A', value: 'b' },
      ],
    },
    { name: 'probe', image: 'probe:1', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
  ],
  volumes: [{ name: 'data', emptyDir: {} }],
};

describe('trustBundle()', () => {
  it("mounts only the bundle's key, read-only, beside the system store, and points SSL_CERT_FILE at it", () => {
    const trust = trustBundle(bundle);
    expect(trust.file).toBe('/etc/platform-trust/ca-certificates.crt');
    expect(trust.volume).toEqual({
      name: 'platform-trust-bundle',
      configMap: {
        name: 'platform-trust-bundle',
        items: [{ key: 'ca-certificates.crt', path: 'ca-certificates.crt' }],
      },
    });
    expect(trust.volumeMount).toEqual({
      name: 'platform-trust-bundle',
      mountPath: '/etc/platform-trust',
      readOnly: true,
    });
    expect(trust.env).toEqual([{ name: 'SSL_CERT_FILE', value: '/etc/platform-trust/ca-certificates.crt' }]);
    expect(trust.namespaceLabels).toEqual({ 'trust.platform.dev/bundle': 'true' });
  });

  it('takes another directory, volume name and env vars, or none for products with their own setting', () => {
    const trust = trustBundle(bundle, { mountPath: '/var/run/ca/', volumeName: 'ca', env: ['NODE_EXTRA_CA_CERTS'] });
    expect(trust.file).toBe('/var/run/ca/ca-certificates.crt');
    expect(trust.volumeMount).toMatchObject({ name: 'ca', mountPath: '/var/run/ca' });
    expect(trust.env).toEqual([{ name: 'NODE_EXTRA_CA_CERTS', value: '/var/run/ca/ca-certificates.crt' }]);
    expect(trustBundle(bundle, { env: [] }).env).toEqual([]);
  });

  it('rejects a relative mount path and a key that is not a file name', () => {
    expect(() => trustBundle(bundle, { mountPath: 'etc/ca' })).toThrow(
      'trustBundle(): mountPath must be an absolute path, got "etc/ca"',
    );
    expect(() => trustBundle({ ...bundle, key: '../ca.crt' })).toThrow(
      'the bundle key "../ca.crt" of component "trust-manager" is not a file name',
    );
  });
});

describe('withTrustBundle()', () => {
  const trust = trustBundle(bundle);

  it('gives every container, init containers included, the mount and the env var, and the pod the volume once', () => {
    const spec = withTrustBundle(pod, trust);
    for (const container of [...spec.initContainers!, ...spec.containers]) {
      expect(container.volumeMounts).toContainEqual(trust.volumeMount);
      expect(container.env).toContainEqual(trust.env[0]);
    }
    // The platform's file wins over a container's own SSL_CERT_FILE; other env vars and mounts stay.
    const app = spec.containers[0]!;
    expect(app.env).toEqual([{ name: 'A', value: 'b' }, trust.env[0]]);
    expect(spec.containers[1]!.volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }, trust.volumeMount]);
    expect(spec.volumes).toEqual([{ name: 'data', emptyDir: {} }, trust.volume]);
    expect(withTrustBundle(spec, trust)).toEqual(spec);
    // The input is not modified.
    expect(pod.containers[0]!.env).toHaveLength(2);
    expect(pod.volumes).toHaveLength(1);
  });

  it('limits itself to the named containers and rejects names the pod does not have', () => {
    const spec = withTrustBundle(pod, trust, ['probe']);
    expect(spec.containers[0]).toEqual(pod.containers[0]);
    expect(spec.initContainers![0]).toEqual(pod.initContainers![0]);
    expect(spec.containers[1]!.env).toEqual(trust.env);
    expect(() => withTrustBundle(pod, trust, ['sidecar'])).toThrow('no container named sidecar in the pod');
  });
});
