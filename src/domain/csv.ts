/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas,
 * records by CRLF (a lone LF or CR is accepted too: exports made on a Mac or pasted into a text
 * box lose the CR), a field in double quotes may hold commas, line breaks and doubled quotes ("").
 * A leading byte-order mark is dropped: Excel's "CSV UTF-8" export starts with one.
 */

export class CsvError extends Error {}

/** The records of the text, each a list of fields. Blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let openedOn = 0;

  const endField = () => {
    record.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
  };

  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      openedOn = line;
    } else if (c === ",") endField();
    else if (c === "\r" || c === "\n") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
    } else {
      // A quote inside an unquoted field is kept as typed (lenient, as spreadsheet programs are).
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted)
    throw new CsvError(`The CSV's quoted field opened on line ${openedOn} never closes (a missing closing quote?).`);
  if (field !== "" || fieldStarted || record.length > 0) endRecord();
  return records;
}
