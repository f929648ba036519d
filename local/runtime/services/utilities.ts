import { createHash, createHmac } from "node:crypto";
import type { Execution } from "../execution";
import { emulate } from "../execution";
import { type Realm, type Runtime, registerServices } from "../runtime";
import { bytesOf, makeBlob, signedBytes } from "./blob";
import { scriptObject } from "./realm-values";
import { formatWithPattern, PatternError, parseWithPattern } from "./simple-date-format";
import { resolveZone } from "./zoned-time";

type UtilitiesApi = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | "Charset"
  | "DigestAlgorithm"
  | "MacAlgorithm"
  | "formatDate"
  | "parseDate"
  | "getUuid"
  | "base64Encode"
  | "base64Decode"
  | "base64EncodeWebSafe"
  | "base64DecodeWebSafe"
  | "computeDigest"
  | "computeHmacSignature"
  | "computeHmacSha256Signature"
  | "newBlob"
  | "sleep"
>;

type Bytes = number[];

// Enums are compared by identity in scripts (`=== Utilities.Charset.UTF_8`); their names do.
const CHARSET = { US_ASCII: "US_ASCII", UTF_8: "UTF_8" } as const;
const DIGEST = {
  MD2: "MD2",
  MD5: "MD5",
  SHA_1: "SHA_1",
  SHA_256: "SHA_256",
  SHA_384: "SHA_384",
  SHA_512: "SHA_512",
} as const;
const MAC = {
  HMAC_MD5: "HMAC_MD5",
  HMAC_SHA_1: "HMAC_SHA_1",
  HMAC_SHA_256: "HMAC_SHA_256",
  HMAC_SHA_384: "HMAC_SHA_384",
  HMAC_SHA_512: "HMAC_SHA_512",
} as const;
const NODE_HASH: Record<string, string> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

/** Utilities.sleep's documented ceiling: "The maximum allowed value is 300000 (or 5 minutes)." */
const MAX_SLEEP_MS = 300_000;

/**
 * Text to bytes as Java's String.getBytes(charset) does: US-ASCII turns each character it cannot
 * encode into "?"; the default (no charset) is UTF-8, the platform charset of Google's servers (I).
 */
function encode(text: string, charset: unknown): Buffer {
  if (String(charset) === CHARSET.US_ASCII) {
    return Buffer.from(Array.from(String(text), (c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 0x3f)));
  }
  return Buffer.from(String(text), "utf8");
}

function bytesFrom(data: string | Bytes, charset?: unknown): Buffer {
  return typeof data === "string" ? encode(data, charset) : bytesOf(data);
}

/** Decodes standard or web-safe base64 (Google accepts either alphabet, with or without padding: I). */
function decodeBase64(encoded: string): Buffer {
  return Buffer.from(String(encoded).replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

interface UuidModel {
  seed: string;
  issued: number;
}

/**
 * Version-4-shaped UUIDs drawn from a seeded sequence, not from randomness: two runtimes with the
 * same seed hand out the same ids in the same order, so a test or a benchmark run repeats exactly.
 */
function nextUuid(model: UuidModel): string {
  model.issued += 1;
  const b = createHash("sha256").update(`${model.seed}:${model.issued}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function uuids(runtime: Runtime): UuidModel {
  return runtime.model("uuids", () => ({ seed: "badgedesk", issued: 0 }));
}

function utilities(exec: Execution, runtime: Runtime, realm: Realm): UtilitiesApi {
  const trivial = () => exec.charge(exec.costs.trivialMs);
  const fail = (message: string): never => {
    throw exec.makeError(message);
  };
  return {
    Charset: scriptObject(realm, CHARSET) as unknown as typeof GoogleAppsScript.Utilities.Charset,
    DigestAlgorithm: scriptObject(realm, DIGEST) as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm,
    MacAlgorithm: scriptObject(realm, MAC) as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm,
    formatDate(date, timeZone, format) {
      trivial();
      if (!(date instanceof Date) && typeof (date as { getTime?: unknown })?.getTime !== "function") {
        return fail("Invalid argument: date");
      }
      try {
        return formatWithPattern(date.getTime(), resolveZone(String(timeZone)), String(format));
      } catch (error) {
        if (error instanceof PatternError) return fail(error.message);
        throw error;
      }
    },
    parseDate(text, timeZone, format) {
      trivial();
      let ms: number | null;
      try {
        ms = parseWithPattern(String(text), resolveZone(String(timeZone)), String(format));
      } catch (error) {
        if (error instanceof PatternError) return fail(error.message);
        throw error;
      }
      // Java's ParseException text.
      if (ms === null || Number.isNaN(ms)) return fail(`Unparseable date: "${text}"`);
      return new Date(ms);
    },
    getUuid() {
      trivial();
      return nextUuid(uuids(runtime));
    },
    base64Encode(data: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset) {
      trivial();
      return bytesFrom(data, charset).toString("base64");
    },
    base64EncodeWebSafe(data: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset) {
      trivial();
      // Web-safe alphabet, padding kept (Java's Base64.getUrlEncoder()).
      return bytesFrom(data, charset).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
    },
    base64Decode(encoded: string) {
      trivial();
      return signedBytes(realm, decodeBase64(encoded));
    },
    base64DecodeWebSafe(encoded: string) {
      trivial();
      return signedBytes(realm, decodeBase64(encoded));
    },
    computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: string | Bytes, charset?: unknown) {
      trivial();
      const hash = NODE_HASH[String(algorithm)] ?? fail(`not emulated: Utilities.computeDigest(${String(algorithm)})`);
      return signedBytes(realm, createHash(hash).update(bytesFrom(value, charset)).digest());
    },
    computeHmacSignature(
      algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
      value: string | Bytes,
      key: string | Bytes,
      charset?: unknown,
    ) {
      trivial();
      const hash =
        NODE_HASH[String(algorithm).replace(/^HMAC_/, "")] ??
        fail(`not emulated: Utilities.computeHmacSignature(${String(algorithm)})`);
      return signedBytes(realm, createHmac(hash, bytesFrom(key, charset)).update(bytesFrom(value, charset)).digest());
    },
    computeHmacSha256Signature(value: string | Bytes, key: string | Bytes, charset?: unknown) {
      trivial();
      return signedBytes(
        realm,
        createHmac("sha256", bytesFrom(key, charset)).update(bytesFrom(value, charset)).digest(),
      );
    },
    newBlob(data: string | Bytes, contentType?: string, name?: string) {
      trivial();
      return makeBlob(exec, realm, bytesFrom(data), contentType ?? null, name ?? null);
    },
    sleep(milliseconds) {
      const ms = Number(milliseconds);
      // I: the reference states the ceiling but not the error text.
      if (!(ms >= 0) || ms > MAX_SLEEP_MS) return fail("Invalid argument: milliseconds");
      // The whole pause counts against the execution's 6 minutes, as on Google.
      exec.charge(ms);
    },
  } as UtilitiesApi;
}

registerServices((exec, runtime, realm) => ({
  // Utilities needs no authorization: it works even in AuthMode.NONE.
  Utilities: emulate(exec, "Utilities", utilities(exec, runtime, realm), "NONE"),
}));

/** Restarts the runtime's UUID sequence from `seed` (default seed: "badgedesk"). */
export function seedUuids(runtime: Runtime, seed: string): void {
  const model = uuids(runtime);
  model.seed = seed;
  model.issued = 0;
}
