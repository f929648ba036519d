import { emulate } from "../execution";
import type { Ctx } from "./context";
import { Button, ButtonSet } from "./enums";
import type { ButtonName, DialogRecord, MenuRecord, UiAnswer } from "./model";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type PromptResponse = GoogleAppsScript.Base.PromptResponse;

const menuRefs = new WeakMap<object, MenuRecord>();

function trivial(ctx: Ctx): void {
  ctx.exec.charge(ctx.exec.costs.trivialMs);
}

function makeMenu(ctx: Ctx, record: MenuRecord): Menu {
  const impl: Pick<Menu, "addItem" | "addSeparator" | "addSubMenu" | "addToUi"> = {
    addItem(caption: string, functionName: string) {
      trivial(ctx);
      record.items.push({ caption, functionName });
      return menu;
    },
    addSeparator() {
      trivial(ctx);
      record.items.push({ separator: true });
      return menu;
    },
    addSubMenu(sub: Menu) {
      trivial(ctx);
      const submenu = menuRefs.get(sub);
      if (!submenu) throw ctx.exec.makeError("Invalid argument: menu");
      record.items.push({ submenu });
      return menu;
    },
    // A menu added again under the same title replaces the old one, as onOpen running twice does.
    addToUi() {
      trivial(ctx);
      const menus = ctx.model.ui.menus;
      const at = menus.findIndex((m) => m.title === record.title && m.addon === record.addon);
      const copy = structuredClone(record);
      if (at >= 0) menus[at] = copy;
      else menus.push(copy);
    },
  };
  // Menus work in AuthMode.NONE: an add-on's onOpen builds its menu before it is authorised.
  const menu = emulate(ctx.exec, "Menu", impl, "NONE") as unknown as Menu;
  menuRefs.set(menu, record);
  return menu;
}

const FIRST_BUTTON: Record<string, ButtonName> = { OK: "OK", OK_CANCEL: "OK", YES_NO: "YES", YES_NO_CANCEL: "YES" };

function answer(ctx: Ctx, buttons: string): UiAnswer {
  return ctx.model.ui.answers.shift() ?? { button: FIRST_BUTTON[buttons] ?? "OK", text: "" };
}

/** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons). */
function dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: string } {
  if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), buttons: String(args[2]) };
  return { title: "", prompt: String(args[0]), buttons: args.length === 2 ? String(args[1]) : "OK" };
}

interface HtmlLike {
  getContent?: () => string;
  getTitle?: () => string;
  getWidth?: () => number;
  getHeight?: () => number;
}

function dialog(kind: DialogRecord["kind"], output: unknown, title?: string): DialogRecord {
  const html = (output ?? {}) as HtmlLike;
  return {
    kind,
    title: title ?? html.getTitle?.() ?? "",
    content: html.getContent?.() ?? "",
    width: kind === "sidebar" ? 300 : html.getWidth?.(),
    height: kind === "sidebar" ? undefined : html.getHeight?.(),
    output,
  };
}

/**
 * The spreadsheet's UI. Menus are recorded on the model; alerts and prompts are recorded and
 * answered from `model.ui.answers` (first button of the set when none is scripted); dialogs and
 * sidebars record the HtmlOutput they were given. Sidebars are 300 px wide (apps-script.md).
 */
export function makeUi(ctx: Ctx): Ui {
  const ui = ctx.model.ui;
  const impl: Pick<
    Ui,
    | "Button"
    | "ButtonSet"
    | "alert"
    | "prompt"
    | "createAddonMenu"
    | "createMenu"
    | "showSidebar"
    | "showModalDialog"
    | "showModelessDialog"
  > = {
    Button,
    ButtonSet,
    createAddonMenu: () => makeMenu(ctx, { title: "Add-on", addon: true, items: [] }),
    createMenu: (caption: string) => makeMenu(ctx, { title: caption, addon: false, items: [] }),
    alert(...args: unknown[]) {
      trivial(ctx);
      const { title, prompt, buttons } = dialogArgs(args);
      const reply = answer(ctx, buttons);
      ui.alerts.push({ kind: "alert", title, prompt, buttons, answer: reply });
      return Button[reply.button];
    },
    prompt(...args: unknown[]) {
      trivial(ctx);
      const { title, prompt, buttons } = dialogArgs(args);
      const reply = answer(ctx, buttons);
      ui.alerts.push({ kind: "prompt", title, prompt, buttons, answer: reply });
      const response: Pick<PromptResponse, "getResponseText" | "getSelectedButton"> = {
        getResponseText: () => reply.text ?? "",
        getSelectedButton: () => Button[reply.button],
      };
      return emulate(ctx.exec, "PromptResponse", response, "NONE") as unknown as PromptResponse;
    },
    showSidebar(output: GoogleAppsScript.HTML.HtmlOutput) {
      trivial(ctx);
      ui.dialogs.push(dialog("sidebar", output));
    },
    showModalDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string) {
      trivial(ctx);
      ui.dialogs.push(dialog("modal", output, title));
    },
    showModelessDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string) {
      trivial(ctx);
      ui.dialogs.push(dialog("modeless", output, title));
    },
  };
  return emulate(ctx.exec, "Ui", impl as unknown as Ui, "NONE");
}
