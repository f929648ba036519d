import { CsvError, parseCsv } from "../../../src/domain/csv";

describe("reading a CSV export", () => {
  it("splits records on CRLF and fields on commas", () => {
    expect(parseCsv("First,Last\r\nAna,Ruiz\r\nBo,Li\r\n")).toEqual([
      ["First", "Last"],
      ["Ana", "Ruiz"],
      ["Bo", "Li"],
    ]);
  });

  it("accepts bare LF or CR line ends, and a last record without one", () => {
    expect(parseCsv("a,b\nc,d\re,f")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  it("keeps commas, line breaks and doubled quotes inside a quoted field", () => {
    const text = 'Name,Note\r\n"Ruiz, Ana","said ""hi""\r\non two lines"\r\n';
    expect(parseCsv(text)).toEqual([
      ["Name", "Note"],
      ["Ruiz, Ana", 'said "hi"\r\non two lines'],
    ]);
  });

  it("drops the byte-order mark Excel puts before the first header", () => {
    const [headers] = parseCsv("\uFEFFStudent Email,Credential\r\n");
    expect(headers[0]).toBe("Student Email");
  });

  it("keeps empty fields, including a quoted empty one and a trailing one", () => {
    expect(parseCsv('a,"",c,\r\n')).toEqual([["a", "", "c", ""]]);
  });

  it("skips blank lines", () => {
    expect(parseCsv("a\r\n\r\nb\r\n\r\n")).toEqual([["a"], ["b"]]);
  });

  it("keeps formula-looking text as text (the sheet write neutralises it later)", () => {
    expect(parseCsv('"=HYPERLINK(""http://x"")",+1 555')).toEqual([['=HYPERLINK("http://x")', "+1 555"]]);
  });

  it("names the line of a quoted field that never closes", () => {
    expect(() => parseCsv('a,b\r\nc,"open\r\nstill open')).toThrow(CsvError);
    expect(() => parseCsv('a,b\r\nc,"open\r\nstill open')).toThrow(/line 2/);
  });
});
