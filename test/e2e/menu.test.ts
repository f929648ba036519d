/**
 * The BadgeDesk menu as the specialist meets it: built by the simple onOpen trigger (which Google
 * may run without authorisation), and the items that only speak through alerts and dialogs.
 */
import { CATALOG, credentialRows } from "../../local/demo";
import { spreadsheetOf } from "../../local/runtime";
import { MENU } from "../../src/menu";
import { type Row, type World, world } from "./harness";

describe("the BadgeDesk menu", () => {
  let w: World;
  afterEach(() => w?.close());

  it.each(["NONE", "LIMITED"] as const)(
    "onOpen in AuthMode.%s builds the whole menu under Extensions and touches nothing else",
    async (authMode) => {
      w = await world();
      const record = w.runtime.run("onOpen", { authMode, event: { authMode } });
      expect(record.ok).toBe(true);
      const [menu] = spreadsheetOf(w.runtime).ui.menus;
      expect(menu.addon).toBe(true);
      expect(menu.items.map((i) => i.caption)).toEqual(MENU.flatMap((m) => (m ? [m[0]] : [])));
      expect(menu.items.map((i) => i.functionName)).toEqual(MENU.flatMap((m) => (m ? [m[1]] : [])));
      // No properties, no network, no mail: Google refuses them to a simple trigger.
      expect(Object.keys(record.calls).filter((k) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k))).toEqual([]);
    },
  );

  it("Help explains the month in an alert", async () => {
    w = await world();
    w.run("showHelp");
    const [alert] = spreadsheetOf(w.runtime).ui.alerts;
    expect(alert.title).toBe("BadgeDesk");
    expect(alert.prompt).toContain("admin@credly.com");
  });

  it("Import entries from CSV… opens its dialog", async () => {
    w = await world();
    w.run("setUpWorkbook");
    w.run("showImportCsv");
    const [dialog] = spreadsheetOf(w.runtime).ui.dialogs;
    expect(dialog).toMatchObject({ kind: "modal", title: "Import entries from CSV" });
    expect(dialog.content).toContain("google.script.run");
  });

  it("Sync badge templates says what it found and fills the Credentials sheet", async () => {
    w = await world({ credly: true });
    w.run("setUpWorkbook");
    w.run("syncBadgeTemplatesFromMenu");
    const alerts = spreadsheetOf(w.runtime).ui.alerts;
    expect(alerts.at(-1)?.prompt).toMatch(/template/i);
    expect(w.rows("Credentials").length).toBeGreaterThan(0);
  });

  it("Issue badges… asks for the month, and says to build the report first when there is none", async () => {
    w = await world({ credly: true });
    w.run("setUpWorkbook");
    w.type("Credentials", credentialRows(CATALOG) as unknown as Row[]);
    const ui = spreadsheetOf(w.runtime).ui;
    const before = ui.alerts.length;
    ui.answers.push({ button: "OK", text: "2026-10" });
    const record = w.attempt("issueBadgesFromMenu");
    expect(ui.alerts[before]).toMatchObject({ kind: "prompt", title: "Issue badges" });
    // Google shows a menu run's error to the person as it is: it must say what to do.
    expect(record.error).toBe('There is no report for 2026-10 ("Badges 2026-10"): build the monthly report first.');
  });

  it("Send needs-fix digests… asks for the month and answers in words", async () => {
    w = await world();
    w.run("setUpWorkbook");
    const ui = spreadsheetOf(w.runtime).ui;
    const before = ui.alerts.length;
    ui.answers.push({ button: "OK", text: "" });
    const record = w.attempt("sendNeedsFixDigestsFromMenu");
    expect(ui.alerts[before]).toMatchObject({ kind: "prompt", title: "Send needs-fix digests" });
    // With no report built for the month there is nothing to send, and it says so.
    expect(record.ok ? ui.alerts.at(-1)?.prompt : record.error).toMatch(/report|Badges 2026-10|nothing/i);
  });
});
