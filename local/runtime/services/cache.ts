import type { Execution } from "../execution";
import { emulate } from "../execution";
import { type Realm, type Runtime, registerServices } from "../runtime";
import { scriptObject } from "./realm-values";

type CacheApi = Pick<GoogleAppsScript.Cache.Cache, "get" | "getAll" | "put" | "putAll" | "remove" | "removeAll">;
type CacheServiceApi = Pick<
  GoogleAppsScript.Cache.CacheService,
  "getScriptCache" | "getUserCache" | "getDocumentCache"
>;

// CacheService reference: default expiry 600 s, at most 21600 s (6 h); values up to 100 KB, keys up
// to 250 characters. Out-of-range expiries are clamped (I: Google does not document an error).
const DEFAULT_EXPIRY_S = 600;
const MAX_EXPIRY_S = 21_600;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_KEY_CHARS = 250;

/** Like properties, the cache needs no scope: usable from a simple trigger (LIMITED). */
const CACHE_AUTH = "LIMITED" as const;

interface Entry {
  value: string;
  expiresAt: number;
}

/** One cache: entries expire on the virtual clock. Google may also evict early; we never do. */
export class CacheModel {
  readonly entries = new Map<string, Entry>();

  get(key: string, now: number): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }
}

class CachesModel {
  readonly script = new CacheModel();
  readonly document = new CacheModel();
  readonly users = new Map<string, CacheModel>();
  user(email: string): CacheModel {
    let cache = this.users.get(email);
    if (!cache) {
      cache = new CacheModel();
      this.users.set(email, cache);
    }
    return cache;
  }
}

function cache(exec: Execution, realm: Realm, model: CacheModel): GoogleAppsScript.Cache.Cache {
  const check = (key: string, value: string) => {
    if (key.length > MAX_KEY_CHARS) throw exec.makeError("Argument too large: key");
    if (Buffer.byteLength(value, "utf8") > MAX_VALUE_BYTES) throw exec.makeError("Argument too large: value");
  };
  const expiry = (seconds: number | undefined) => {
    const s = seconds === undefined ? DEFAULT_EXPIRY_S : Math.min(Math.max(Number(seconds), 1), MAX_EXPIRY_S);
    return exec.clock.now() + s * 1000;
  };
  const impl: CacheApi = {
    get(key) {
      exec.charge(exec.costs.cacheGetMs);
      return model.get(String(key), exec.clock.now());
    },
    getAll(keys) {
      exec.charge(exec.costs.cacheGetMs);
      const found: Record<string, string> = {};
      for (const key of keys) {
        const value = model.get(String(key), exec.clock.now());
        if (value !== null) found[String(key)] = value;
      }
      return scriptObject(realm, found);
    },
    put(key: string, value: string, expirationInSeconds?: number) {
      exec.charge(exec.costs.cachePutMs);
      check(String(key), String(value));
      model.entries.set(String(key), { value: String(value), expiresAt: expiry(expirationInSeconds) });
    },
    putAll(values: Record<string, unknown>, expirationInSeconds?: number) {
      exec.charge(exec.costs.cachePutMs);
      for (const [key, value] of Object.entries(values)) check(key, String(value));
      const expiresAt = expiry(expirationInSeconds);
      for (const [key, value] of Object.entries(values)) model.entries.set(key, { value: String(value), expiresAt });
    },
    remove(key) {
      exec.charge(exec.costs.cacheRemoveMs);
      model.entries.delete(String(key));
    },
    removeAll(keys) {
      exec.charge(exec.costs.cacheRemoveMs);
      for (const key of keys) model.entries.delete(String(key));
    },
  } as CacheApi;
  return emulate(exec, "Cache", impl, CACHE_AUTH) as GoogleAppsScript.Cache.Cache;
}

registerServices((exec, runtime, realm) => {
  const caches = runtime.model("cache", () => new CachesModel());
  const service: CacheServiceApi = {
    getScriptCache() {
      exec.charge(exec.costs.trivialMs);
      return cache(exec, realm, caches.script);
    },
    getUserCache() {
      exec.charge(exec.costs.trivialMs);
      return cache(exec, realm, caches.user(exec.user));
    },
    getDocumentCache() {
      exec.charge(exec.costs.trivialMs);
      return cache(exec, realm, caches.document);
    },
  };
  return { CacheService: emulate(exec, "CacheService", service, CACHE_AUTH) };
});

/** The script cache's live value for `key` (tests: did a run leave something cached?). */
export function scriptCacheValue(runtime: Runtime, key: string): string | null {
  return runtime.model("cache", () => new CachesModel()).script.get(key, runtime.clock.now());
}
