import { propertiesOf } from "../../local/runtime";
import { scriptRuntime } from "./harness";

const SCRIPT = `
  function setScript(e) { PropertiesService.getScriptProperties().setProperty(e.key, e.value); }
  function getScript(key) { return PropertiesService.getScriptProperties().getProperty(key); }
  function saveToken(token) { PropertiesService.getUserProperties().setProperty("credlyToken", token); }
  function readToken() { return PropertiesService.getUserProperties().getProperty("credlyToken"); }
  function fill() {
    var props = PropertiesService.getScriptProperties();
    var chunk = new Array(8 * 1024 + 1).join("x");
    for (var i = 0; i < 100; i++) props.setProperty("k" + i, chunk);
  }
  function listing() {
    var props = PropertiesService.getScriptProperties();
    props.setProperties({ a: "1", b: "2" });
    var all = props.getProperties();
    return { keys: props.getKeys().sort(), all: all, isArray: props.getKeys() instanceof Array, isObject: all instanceof Object };
  }
  function replaceAll() { PropertiesService.getScriptProperties().setProperties({ c: "3" }, true); }
  function wipe() { PropertiesService.getScriptProperties().deleteProperty("c"); }
  var counter = 0;
  function bump() { counter += 1; return counter; }
`;

describe("PropertiesService", () => {
  it("a property value over 9 KB throws", () => {
    const runtime = scriptRuntime(SCRIPT);
    const fits = runtime.run("setScript", { event: { key: "fits", value: "x".repeat(9 * 1024) } });
    const over = runtime.run("setScript", { event: { key: "over", value: "x".repeat(9 * 1024 + 1) } });
    expect(fits.ok).toBe(true);
    expect(over.error).toBe("Argument too large: value");
    expect(propertiesOf(runtime).script.get("over")).toBeNull();
  });

  it("the property store is limited to 500 KB", () => {
    const runtime = scriptRuntime(SCRIPT);
    const record = runtime.run("fill");
    expect(record.error).toBe(
      "You have exceeded the property storage quota. Please remove some properties and try again.",
    );
    const stored = propertiesOf(runtime).script.keys();
    // 8 KB values with their keys: 62 fit under 500 KB, the 63rd does not.
    expect(stored).toHaveLength(62);
  });

  it("user properties are per user", () => {
    const runtime = scriptRuntime(SCRIPT);
    runtime.run("saveToken", { event: "secret-token", user: "specialist@agency.example" });
    const other = runtime.run("readToken", { user: "instructor@school.example" });
    const owner = runtime.run("readToken", { user: "specialist@agency.example" });
    expect(owner.value).toBe("secret-token");
    expect(other.value).toBeNull();
    const stores = propertiesOf(runtime);
    expect(stores.user("specialist@agency.example").get("credlyToken")).toBe("secret-token");
    expect(stores.script.all()).toEqual({});
    expect(stores.document.all()).toEqual({});
  });

  it("reads back keys and values as the script's own arrays and objects", () => {
    const runtime = scriptRuntime(SCRIPT);
    const record = runtime.run("listing");
    expect(record.value).toEqual({ keys: ["a", "b"], all: { a: "1", b: "2" }, isArray: true, isObject: true });
    runtime.run("replaceAll");
    expect(propertiesOf(runtime).script.all()).toEqual({ c: "3" });
    runtime.run("wipe");
    expect(propertiesOf(runtime).script.all()).toEqual({});
  });

  it("works in a simple trigger (LIMITED) but not in AuthMode.NONE", () => {
    const runtime = scriptRuntime(SCRIPT);
    propertiesOf(runtime).script.set("mode", "ready");
    expect(runtime.run("getScript", { event: "mode", authMode: "LIMITED" }).value).toBe("ready");
    const none = runtime.run("getScript", { event: "mode", authMode: "NONE" });
    expect(none.ok).toBe(false);
    expect(none.error).toMatch(/permission to call PropertiesService.getScriptProperties/);
  });

  it("charges Google's measured cost per call on the virtual clock", () => {
    const runtime = scriptRuntime(SCRIPT);
    const record = runtime.run("getScript", { event: "missing" });
    expect(record.endedAt - record.startedAt).toBeCloseTo(runtime.costs.propertiesGetMs + runtime.costs.trivialMs);
  });

  it("globals do not survive between executions, properties do", () => {
    const runtime = scriptRuntime(SCRIPT);
    expect(runtime.run("bump").value).toBe(1);
    expect(runtime.run("bump").value).toBe(1);
    runtime.run("setScript", { event: { key: "kept", value: "yes" } });
    expect(runtime.run("getScript", { event: "kept" }).value).toBe("yes");
  });
});
