// gas-webpack-plugin turns each `global.name = name` assignment into a top-level function stub,
// and recognises only an identifier literally named `global` (see shared/reference/toolchain.md).
declare const global: Record<string, unknown>;
