import { APP_NAME, SERVICE_PORT } from '@platform/istio-csr';

/** istio-csr's namespace in this environment (the library's default). */
const ISTIO_CSR_NAMESPACE = 'istio-csr';

/**
 * istiod's chart values for istio-csr as the mesh CA (`@platform/istio-csr` README, "What `@platform/istio` must
 * set"): every proxy asks istio-csr for its certificate (`global.caAddress`, istio-discovery 1.30.3
 * `values.yaml:432`), and istiod starts no CA of its own (`env.ENABLE_CA_SERVER`, `pilot/pkg/features/pilot.go:94`).
 * istiod's serving certificate (`istiod-tls`) and the root ConfigMap are mounted by the chart without any value.
 * The selfhosted test asserts that the address is the one istio-csr provides (`meshCertificateAuthority`).
 */
export const istiodOnIstioCsr = {
  extraValues: {
    global: { caAddress: `${APP_NAME}.${ISTIO_CSR_NAMESPACE}.svc.cluster.local:${SERVICE_PORT}` },
    env: { ENABLE_CA_SERVER: 'false' },
  },
};
