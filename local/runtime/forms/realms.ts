import type { Execution } from "../execution";
import type { Realm } from "../runtime";

const realms = new WeakMap<Execution, Realm>();

/** Remembers the realm of an execution (the FormApp installer does, for every execution). */
export function rememberRealm(exec: Execution, realm: Realm): void {
  realms.set(exec, realm);
}

/** The script realm of a running execution. */
export function realmOf(exec: Execution): Realm {
  const realm = realms.get(exec);
  if (!realm) throw new Error(`No realm recorded for execution ${exec.id}`);
  return realm;
}
