import type { Realm } from "../runtime";

/** An array of the script's own realm, so `x instanceof Array` holds inside the script. */
export function scriptArray<T>(realm: Realm, items: Iterable<T>): T[] {
  return realm.Array.from(items) as T[];
}

/** A plain object of the script's own realm, so `x instanceof Object` holds inside the script. */
export function scriptObject<T extends object>(realm: Realm, values: T): T {
  return Object.assign(new realm.Object(), values) as T;
}
