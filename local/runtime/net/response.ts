import { type Execution, emulate } from "../execution";
import type { Realm } from "../runtime";
import { makeBlob, signedBytes } from "../services/blob";
import { scriptArray, scriptObject } from "../services/realm-values";

type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

/** An HTTP answer as the host holds it. */
export interface Answer {
  status: number;
  /** Header (name, value) pairs in the server's order and spelling. */
  headers: Array<[string, string]>;
  body: Buffer;
}

function decode(body: Buffer, charset?: string): string {
  const label = (charset ?? "utf-8").toLowerCase();
  return new TextDecoder(label === "iso-8859-1" ? "latin1" : label).decode(body);
}

function charsetOf(contentType: string | null): string | undefined {
  return contentType?.match(/charset=["']?([^;"']+)/i)?.[1];
}

/** UrlFetchApp's HTTPResponse over an answer; arrays and objects belong to the script's realm. */
export function httpResponse(exec: Execution, realm: Realm, answer: Answer): HTTPResponse {
  const contentType = answer.headers.find(([n]) => n.toLowerCase() === "content-type")?.[1] ?? null;
  const impl: Pick<
    HTTPResponse,
    "getResponseCode" | "getContentText" | "getContent" | "getHeaders" | "getAllHeaders" | "getBlob" | "getAs"
  > = {
    getResponseCode: () => answer.status,
    getContentText: (charset?: string) => decode(answer.body, charset ?? charsetOf(contentType)),
    getContent: () => signedBytes(realm, answer.body),
    // A repeated header keeps its last value here and all values in getAllHeaders (I: Google's
    // text only says getAllHeaders returns arrays for multi-valued headers).
    getHeaders: () => scriptObject(realm, Object.fromEntries(answer.headers)),
    getAllHeaders() {
      const all: Record<string, string | string[]> = {};
      for (const [name, value] of answer.headers) {
        const seen = all[name];
        all[name] = seen === undefined ? value : scriptArray(realm, [...(Array.isArray(seen) ? seen : [seen]), value]);
      }
      return scriptObject(realm, all);
    },
    getBlob: () => makeBlob(exec, realm, answer.body, contentType),
    getAs: (type: string) => makeBlob(exec, realm, answer.body, type),
  };
  return emulate(exec, "HTTPResponse", impl as HTTPResponse, "NONE");
}
