import type { Execution } from "../execution";
import { emulate } from "../execution";
import { type Realm, type Runtime, registerServices } from "../runtime";
import { scriptArray, scriptObject } from "./realm-values";

type PropertiesApi = Pick<
  GoogleAppsScript.Properties.Properties,
  | "getProperty"
  | "setProperty"
  | "setProperties"
  | "getProperties"
  | "getKeys"
  | "deleteProperty"
  | "deleteAllProperties"
>;
type PropertiesServiceApi = Pick<
  GoogleAppsScript.Properties.PropertiesService,
  "getScriptProperties" | "getUserProperties" | "getDocumentProperties"
>;

/**
 * Properties need no OAuth scope, so they work in AuthMode.LIMITED (a simple onOpen/onEdit of a
 * bound script): Google's AuthMode reference reads document properties in onOpen whenever the mode
 * is not NONE. They are refused only in NONE.
 */
const PROPERTIES_AUTH = "LIMITED" as const;

// Google's texts (S: as reported by users; the quota page gives only the sizes).
const VALUE_TOO_LARGE = "Argument too large: value";
const STORE_FULL = "You have exceeded the property storage quota. Please remove some properties and try again.";

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** One property store (script, document, or one user's): outlives every execution. */
export class PropertyStoreModel {
  readonly values = new Map<string, string>();

  /** Keys and values both count toward the 500 KB (I: Google does not say which parts count). */
  bytesWith(changes: Map<string, string | null>): number {
    let total = 0;
    for (const [key, value] of this.values) if (!changes.has(key)) total += utf8Bytes(key) + utf8Bytes(value);
    for (const [key, value] of changes) if (value !== null) total += utf8Bytes(key) + utf8Bytes(value);
    return total;
  }
}

export class PropertiesModel {
  readonly script = new PropertyStoreModel();
  readonly document = new PropertyStoreModel();
  private readonly users = new Map<string, PropertyStoreModel>();

  user(email: string): PropertyStoreModel {
    let store = this.users.get(email);
    if (!store) {
      store = new PropertyStoreModel();
      this.users.set(email, store);
    }
    return store;
  }

  userEmails(): string[] {
    return [...this.users.keys()];
  }
}

function model(runtime: Runtime): PropertiesModel {
  return runtime.model("properties", () => new PropertiesModel());
}

function properties(exec: Execution, runtime: Runtime, realm: Realm, store: PropertyStoreModel) {
  const write = (changes: Map<string, string | null>, clearOthers: boolean) => {
    if (clearOthers) for (const key of store.values.keys()) if (!changes.has(key)) changes.set(key, null);
    for (const value of changes.values()) {
      if (value !== null && utf8Bytes(value) > runtime.limits.propertyValueBytes) throw exec.makeError(VALUE_TOO_LARGE);
    }
    if (store.bytesWith(changes) > runtime.limits.propertyStoreBytes) throw exec.makeError(STORE_FULL);
    for (const [key, value] of changes) {
      if (value === null) store.values.delete(key);
      else store.values.set(key, value);
    }
  };
  const impl: PropertiesApi = {
    getProperty(key) {
      exec.charge(exec.costs.propertiesGetMs);
      return store.values.get(String(key)) ?? null;
    },
    setProperty(key, value) {
      exec.charge(exec.costs.propertiesSetMs);
      write(new Map([[String(key), String(value)]]), false);
      return api;
    },
    setProperties(values: Record<string, string>, deleteAllOthers?: boolean) {
      exec.charge(exec.costs.propertiesSetMs);
      const changes = new Map<string, string | null>();
      for (const [key, value] of Object.entries(values)) changes.set(key, String(value));
      write(changes, deleteAllOthers === true);
      return api;
    },
    getProperties() {
      exec.charge(exec.costs.propertiesGetMs);
      return scriptObject(realm, Object.fromEntries(store.values));
    },
    getKeys() {
      exec.charge(exec.costs.propertiesGetMs);
      return scriptArray(realm, store.values.keys());
    },
    deleteProperty(key) {
      exec.charge(exec.costs.propertiesSetMs);
      store.values.delete(String(key));
      return api;
    },
    deleteAllProperties() {
      exec.charge(exec.costs.propertiesSetMs);
      store.values.clear();
      return api;
    },
  } as PropertiesApi;
  const api = emulate(exec, "Properties", impl, PROPERTIES_AUTH) as GoogleAppsScript.Properties.Properties;
  return api;
}

registerServices((exec, runtime, realm) => {
  const stores = model(runtime);
  const service: PropertiesServiceApi = {
    getScriptProperties() {
      exec.charge(exec.costs.trivialMs);
      return properties(exec, runtime, realm, stores.script);
    },
    getUserProperties() {
      exec.charge(exec.costs.trivialMs);
      return properties(exec, runtime, realm, stores.user(exec.user));
    },
    // The project is bound to its spreadsheet, so document properties exist (never null here).
    getDocumentProperties() {
      exec.charge(exec.costs.trivialMs);
      return properties(exec, runtime, realm, stores.document);
    },
  };
  return { PropertiesService: emulate(exec, "PropertiesService", service, PROPERTIES_AUTH) };
});

/** Direct access to one store for tests and tools: no cost, no limits. */
export interface HostPropertyStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  all(): Record<string, string>;
  keys(): string[];
}

function host(store: PropertyStoreModel): HostPropertyStore {
  return {
    get: (key) => store.values.get(key) ?? null,
    set: (key, value) => {
      store.values.set(key, value);
    },
    delete: (key) => {
      store.values.delete(key);
    },
    all: () => Object.fromEntries(store.values),
    keys: () => [...store.values.keys()],
  };
}

/**
 * Every property store of a runtime, to seed settings or to check where a value went
 * (e.g. that the Credly token is only in the specialist's user store).
 */
export function propertiesOf(runtime: Runtime): {
  script: HostPropertyStore;
  document: HostPropertyStore;
  user(email: string): HostPropertyStore;
  /** The users who have a user store so far. */
  users(): string[];
} {
  const stores = model(runtime);
  return {
    script: host(stores.script),
    document: host(stores.document),
    user: (email) => host(stores.user(email)),
    users: () => stores.userEmails(),
  };
}
