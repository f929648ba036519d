/** How the runtime calls a bundle: by name, only top-level functions, as Apps Script does. */
import { scriptRuntime } from "./harness";

describe("executions", () => {
  it("refuses to call a function that is not a top-level declaration of the bundle", () => {
    // A bundler that forgets the stubs leaves only assignments: Apps Script cannot see those.
    const runtime = scriptRuntime(
      "function declared() { return 'ok'; }\nthis.assigned = function () { return 'hidden'; };",
    );
    expect(runtime.run("declared").value).toBe("ok");
    expect(() => runtime.run("assigned")).toThrow(
      "Script function not found: assigned (not a top-level function of the bundle)",
    );
  });

  it("reports the script's own error in the record instead of throwing", () => {
    const runtime = scriptRuntime("function boom() { throw new Error('Student Email is missing'); }");
    const record = runtime.run("boom");
    expect(record).toMatchObject({ ok: false, killed: false, error: "Student Email is missing" });
  });

  it("gives the script a Date that reads the virtual clock", () => {
    const runtime = scriptRuntime("function now() { return new Date().toISOString(); }", {
      start: new Date("2026-12-01T12:00:00Z"),
    });
    expect(runtime.run("now").value).toBe("2026-12-01T12:00:00.000Z");
  });

  it("keeps `instanceof Error` true in the script for errors a service throws", () => {
    const runtime = scriptRuntime(
      "function probe() { try { SpreadsheetApp.getActive().getRange('A1').xyz(); } catch (e) { return e instanceof Error; } }",
    );
    expect(runtime.run("probe").value).toBe(true);
  });
});

describe("simple triggers", () => {
  it("onOpen in AuthMode.LIMITED is stopped after 30 seconds, as Google's simple triggers are", () => {
    const runtime = scriptRuntime(
      "function onOpen() { Utilities.sleep(20000); Utilities.sleep(20000); Utilities.sleep(1); return 'late'; }",
    );
    const record = runtime.run("onOpen", { authMode: "LIMITED" });
    expect(record).toMatchObject({ ok: false, killed: true, error: "Exceeded maximum execution time" });
  });

  it("services that need authorisation refuse a simple trigger in AuthMode.LIMITED", () => {
    const runtime = scriptRuntime(
      "function onOpen() { MailApp.sendEmail('a@example.org', 's', 'b'); }\nfunction fetchIt() { UrlFetchApp.fetch('https://api.credly.com/v1'); }",
    );
    expect(runtime.run("onOpen", { authMode: "LIMITED" }).error).toMatch(
      /You do not have permission to call MailApp\.sendEmail/,
    );
    expect(runtime.run("fetchIt", { authMode: "LIMITED" }).error).toMatch(
      /You do not have permission to call UrlFetchApp\.fetch/,
    );
  });
});
