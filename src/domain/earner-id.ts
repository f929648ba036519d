/**
 * issuer_earner_id: our own stable id for a student, sent with every badge. Credly uses it in its
 * duplicate rule (same template + same issuer_earner_id is refused, credly-api.md), so two students
 * must never share one: a 32-bit hash would collide within a few tens of thousands of students,
 * so this is 64-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/) over the UTF-8 bytes of
 * the lower-cased, trimmed e-mail, as 16 hex digits: "bd-" + hex. Pure JS: ES2019 has no BigInt,
 * so the 64-bit product is done in four 16-bit limbs.
 */

const OFFSET_BASIS = [0xcbf2, 0x9ce4, 0x8422, 0x2325]; // 0xcbf29ce484222325, high limb first
// FNV prime 2^40 + 2^8 + 0xb3 = 0x00000100000001b3

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

/** h * prime mod 2^64, limbs high first. prime = 2^40 + 0x1b3: h*0x1b3 + (h << 40). */
function timesPrime(h: number[]): number[] {
  const [a, b, c, d] = h; // h = a·2^48 + b·2^32 + c·2^16 + d
  // h·0x1b3
  let t3 = d * 0x1b3;
  let t2 = c * 0x1b3 + (t3 >>> 16);
  let t1 = b * 0x1b3 + (t2 >>> 16);
  let t0 = a * 0x1b3 + (t1 >>> 16);
  t3 &= 0xffff;
  t2 &= 0xffff;
  t1 &= 0xffff;
  t0 &= 0xffff;
  // + h << 40: d shifts into limb 0 high bits (2^40 = limb1 << 8), c·2^56 into limb 0.
  t1 += (d << 8) & 0xffff;
  t0 += (d >>> 8) + ((c << 8) & 0xffff) + (t1 >>> 16);
  t1 &= 0xffff;
  t0 &= 0xffff;
  return [t0, t1, t2, t3];
}

/** FNV-1a 64 of the text's UTF-8 bytes, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let h = OFFSET_BASIS.slice();
  for (const byte of utf8(text)) {
    h[3] ^= byte;
    h = timesPrime(h);
  }
  return h.map((limb) => `000${limb.toString(16)}`.slice(-4)).join("");
}

/** "bd-" + fnv1a64 of the trimmed, lower-cased e-mail. */
export function earnerId(email: string): string {
  return `bd-${fnv1a64(email.trim().toLowerCase())}`;
}
