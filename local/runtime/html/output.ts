import { type Execution, emulate } from "../execution";
import type { Realm } from "../runtime";
import { makeBlob } from "../services/blob";
import { scriptArray } from "../services/realm-values";
import { escapeHtml } from "./template";

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlOutputApi = Pick<
  HtmlOutput,
  | "getContent"
  | "setContent"
  | "append"
  | "appendUntrusted"
  | "clear"
  | "getTitle"
  | "setTitle"
  | "getWidth"
  | "setWidth"
  | "getHeight"
  | "setHeight"
  | "setSandboxMode"
  | "setXFrameOptionsMode"
  | "addMetaTag"
  | "getMetaTags"
  | "setFaviconUrl"
  | "getFaviconUrl"
  | "getBlob"
  | "getAs"
>;

/** The page an HtmlOutput holds, readable by the host without counting script calls. */
export interface HtmlPage {
  content: string;
  title: string;
  /** Unset until the script sets it (I: Google's default is not documented). */
  width?: number;
  height?: number;
  sandboxMode?: string;
  xFrameOptionsMode?: string;
  metaTags: Array<{ name: string; content: string }>;
  faviconUrl?: string;
}

const pages = new WeakMap<object, HtmlPage>();

/** The page behind an HtmlOutput the script handed over (e.g. to showSidebar); undefined for anything else. */
export function pageOf(output: unknown): HtmlPage | undefined {
  return typeof output === "object" && output !== null ? pages.get(output) : undefined;
}

/** A new HtmlOutput over `content`. */
export function htmlOutput(exec: Execution, realm: Realm, content: string): HtmlOutput {
  const page: HtmlPage = { content, title: "", metaTags: [] };
  const impl: HtmlOutputApi = {
    getContent: () => page.content,
    setContent(text: string) {
      page.content = String(text);
      return api;
    },
    append(text: string) {
      page.content += String(text);
      return api;
    },
    appendUntrusted(text: string) {
      page.content += escapeHtml(text);
      return api;
    },
    clear() {
      page.content = "";
      return api;
    },
    getTitle: () => page.title,
    setTitle(title: string) {
      page.title = String(title);
      return api;
    },
    getWidth: () => page.width as number,
    setWidth(width: number) {
      page.width = width;
      return api;
    },
    getHeight: () => page.height as number,
    setHeight(height: number) {
      page.height = height;
      return api;
    },
    setSandboxMode(mode) {
      page.sandboxMode = String(mode);
      return api;
    },
    setXFrameOptionsMode(mode) {
      page.xFrameOptionsMode = String(mode);
      return api;
    },
    addMetaTag(name: string, content: string) {
      page.metaTags.push({ name, content });
      return api;
    },
    getMetaTags: () =>
      scriptArray(
        realm,
        page.metaTags.map((tag) => ({ getName: () => tag.name, getContent: () => tag.content })),
      ) as unknown as GoogleAppsScript.HTML.HtmlOutputMetaTag[],
    setFaviconUrl(url: string) {
      page.faviconUrl = url;
      return api;
    },
    getFaviconUrl: () => page.faviconUrl ?? "",
    getBlob: () => makeBlob(exec, realm, Buffer.from(page.content, "utf8"), "text/html", page.title || null),
    getAs: (type: string) => makeBlob(exec, realm, Buffer.from(page.content, "utf8"), type),
  };
  const api = emulate(exec, "HtmlOutput", impl as HtmlOutput, "NONE");
  pages.set(api, page);
  return api;
}
