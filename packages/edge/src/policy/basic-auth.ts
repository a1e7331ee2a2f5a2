import type { PolicyRule } from '@platform/core';
import { inventoryOf } from '@platform/policy';

/**
 * htpasswd lines as Apache's, nginx's and Traefik's basic auth read them: `user:` followed by an MD5-crypt,
 * bcrypt, SHA-1 or SHA-crypt hash. One in rendered output is a credential in git.
 */
const HTPASSWD_LINE = /(^|[\s"'|:])[A-Za-z0-9._@-]+:(\$apr1\$|\$2[aby]\$\d\d\$|\{SHA\}|\$[56]\$)[^\s"']+/m;

export const basicAuthCredentialsRule: PolicyRule = {
  id: 'edge.basic-auth-credentials',
  severity: 'error',
  rationale:
    'Basic auth users are credentials: they come from the secret store through an ExternalSecret, never from git.',
  check(environment, report) {
    for (const rendered of environment.objects) {
      if (!HTPASSWD_LINE.test(rendered.yaml)) continue;
      report({
        component: rendered.component,
        object: rendered.object,
        message: `${rendered.object.kind} "${rendered.object.metadata?.name}" contains an htpasswd line (user and password hash); deliver basic auth users in a Secret from an ExternalSecret`,
      });
    }
    const inventory = inventoryOf(environment);
    for (const route of environment.routes) {
      if (route.auth?.type !== 'basic') continue;
      const secret = route.auth.secret;
      const delivered =
        inventory
          .inNamespace('external-secrets.io', 'ExternalSecret', route.namespace)
          .some(
            ({ object }) =>
              ((object as { spec?: { target?: { name?: string } } }).spec?.target?.name ?? object.metadata?.name) ===
              secret,
          ) || inventory.isExternal('Secret', route.namespace, secret);
      if (delivered) continue;
      report({
        component: route.component,
        message: `route "${route.name}" authenticates with the users in Secret ${route.namespace}/${secret}, which no ExternalSecret delivers (and environment.external does not list "Secret/${route.namespace}/${secret}")`,
      });
    }
  },
};
