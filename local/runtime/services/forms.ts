import { type AuthNeed, type Execution, emulate } from "../execution";
import {
  type FormModel,
  type FormsModel,
  formsModel,
  type ItemModel,
  type ItemType,
  type ResponseModel,
} from "../forms/model";
import { rememberRealm } from "../forms/realms";
import { type Realm, type Runtime, registerServices } from "../runtime";
import { wallClock } from "../spreadsheet";
import { scriptArray } from "./realm-values";

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type FormResponse = GoogleAppsScript.Forms.FormResponse;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

const ITEM_CLASS: Record<ItemType, string> = {
  TEXT: "TextItem",
  PARAGRAPH_TEXT: "ParagraphTextItem",
  LIST: "ListItem",
  DATE: "DateItem",
};

/** Validations the script built, by the object it holds. */
const emailValidations = new WeakSet<object>();
/** Item responses the script built → their item and answer. */
const pendingAnswers = new WeakMap<object, { item: ItemModel; answer: string }>();

class FormsSession {
  constructor(
    readonly exec: Execution,
    readonly runtime: Runtime,
    readonly realm: Realm,
    readonly model: FormsModel,
  ) {}

  /**
   * Every Forms call is a round trip on Google; each is charged `formMs` (an assumption, like a
   * spreadsheet call: costs.ts).
   */
  api<T extends object>(className: string, impl: T, need: AuthNeed = "FULL"): T {
    const charged = {} as Record<string, unknown>;
    for (const [key, value] of Object.entries(impl)) {
      charged[key] =
        typeof value === "function"
          ? (...args: unknown[]) => {
              this.exec.charge(this.runtime.costs.formMs);
              return value(...args);
            }
          : value;
    }
    return emulate(this.exec, className, charged as T, need);
  }

  fail(message: string): never {
    throw this.exec.makeError(message);
  }

  open(id: string): FormModel {
    return (
      this.model.find(id) ??
      this.fail(`No item with the given ID could be found, or you do not have permission to access it.`)
    );
  }

  form(form: FormModel): Form {
    const self: Partial<Form> = {};
    const add = (type: ItemType) => () => this.item(form, this.model.addItem(form, type), type);
    Object.assign(self, {
      getId: () => form.id,
      getTitle: () => form.title,
      setTitle: (title: string) => {
        form.title = String(title);
        return api;
      },
      getDescription: () => form.description,
      setDescription: (text: string) => {
        form.description = String(text);
        return api;
      },
      collectsEmail: () => form.collectEmail,
      setCollectEmail: (collect: boolean) => {
        // Google adds an "Email Address" column to a linked sheet; set it before linking here (I).
        form.collectEmail = Boolean(collect);
        return api;
      },
      getPublishedUrl: () => `https://docs.google.com/forms/d/e/${form.id}/viewform`,
      getEditUrl: () => `https://docs.google.com/forms/d/${form.id}/edit`,
      addTextItem: add("TEXT"),
      addParagraphTextItem: add("PARAGRAPH_TEXT"),
      addListItem: add("LIST"),
      addDateItem: add("DATE"),
      getItems: () =>
        scriptArray(
          this.realm,
          form.items.map((i) => this.item(form, i, null)),
        ),
      getItemById: (id: number) => {
        const found = form.items.find((i) => i.id === Number(id));
        return found ? this.item(form, found, null) : null;
      },
      setDestination: (type: string, id: string) => {
        if (String(type) !== "SPREADSHEET")
          this.fail("not emulated: Form.setDestination to anything but a spreadsheet");
        try {
          this.model.link(form, id);
        } catch (error) {
          this.fail((error as Error).message);
        }
        return api;
      },
      getDestinationId: () =>
        form.destination?.spreadsheetId ?? this.fail("This form does not currently have a response destination."),
      getDestinationType: () =>
        form.destination ? "SPREADSHEET" : this.fail("This form does not currently have a response destination."),
      getResponses: () =>
        scriptArray(
          this.realm,
          form.responses.map((r) => this.response(form, r)),
        ),
      createResponse: () => this.draft(form, new Map()),
      deleteAllResponses: () => {
        form.responses.length = 0;
        return api;
      },
    });
    const api = this.api("Form", self as Form);
    return api;
  }

