import { type Execution, emulate } from "../execution";
import type { Realm } from "../runtime";
import { scriptArray } from "./realm-values";

type BlobApi = Pick<
  GoogleAppsScript.Base.Blob,
  | "copyBlob"
  | "getBytes"
  | "getContentType"
  | "getDataAsString"
  | "getName"
  | "setBytes"
  | "setContentType"
  | "setDataFromString"
  | "setName"
  | "getBlob"
>;

/** Java bytes are signed: Apps Script hands byte arrays out as -128…127. */
export function signedBytes(realm: Realm, data: Uint8Array): number[] {
  return scriptArray(
    realm,
    Array.from(data, (b) => (b > 127 ? b - 256 : b)),
  );
}

/** Bytes from a script's byte array (signed or not). */
export function bytesOf(data: ArrayLike<number>): Buffer {
  return Buffer.from(Array.from(data, (b) => Number(b) & 0xff));
}

/** Node's name for a Java charset name ("UTF-8", "US-ASCII", "ISO-8859-1"). */
export function nodeEncoding(charset: string | undefined): BufferEncoding {
  const name = (charset ?? "UTF-8").toUpperCase().replace(/_/g, "-");
  if (name === "US-ASCII" || name === "ASCII") return "ascii";
  if (name === "ISO-8859-1" || name === "LATIN1") return "latin1";
  if (name === "UTF-16LE") return "utf16le";
  return "utf8";
}

/** A minimal Blob: bytes, a content type and a name (what mail attachments and fetch bodies need). */
export function makeBlob(
  exec: Execution,
  realm: Realm,
  data: Buffer,
  contentType: string | null = null,
  name: string | null = null,
): GoogleAppsScript.Base.Blob {
  let bytes = data;
  let type = contentType;
  let blobName = name;
  const impl: BlobApi = {
    copyBlob: () => makeBlob(exec, realm, Buffer.from(bytes), type, blobName),
    getBlob: () => api,
    getBytes: () => signedBytes(realm, bytes),
    getContentType: () => type,
    getDataAsString: (charset?: string) => bytes.toString(nodeEncoding(charset)),
    getName: () => blobName,
    setBytes(next) {
      bytes = bytesOf(next);
      return api;
    },
    setContentType(next) {
      type = next;
      return api;
    },
    setDataFromString(text: string, charset?: string) {
      bytes = Buffer.from(String(text), nodeEncoding(charset));
      return api;
    },
    setName(next) {
      blobName = next;
      return api;
    },
  } as BlobApi;
  const api = emulate(exec, "Blob", impl, "NONE") as GoogleAppsScript.Base.Blob;
  return api;
}
