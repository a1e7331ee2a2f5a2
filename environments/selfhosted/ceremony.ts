/**
 * The public outputs of selfhosted's offline-root ceremony (`@platform/step-ca` README, "Offline root"): the root
 * certificate and the JWK provisioner step-issuer signs with. Public material, committed on purpose; the root key
 * stays offline, and the provisioner password and the intermediate are in OpenBao (delivered by External Secrets).
 *
 * These were made for this example environment with openssl and Node's crypto (the root key was discarded): a
 * real installation replaces the three values with what its own ceremony writes (`root_ca.crt`, and the
 * provisioner's `key` and `encryptedKey` from `ca.json`).
 */

/** The offline root, ECDSA P-384, 7300 days (175200h) from 2026-12-04. */
export const ROOT_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIICGDCCAZ+gAwIBAgIUd4EfqbpdjIIgMtK0JxSxzHEMXD8wCgYIKoZIzj0EAwMw
OjETMBEGA1UECgwKU2VsZmhvc3RlZDEjMCEGA1UEAwwaU2VsZmhvc3RlZCBPZmZs
aW5lIFJvb3QgQ0EwHhcNMjYxMjA0MDEzMjU5WhcNNDYxMTI5MDEzMjU5WjA6MRMw
EQYDVQQKDApTZWxmaG9zdGVkMSMwIQYDVQQDDBpTZWxmaG9zdGVkIE9mZmxpbmUg
Um9vdCBDQTB2MBAGByqGSM49AgEGBSuBBAAiA2IABEOy4eQfmcoD66PM5+tKaCQ9
UrJpjVnhKyARy+wso2G0wP0+1Z8A/vcG55c5YdQz8YzByDYQC3lA2Zs4/GlSfxoj
mlhXKdogiumcdTAEHt9J9OhnbqDVlyumg09qVcoSiqNmMGQwHQYDVR0OBBYEFOpi
fkayG054bssqlCJSWv8Yc1HUMB8GA1UdIwQYMBaAFOpifkayG054bssqlCJSWv8Y
c1HUMBIGA1UdEwEB/wQIMAYBAf8CAQEwDgYDVR0PAQH/BAQDAgEGMAoGCCqGSM49
BAMDA2cAMGQCMGmtJgW4lcDRrH0V1RLbGcVs24qaUe3+9oYQ7YRpKcmQHQZCntxO
0PdAgjahaUlPTgIwXg9NUbuA5pZYlMdR9zaACAgfUSr76EjK1bPGMlcTh6Js9WBH
zgtALDBr22lsQxE4
-----END CERTIFICATE-----
`;

/** The JWK provisioner's public key, with its RFC 7638 thumbprint as `kid`. */
export const ISSUER_PROVISIONER_KEY = {
  use: 'sig',
  kty: 'EC',
  kid: '4no1MtgSPeL4In-hAONASVOJcavVBtcHnwT2spsj0Jc',
  crv: 'P-256',
  alg: 'ES256',
  x: '9AjStKLOIHtVJAJ6FiD1jMNSB0Ar1ucbbEosu6A2cTI',
  y: 'yMrjUpBmKo4appNajy4kdtYPH0mG3TVQUlzNPNsNWnk',
};

/** The provisioner's private key, encrypted with its password (PBES2-HS256+A128KW, A256GCM), JWE compact. */
export const ISSUER_PROVISIONER_ENCRYPTED_KEY =
  'eyJhbGciOiJQQkVTMi1IUzI1NitBMTI4S1ciLCJjdHkiOiJqd2sranNvbiIsImVuYyI6IkEyNTZHQ00iLCJwMmMiOjEwMDAwMCwicDJzIjoibUJIbkNsUUdTdUw5eHhCZExGN3ppZyJ9.opE1803363vl0yr5eJ9shckRv7g4nuWJYWTwZQA3slYHCHsHF9ywXQ.b_OsbrrR8lImu6QP.YXPVQYuJNGGq3oKoLr9MQhXFyIkWX6E6mTBVNATr7L1yKQ3t8tusJv4uDi-KPy83wJcrmyRyjUHDBUWf5pCejaNUWENiSKFdZu45gI7ShoU5jTlQpfRWCK-i1QYkxMQkVXeb8WtZrynIs2TOWT16ISaRtcqXyAz4uxkoFqPPR-UrgpUiIRp61EiaBJKG5WSk-8w10F71PtfAsmlP2m8tkxPO6th918WHP9PoZyrklt684WN2yFDAyNSgvVm0z5aFSVT8ERKrLBOh60X8xxJLOUevCGKMiAuhVlBf_Hnfpi57W2K2XT7iG0LaMkCfknqXk1Ub6QP0TrF8kLMjMZc.-HiNToQM37vT1qhAYGzxYw';
