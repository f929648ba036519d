/** The workbook layer: sheet schemas and tables read and written by header name. */

export * from "./cell-text";
export * from "./records";
export * from "./schemas";
export * from "./table";
export * from "./write";
