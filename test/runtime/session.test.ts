import { scriptRuntime } from "./harness";

const SCRIPT = `
  function who() {
    return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(),
      zone: Session.getScriptTimeZone(), key: Session.getTemporaryActiveUserKey() };
  }
`;

describe("Session", () => {
  it("names the user who runs a menu item, and the script's time zone from the manifest", () => {
    const runtime = scriptRuntime(SCRIPT);
    const value = runtime.run("who").value as Record<string, string>;
    expect(value.active).toBe("specialist@agency.example");
    expect(value.effective).toBe("specialist@agency.example");
    expect(value.zone).toBe("America/Chicago");
    expect(value.key).not.toBe("");
  });

  it("withholds the active user's address in a simple trigger run by someone outside the domain", () => {
    const runtime = scriptRuntime(SCRIPT);
    const outsider = runtime.run("who", { user: "teacher@school.example", authMode: "LIMITED" }).value;
    const colleague = runtime.run("who", { user: "colleague@agency.example", authMode: "LIMITED" }).value;
    expect((outsider as Record<string, string>).active).toBe("");
    expect((colleague as Record<string, string>).active).toBe("colleague@agency.example");
  });

  it("gives each user a different temporary key, the same on every run", () => {
    const runtime = scriptRuntime(SCRIPT);
    const key = (user: string) => (runtime.run("who", { user }).value as Record<string, string>).key;
    expect(key("a@agency.example")).toBe(key("a@agency.example"));
    expect(key("a@agency.example")).not.toBe(key("b@agency.example"));
  });
});
