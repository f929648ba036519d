import type { Execution } from "../execution";
import type { GridRange } from "./a1";
import type { Cell } from "./cells";
import type { SheetModel, SpreadsheetModel } from "./model";

interface PendingWrite {
  sheet: SheetModel;
  range: GridRange;
  before: Array<Array<Cell | undefined>>;
  /** Cells paid for at commit (setValues, setFormulas); 0 for writes paid at the call. */
  commitCells: number;
}

/**
 * One execution's view of the spreadsheet: what it has paid and which writes are still pending.
 *
 * Sheets batches writes and applies them at the next read, `flush`, or the end of the execution
 * (apps-script-costs.md), so a batch write's cost is charged then. Writes are applied to the model
 * at once (the script reads its own writes) with an undo record, and when the execution is killed
 * (`Exceeded maximum execution time`) every write not yet committed is undone. That is a deliberately
 * harsh assumption (I): Google does not document what survives a kill, so the product must flush
 * before any side effect that depends on a write (mark SENDING, flush, then send).
 * A structural change (insert/delete rows, sort, insert/delete sheet) commits pending writes first (I).
 */
export class SheetSession {
  private opened = false;
  private pending: PendingWrite[] = [];

  constructor(
    readonly exec: Execution,
    readonly model: SpreadsheetModel,
  ) {}

  private get costs() {
    return this.exec.costs;
  }

  /** The first touch of the spreadsheet in an execution opens it (tanaikech 2018/2022). */
  open(): void {
    if (this.opened) return;
    this.opened = true;
    this.exec.charge(this.costs.spreadsheetOpenMs);
  }

  /** Any call with no measured cost of its own (getSheetByName, getLastRow…). */
  other(): void {
    this.open();
    this.exec.charge(this.costs.spreadsheetOtherMs);
  }

  /** A batch read: pending writes are committed first, then 20 ms + 10 µs per cell. */
  read(cells: number): void {
    this.open();
    this.commit();
    this.exec.charge(this.costs.readFixedMs + this.costs.readPerCellMs * cells);
  }

  /** A single-cell getValue, after committing pending writes. */
  readOne(): void {
    this.open();
    this.commit();
    this.exec.charge(this.costs.singleCellGetMs);
  }

  /** Reads of the sheet's shape (last row, data range) see pending writes, so they commit them. */
  shape(): void {
    this.open();
    this.commit();
    this.exec.charge(this.costs.spreadsheetOtherMs);
  }

  format(): void {
    this.open();
    this.exec.charge(this.costs.formatSetterMs);
  }

  /** Records the cells a write is about to replace; batch writes are paid at commit. */
  willWrite(sheet: SheetModel, range: GridRange, batch: boolean): void {
    this.open();
    this.pending.push({
      sheet,
      range,
      before: sheet.cells(range),
      commitCells: batch ? range.numRows * range.numColumns : 0,
    });
  }

  /** Pays for every pending batch write: ≤ 15k cells 100 ms + 10 µs·c, above that 65 µs·c. */
  commit(): void {
    const writes = this.pending;
    this.pending = [];
    for (const w of writes) {
      const c = w.commitCells;
      if (c === 0) continue;
      this.exec.charge(
        c <= this.costs.largeWriteThresholdCells
          ? this.costs.writeFixedMs + this.costs.writePerCellMs * c
          : this.costs.largeWritePerCellMs * c,
      );
    }
  }

  flush(): void {
    this.open();
    this.exec.charge(this.costs.flushMs);
    this.commit();
  }

  /** Undoes the writes not yet committed, newest first (the execution was killed). */
  discard(): void {
    for (const w of this.pending.reverse()) {
      w.before.forEach((line, i) => {
        line.forEach((cell, j) => {
          w.sheet.setCell(w.range.row + i, w.range.column + j, cell);
        });
      });
    }
    this.pending = [];
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }
}
