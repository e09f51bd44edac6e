// Start-up time: Prism's entry eagerly loads code the mock never runs: Postman import
// (postman-collection and its own faker) and the proxy forwarder's HTTP stack, about 300 of
// Prism's ~970 modules. Each is registered here as a stand-in that loads the real module the
// first time anything touches it, so behaviour is unchanged and only the cost moves to first use.
// faker (dynamic `x-faker` values only) is read, but not used, while Prism loads: `lazyMembers`
// hands out stand-ins for its members too.
import Module, { createRequire } from "node:module";

type Cache = Record<string, { id: string; filename: string; loaded: boolean; exports: unknown }>;
const cache = (Module as unknown as { _cache: Cache })._cache;

export function deferModules(fromPackage: string, specifiers: string[], lazyMembers = false): void {
  const requireFrom = createRequire(createRequire(import.meta.url).resolve(fromPackage));
  for (const specifier of specifiers) {
    const filename = requireFrom.resolve(specifier);
    if (cache[filename]) continue;
    let real: object | undefined;
    const load = (): object => {
      if (!real) {
        delete cache[filename];
        real = requireFrom(filename) as object;
      }
      return real;
    };
    const exports = new Proxy(
      {},
      {
        get: (_t, key) =>
          lazyMembers ? lazy(() => Reflect.get(load(), key)) : Reflect.get(load(), key),
        has: (_t, key) => Reflect.has(load(), key),
        ownKeys: () => Reflect.ownKeys(load()),
        getOwnPropertyDescriptor: (_t, key) => {
          const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
          return descriptor && { ...descriptor, configurable: true };
        },
      },
    );
    cache[filename] = { id: filename, filename, loaded: true, exports };
  }
}

/** A stand-in for the object `resolve` returns, resolved on first touch; methods stay bound to it. */
function lazy(resolve: () => object): object {
  let real: object | undefined;
  const target = () => {
    real ??= resolve();
    return real;
  };
  return new Proxy(
    {},
    {
      get: (_t, key) => {
        const value = Reflect.get(target(), key, target());
        return typeof value === "function" ? value.bind(target()) : value;
      },
      has: (_t, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_t, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
}
