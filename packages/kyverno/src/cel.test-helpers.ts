/**
 * A CEL evaluator for the policies' expressions in tests (cel-js, with optional types as Kubernetes enables
 * them). Kyverno's image library is modelled on go-containerregistry's parsing, which it wraps: Docker Hub is
 * `index.docker.io` with `library/` for one-segment repositories, and a reference without tag or digest has the
 * tag `latest`. Integers become CEL ints (BigInt), as the API server's typed objects give them.
 */
import { Environment } from '@marcbachmann/cel-js';

class Image {
  constructor(
    readonly registry: string,
    readonly repository: string,
    readonly tag: string,
    readonly digest: string,
  ) {}
}

function parseReference(reference: string): Image {
  const at = reference.indexOf('@');
  const digest = at === -1 ? '' : reference.slice(at + 1);
  const named = at === -1 ? reference : reference.slice(0, at);
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = digest !== '' ? '' : colon > slash ? named.slice(colon + 1) : 'latest';
  const name = colon > slash ? named.slice(0, colon) : named;
  const first = name.split('/')[0]!;
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = !hasRegistry || first === 'docker.io' ? 'index.docker.io' : first;
  const path = hasRegistry ? name.slice(first.length + 1) : name;
  const repository = registry === 'index.docker.io' && !path.includes('/') ? `library/${path}` : path;
  return new Image(registry, repository, tag, digest);
}

function environment(): Environment {
  const env = new Environment({
    enableOptionalTypes: true,
    unlistedVariablesAreDyn: true,
    homogeneousAggregateLiterals: false,
  });
  env.registerType('kyverno.image', Image);
  env.registerFunction('isImage(string): bool', (s: string) => /^[a-z0-9]/.test(s) && !/\s/.test(s));
  env.registerFunction('parseImageReference(string): kyverno.image', parseReference);
  const member = (name: string, handler: (i: Image) => unknown, returnType: string) =>
    env.registerFunction({ name, receiverType: 'kyverno.image', returnType, handler, params: [] });
  member('registry', (i) => i.registry, 'string');
  member('repository', (i) => i.repository, 'string');
  member('tag', (i) => i.tag, 'string');
  member('containsDigest', (i) => i.digest !== '', 'bool');
  return env;
}

/** JSON with integers as BigInt. */
function celValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (Array.isArray(value)) return value.map(celValue);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, celValue(v)]));
  return value;
}

/** Evaluates `expression` over `object` after the policy's variables, in order, as Kyverno does. */
export function evaluate(
  expression: string,
  object: unknown,
  variables: ReadonlyArray<{ name: string; expression: string }> = [],
): unknown {
  const env = environment();
  const context: Record<string, unknown> = { object: celValue(object), variables: {} };
  for (const variable of variables)
    (context.variables as Record<string, unknown>)[variable.name] = env.evaluate(variable.expression, context);
  return env.evaluate(expression, context);
}
