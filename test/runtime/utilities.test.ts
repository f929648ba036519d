import { propertiesOf, seedUuids } from "../../local/runtime";
import { scriptRuntime } from "./harness";

const SCRIPT = `
  function fmt(e) { return Utilities.formatDate(new Date(e.ms), e.tz, e.pattern); }
  function parse(e) { return Utilities.parseDate(e.text, e.tz, e.pattern).getTime(); }
  function ids() { return [Utilities.getUuid(), Utilities.getUuid()]; }
  function encode(text) {
    return {
      utf8: Utilities.base64Encode(text, Utilities.Charset.UTF_8),
      ascii: Utilities.base64Encode(text, Utilities.Charset.US_ASCII),
      webSafe: Utilities.base64EncodeWebSafe([-5, -17, -1]),
      back: Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode(text))).getDataAsString(),
      webBack: Utilities.base64DecodeWebSafe("-_8="),
    };
  }
  function digests() {
    return {
      md5: Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, "abc"),
      sha1: Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, "abc").length,
      sha256: Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "abc"),
    };
  }
  function nap() {
    Utilities.sleep(200000);
    Utilities.sleep(200000);
    Logger.log("still awake");
    return "woke";
  }
  function loop() {
    var props = PropertiesService.getScriptProperties();
    var n = 0;
    while (true) {
      Utilities.sleep(1000);
      n += 1;
      props.setProperty("rounds", String(n));
    }
  }
  function swallow() {
    try { loop(); } catch (e) { Logger.log("caught " + e.message); }
    PropertiesService.getScriptProperties().setProperty("after", "yes");
    return "finished";
  }
`;

const CHICAGO = "America/Chicago";

