import { runUntil, scriptCacheValue } from "../../local/runtime";
import { scriptRuntime } from "./harness";

const SCRIPT = `
  function put(e) { CacheService.getScriptCache().put(e.key, e.value, e.seconds); }
  function putDefault(e) { CacheService.getScriptCache().put(e.key, e.value); }
  function get(key) { return CacheService.getScriptCache().get(key); }
  function putMine(value) { CacheService.getUserCache().put("draft", value); }
  function getMine() { return CacheService.getUserCache().get("draft"); }
  function batch() {
    var cache = CacheService.getScriptCache();
    cache.putAll({ a: "1", b: "2", c: "3" }, 60);
    cache.remove("b");
    return cache.getAll(["a", "b", "c", "d"]);
  }
`;

describe("CacheService", () => {
  it("a cached value expires on the virtual clock", () => {
    const runtime = scriptRuntime(SCRIPT);
    runtime.run("put", { event: { key: "k", value: "v", seconds: 30 } });
    runtime.run("putDefault", { event: { key: "ten", value: "minutes" } });
    expect(runtime.run("get", { event: "k" }).value).toBe("v");
    runUntil(runtime, new Date(runtime.clock.now() + 31_000));
    expect(runtime.run("get", { event: "k" }).value).toBeNull();
    expect(scriptCacheValue(runtime, "ten")).toBe("minutes");
    // The default expiry is 10 minutes.
    runUntil(runtime, new Date(runtime.clock.now() + 600_000));
    expect(scriptCacheValue(runtime, "ten")).toBeNull();
  });

  it("keeps a value at most 6 hours whatever expiry is asked", () => {
    const runtime = scriptRuntime(SCRIPT);
    runtime.run("put", { event: { key: "k", value: "v", seconds: 86_400 } });
    runUntil(runtime, new Date(runtime.clock.now() + 21_600_000 + 1));
    expect(scriptCacheValue(runtime, "k")).toBeNull();
  });

  it("a value over 100 KB throws", () => {
    const runtime = scriptRuntime(SCRIPT);
    const record = runtime.run("put", { event: { key: "k", value: "x".repeat(100 * 1024 + 1), seconds: 60 } });
    expect(record.error).toBe("Argument too large: value");
  });

  it("user caches are per user", () => {
    const runtime = scriptRuntime(SCRIPT);
    runtime.run("putMine", { event: "mine", user: "a@agency.example" });
    expect(runtime.run("getMine", { user: "a@agency.example" }).value).toBe("mine");
    expect(runtime.run("getMine", { user: "b@agency.example" }).value).toBeNull();
  });

  it("putAll, remove and getAll work on many keys at once", () => {
    const runtime = scriptRuntime(SCRIPT);
    expect(runtime.run("batch").value).toEqual({ a: "1", c: "3" });
  });
});
