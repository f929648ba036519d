/** Base64 of UTF-8 text (Apps Script has no btoa): Credly's Basic auth header. */
export function base64(text: string): string {
  return Utilities.base64Encode(text, Utilities.Charset.UTF_8);
}
