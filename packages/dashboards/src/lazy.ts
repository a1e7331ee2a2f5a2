/**
 * A JSON document built on first use: a Proxy that looks like the built object to every reader (property access,
 * `Object.keys`, spreading, `JSON.stringify`), so consumers of the `dashboards` capability need not know. Building
 * is deferred because it loads the Grafana SDK; components build their `provides` on every render, with or
 * without a Grafana to read them.
 */
export function lazyJson(build: () => Record<string, unknown>): Record<string, unknown> {
  let value: Record<string, unknown> | undefined;
  const get = () => {
    value ??= build();
    return value;
  };
  return new Proxy({} as Record<string, unknown>, {
    get: (_target, key) => Reflect.get(get(), key),
    has: (_target, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(get(), key);
      // The empty target has no such property, so the Proxy may only report it as configurable.
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
}