  /** An item; `as` is its class when reached through addXItem / asXItem, null for a generic Item. */
  item(form: FormModel, item: ItemModel, as: ItemType | null): Item {
    const self: Record<string, unknown> = {
      getId: () => item.id,
      getIndex: () => form.items.indexOf(item),
      getType: () => item.type,
      getTitle: () => item.title,
      setTitle: (title: string) => {
        this.model.retitle(form, item, String(title));
        return api;
      },
      getHelpText: () => item.helpText,
      setHelpText: (text: string) => {
        item.helpText = String(text);
        return api;
      },
    };
    const convert = (type: ItemType) => () =>
      // Google's text for a conversion to the wrong type (S).
      item.type === type ? this.item(form, item, type) : this.fail(`Invalid conversion for item type: ${item.type}`);
    if (as === null) {
      Object.assign(self, {
        asTextItem: convert("TEXT"),
        asParagraphTextItem: convert("PARAGRAPH_TEXT"),
        asListItem: convert("LIST"),
        asDateItem: convert("DATE"),
      });
    } else {
      Object.assign(self, {
        isRequired: () => item.required,
        setRequired: (required: boolean) => {
          item.required = Boolean(required);
          return api;
        },
        createResponse: (answer: unknown) =>
          this.itemResponse(form, item, answerText(item, answer, this.runtime.manifest.timeZone)),
      });
    }
    if (as === "TEXT" || as === "PARAGRAPH_TEXT") {
      self.setValidation = (validation: object) => {
        item.requireEmail = emailValidations.has(validation);
        return api;
      };
      self.clearValidation = () => {
        item.requireEmail = false;
        return api;
      };
    }
    if (as === "LIST") {
      self.setChoiceValues = (values: string[]) => {
        item.choices = Array.from(values, String);
        return api;
      };
      self.getChoices = () =>
        scriptArray(
          this.realm,
          item.choices.map((value) => this.api("Choice", { getValue: () => value })),
        );
    }
    const api = this.api(as === null ? "Item" : ITEM_CLASS[as], self) as unknown as Item;
    return api;
  }

  itemResponse(form: FormModel, item: ItemModel, answer: string): ItemResponse {
    const api = this.api("ItemResponse", {
      getItem: () => this.item(form, item, null),
      getResponse: () => answer,
    } as Partial<ItemResponse>) as ItemResponse;
    pendingAnswers.set(api, { item, answer });
    return api;
  }

  /** A response the script is building (createResponse): withItemResponse, toPrefilledUrl, submit. */
  draft(form: FormModel, answers: Map<number, string>): FormResponse {
    const api = this.api("FormResponse", {
      withItemResponse: (itemResponse: object) => {
        const pending = pendingAnswers.get(itemResponse) ?? this.fail("Invalid argument: response");
        answers.set(pending.item.id, pending.answer);
        return api;
      },
      getItemResponses: () =>
        scriptArray(
          this.realm,
          form.items
            .filter((i) => answers.has(i.id))
            .map((i) => this.itemResponse(form, i, answers.get(i.id) as string)),
        ),
      toPrefilledUrl: () => {
        const query = [...answers].map(([id, a]) => `entry.${id}=${encodeURIComponent(a).replace(/%20/g, "+")}`);
        return `https://docs.google.com/forms/d/e/${form.id}/viewform?usp=pp_url&${query.join("&")}`;
      },
      // A submit made by a script is stored and written to the sheet but fires no trigger (V).
      submit: () => {
        const response = this.model.store(form, this.exec.user, answers, this.runtime.clock.now());
        this.model.writeRow(form, response);
        return this.response(form, response);
      },
    } as Partial<FormResponse>) as FormResponse;
    return api;
  }

  response(form: FormModel, response: ResponseModel): FormResponse {
    return this.api("FormResponse", {
      getId: () => response.id,
      getTimestamp: () => new Date(response.timestamp),
      getRespondentEmail: () => response.respondentEmail,
      getItemResponses: () =>
        scriptArray(
          this.realm,
          form.items
            .filter((i) => response.answers.has(i.id))
            .map((i) => this.itemResponse(form, i, response.answers.get(i.id) as string)),
        ),
      getEditResponseUrl: () => `https://docs.google.com/forms/d/e/${form.id}/viewform?edit2=${response.id}`,
    } as Partial<FormResponse>) as FormResponse;
  }
}

/** A date item's answer is kept as "YYYY-MM-DD": the date's day in the script's time zone (I). */
function answerText(item: ItemModel, answer: unknown, timeZone: string): string {
  if (item.type !== "DATE") return String(answer);
  const w = wallClock(answer as Date, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

const names = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, k]));

registerServices((exec, runtime, realm) => {
  rememberRealm(exec, realm);
  const s = new FormsSession(exec, runtime, realm, formsModel(runtime));
  const validationBuilder = () => {
    let email = false;
    const builder: Partial<GoogleAppsScript.Forms.TextValidationBuilder> = emulate(
      exec,
      "TextValidationBuilder",
      {
        requireTextIsEmail: () => {
          email = true;
          return builder;
        },
        setHelpText: () => builder,
        build: () => {
          const validation = emulate(exec, "TextValidation", {}, "NONE");
          if (email) emailValidations.add(validation);
          return validation;
        },
      } as Partial<GoogleAppsScript.Forms.TextValidationBuilder>,
      "NONE",
    );
    return builder;
  };
  const formApp = {
    create: (title: string) => s.form(s.model.create(String(title))),
    openById: (id: string) => s.form(s.open(String(id))),
    openByUrl: (url: string) => {
      const id = String(url).match(/\/forms\/d\/(?:e\/)?([^/]+)/)?.[1];
      return s.form(s.open(id ?? ""));
    },
    createTextValidation: validationBuilder,
    ItemType: names("TEXT", "PARAGRAPH_TEXT", "LIST", "DATE", "MULTIPLE_CHOICE", "CHECKBOX", "SCALE", "TIME"),
    DestinationType: names("SPREADSHEET"),
  };
  return { FormApp: s.api("FormApp", formApp as unknown as GoogleAppsScript.Forms.FormApp) };
});