describe("Utilities", () => {
  const runtime = scriptRuntime(SCRIPT);
  const fmt = (iso: string, tz: string, pattern: string) =>
    runtime.run("fmt", { event: { ms: Date.parse(iso), tz, pattern } }).value;

  it("formatDate uses the time zone and SimpleDateFormat patterns", () => {
    // 1 November 2026: Chicago leaves daylight time at 2:00, so 1:30 comes twice.
    const pattern = "yyyy-MM-dd HH:mm:ss.SSS Z XXX z";
    expect(fmt("2026-11-01T06:30:00.004Z", CHICAGO, pattern)).toBe("2026-11-01 01:30:00.004 -0500 -05:00 CDT");
    expect(fmt("2026-11-01T07:30:00.004Z", CHICAGO, pattern)).toBe("2026-11-01 01:30:00.004 -0600 -06:00 CST");
    expect(fmt("2027-03-14T08:00:00Z", CHICAGO, "HH:mm XXX")).toBe("03:00 -05:00");
    expect(fmt("2026-11-02T18:05:09Z", CHICAGO, "EEEE, MMMM d, yyyy h:mm a")).toBe("Monday, November 2, 2026 12:05 PM");
    expect(fmt("2026-11-02T18:05:09Z", CHICAGO, "EEE MMM dd ''yy 'at' hh 'o''clock'")).toBe(
      "Mon Nov 02 '26 at 12 o'clock",
    );
    expect(fmt("2026-11-02T18:05:09Z", CHICAGO, "yy-M-d H:m:s S")).toBe("26-11-2 12:5:9 0");
    expect(fmt("2026-11-02T18:05:09Z", "UTC", "HH:mm X XXX Z")).toBe("18:05 Z Z +0000");
    expect(fmt("2026-11-02T18:05:09Z", "Asia/Kolkata", "HH:mm X XX XXX")).toBe("23:35 +05 +0530 +05:30");
    expect(fmt("2026-11-02T18:05:09Z", CHICAGO, "yyyy-MM")).toBe("2026-11");
    // The month boundary is the zone's, not UTC's.
    expect(fmt("2026-12-01T03:00:00Z", CHICAGO, "yyyy-MM")).toBe("2026-11");
  });

  it("formatDate rejects a letter SimpleDateFormat does not know", () => {
    const record = runtime.run("fmt", { event: { ms: 0, tz: "UTC", pattern: "yyyy-qq" } });
    expect(record.error).toBe("Illegal pattern character 'q'");
  });

  it("parseDate reads a pattern in a zone", () => {
    const parse = (text: string, tz: string, pattern: string) =>
      runtime.run("parse", { event: { text, tz, pattern } }).value;
    expect(parse("2026-11-01 01:30", CHICAGO, "yyyy-MM-dd HH:mm")).toBe(Date.parse("2026-11-01T06:30:00Z"));
    expect(parse("Nov 2, 2026 12:05 PM", CHICAGO, "MMM d, yyyy h:mm a")).toBe(Date.parse("2026-11-02T18:05:00Z"));
    expect(parse("2026-11-02T18:05:00+01:00", CHICAGO, "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      Date.parse("2026-11-02T17:05:00Z"),
    );
    expect(runtime.run("parse", { event: { text: "soon", tz: CHICAGO, pattern: "yyyy" } }).error).toBe(
      'Unparseable date: "soon"',
    );
  });

  it("getUuid repeats from the same seed, so runs repeat", () => {
    const first = scriptRuntime(SCRIPT);
    const second = scriptRuntime(SCRIPT);
    const a = first.run("ids").value as string[];
    const b = second.run("ids").value as string[];
    expect(a).toEqual(b);
    expect(a[0]).not.toBe(a[1]);
    expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    seedUuids(second, "another seed");
    expect(second.run("ids").value).not.toEqual(a);
  });

  it("base64 encodes text in the given charset and bytes as Java's signed bytes", () => {
    const value = runtime.run("encode", { event: "Señor ✓" }).value as Record<string, unknown>;
    expect(value.utf8).toBe(Buffer.from("Señor ✓", "utf8").toString("base64"));
    expect(value.ascii).toBe(Buffer.from("Se?or ?", "ascii").toString("base64"));
    expect(value.webSafe).toBe("--__");
    expect(value.back).toBe("Señor ✓");
    expect(value.webBack).toEqual([-5, -1]);
  });

  it("computeDigest returns the digest as signed bytes", () => {
    const value = runtime.run("digests").value as { md5: number[]; sha1: number; sha256: number[] };
    const signed = (hex: string) => Array.from(Buffer.from(hex, "hex"), (b) => (b > 127 ? b - 256 : b));
    expect(value.md5).toEqual(signed("900150983cd24fb0d6963f7d28e17f72"));
    expect(value.md5[0]).toBe(-112);
    expect(value.sha1).toBe(20);
    expect(value.sha256).toEqual(signed("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  });

  it("sleep advances the virtual clock and counts toward the 6-minute limit", () => {
    const record = scriptRuntime(SCRIPT).run("nap");
    // 400 s of sleep: the call after it finds the 6 minutes spent and the run is killed there.
    expect(record.endedAt - record.startedAt).toBeGreaterThanOrEqual(400_000);
    expect(record.killed).toBe(true);
    expect(record.error).toBe("Exceeded maximum execution time");
    expect(record.logs).toEqual([]);
  });

  it("the 6-minute limit stops the execution at the next service call", () => {
    const looping = scriptRuntime(SCRIPT);
    const record = looping.run("loop");
    expect(record.killed).toBe(true);
    expect(record.error).toBe("Exceeded maximum execution time");
    const elapsed = record.endedAt - record.startedAt;
    expect(elapsed).toBeGreaterThanOrEqual(360_000);
    // Killed at the first call after the limit: at most one more round of sleep and write.
    expect(elapsed).toBeLessThan(360_000 + 1000 + looping.costs.propertiesSetMs + 1);
    const rounds = Number(propertiesOf(looping).script.get("rounds"));
    const perRound = 1000 + looping.costs.propertiesSetMs;
    expect(Math.abs(rounds - 360_000 / perRound)).toBeLessThanOrEqual(1);
  });

  it("a script that catches the time-limit error is still stopped", () => {
    const catching = scriptRuntime(SCRIPT);
    const record = catching.run("swallow");
    expect(record.killed).toBe(true);
    expect(record.ok).toBe(false);
    expect(propertiesOf(catching).script.get("after")).toBeNull();
  });
});
