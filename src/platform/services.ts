import type {
  FormItemSpec,
  Forms,
  Http,
  HttpRequest,
  HttpResponse,
  Lock,
  Mailer,
  PropertyStore,
  Services,
  TriggerInfo,
  Triggers,
  Ui,
} from "../app/ports";
import { workbook } from "./workbook";

function propertyStore(props: GoogleAppsScript.Properties.Properties): PropertyStore {
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => {
      props.setProperty(key, value);
    },
    remove: (key) => {
      props.deleteProperty(key);
    },
    all: () => props.getProperties(),
  };
}

function toFetchParams(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  return {
    url: request.url,
    method: request.method,
    headers: request.headers,
    // JSON only: UrlFetchApp's default content type is form-urlencoded.
    contentType: request.body === undefined ? undefined : "application/json",
    payload: request.body,
    // HTTP errors come back as answers for the Credly client to map, not as exceptions.
    muteHttpExceptions: true,
    followRedirects: true,
  };
}

function toResponse(response: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  return {
    status: response.getResponseCode(),
    body: response.getContentText(),
    headers: response.getHeaders() as Record<string, string>,
  };
}

const http: Http = {
  fetch(request) {
    const { url, ...params } = toFetchParams(request);
    return toResponse(UrlFetchApp.fetch(url, params));
  },
  fetchAll(requests) {
    if (requests.length === 0) return [];
    return UrlFetchApp.fetchAll(requests.map(toFetchParams)).map(toResponse);
  },
};

/** RFC 2047 encoded-word, so a non-ASCII subject or sender name survives. */
function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Utilities.base64Encode(text, Utilities.Charset.UTF_8)}?=`;
}

/**
 * Sending from an alias goes through the Gmail advanced service (scope gmail.send) with a raw
 * RFC 822 message: GmailApp's `from` option would need the full-mailbox scope.
 */
function sendFromAlias(message: Parameters<Mailer["send"]>[0]): void {
  const boundary = `bd-${Utilities.getUuid()}`;
  const from = message.name ? `${encodeHeader(message.name)} <${message.from}>` : `${message.from}`;
  const lines = [
    `From: ${from}`,
    `To: ${message.to}`,
    ...(message.replyTo ? [`Reply-To: ${message.replyTo}`] : []),
    `Subject: ${encodeHeader(message.subject)}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    Utilities.base64Encode(message.textBody, Utilities.Charset.UTF_8),
    `--${boundary}`,
    "Content-Type: text/html; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    Utilities.base64Encode(message.htmlBody, Utilities.Charset.UTF_8),
    `--${boundary}--`,
  ];
  const raw = Utilities.base64EncodeWebSafe(lines.join("\r\n"), Utilities.Charset.UTF_8);
  // The manifest enables the Gmail advanced service, so Gmail is defined at run time.
  Gmail!.Users!.Messages!.send({ raw }, "me");
}

const mailer: Mailer = {
  send(message) {
    if (message.from) return sendFromAlias(message);
    MailApp.sendEmail({
      to: message.to,
      subject: message.subject,
      body: message.textBody,
      htmlBody: message.htmlBody,
      name: message.name,
      replyTo: message.replyTo,
    });
  },
  remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
};

function lockPort(): Lock {
  const lock = LockService.getScriptLock();
  return {
    tryLock: (ms) => lock.tryLock(ms),
    release: () => lock.releaseLock(),
  };
}

function triggerKind(trigger: GoogleAppsScript.Script.Trigger): TriggerInfo["kind"] {
  const type = trigger.getEventType();
  if (type === ScriptApp.EventType.CLOCK) return "clock";
  if (type === ScriptApp.EventType.ON_FORM_SUBMIT) return "formSubmit";
  return "other";
}

const triggers: Triggers = {
  list: () =>
    ScriptApp.getProjectTriggers().map((t) => ({
      id: t.getUniqueId(),
      handler: t.getHandlerFunction(),
      kind: triggerKind(t),
    })),
  monthly: (handler, day, hour, tz) =>
    ScriptApp.newTrigger(handler).timeBased().onMonthDay(day).atHour(hour).inTimezone(tz).create().getUniqueId(),
  weekly: (handler, weekday, hour, tz) =>
    ScriptApp.newTrigger(handler)
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay[weekday])
      .atHour(hour)
      .inTimezone(tz)
      .create()
      .getUniqueId(),
  after: (handler, ms) => ScriptApp.newTrigger(handler).timeBased().after(ms).create().getUniqueId(),
  onFormSubmit: (handler) =>
    ScriptApp.newTrigger(handler).forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create().getUniqueId(),
  remove(id) {
    for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === id) ScriptApp.deleteTrigger(t);
  },
};

function addItem(form: GoogleAppsScript.Forms.Form, spec: FormItemSpec): void {
  switch (spec.kind) {
    case "text":
      form
        .addTextItem()
        .setTitle(spec.title)
        .setRequired(spec.required)
        .setHelpText(spec.helpText ?? "");
      return;
    case "email":
      form
        .addTextItem()
        .setTitle(spec.title)
        .setRequired(spec.required)
        .setHelpText(spec.helpText ?? "")
        .setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
      return;
    case "paragraph":
      form
        .addParagraphTextItem()
        .setTitle(spec.title)
        .setRequired(spec.required)
        .setHelpText(spec.helpText ?? "");
      return;
    case "date":
      form
        .addDateItem()
        .setTitle(spec.title)
        .setRequired(spec.required)
        .setHelpText(spec.helpText ?? "");
      return;
    case "list":
      form
        .addListItem()
        .setTitle(spec.title)
        .setRequired(spec.required)
        .setHelpText(spec.helpText ?? "")
        .setChoiceValues(spec.choices ?? []);
      return;
  }
}

function itemByTitle(form: GoogleAppsScript.Forms.Form, title: string): GoogleAppsScript.Forms.Item {
  const item = form.getItems().find((i) => i.getTitle() === title);
  if (!item) throw new Error(`The instructor form has no question titled "${title}".`);
  return item;
}

const forms: Forms = {
  create(title, description, items) {
    const form = FormApp.create(title).setDescription(description).setCollectEmail(true);
    for (const item of items) addItem(form, item);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
    return { id: form.getId(), url: form.getPublishedUrl() };
  },
  setChoices(formId, itemTitle, choices) {
    itemByTitle(FormApp.openById(formId), itemTitle).asListItem().setChoiceValues(choices);
  },
  responses(formId) {
    return FormApp.openById(formId)
      .getResponses()
      .map((r) => {
        const answers: Record<string, string> = {};
        for (const ir of r.getItemResponses()) answers[ir.getItem().getTitle()] = String(ir.getResponse());
        return {
          id: r.getId(),
          timestamp: new Date(r.getTimestamp().getTime()),
          respondentEmail: r.getRespondentEmail(),
          answers,
        };
      });
  },
  prefilledUrl(formId, answers) {
    const form = FormApp.openById(formId);
    let response = form.createResponse();
    for (const [title, value] of Object.entries(answers)) {
      const item = itemByTitle(form, title);
      const type = item.getType();
      if (type === FormApp.ItemType.LIST) response = response.withItemResponse(item.asListItem().createResponse(value));
      else if (type === FormApp.ItemType.DATE)
        response = response.withItemResponse(item.asDateItem().createResponse(new Date(`${value}T12:00:00`)));
      else if (type === FormApp.ItemType.PARAGRAPH_TEXT)
        response = response.withItemResponse(item.asParagraphTextItem().createResponse(value));
      else response = response.withItemResponse(item.asTextItem().createResponse(value));
    }
    return response.toPrefilledUrl();
  },
};

function ui(): Ui {
  return {
    alert(message) {
      SpreadsheetApp.getUi().alert(message);
    },
    toast(message) {
      SpreadsheetApp.getActive().toast(message, "BadgeDesk");
    },
  };
}

/** The real services, for an execution that runs with full authorisation. */
export function services(): Services {
  return {
    workbook: workbook(),
    mailer,
    http,
    clock: { now: () => new Date(), sleep: (ms) => Utilities.sleep(ms) },
    formatDate: (date, tz, pattern) => Utilities.formatDate(date, tz, pattern),
    scriptProperties: propertyStore(PropertiesService.getScriptProperties()),
    userProperties: propertyStore(PropertiesService.getUserProperties()),
    lock: lockPort(),
    triggers,
    forms,
    users: {
      active: () => Session.getActiveUser().getEmail(),
      effective: () => Session.getEffectiveUser().getEmail(),
    },
    ui: ui(),
    newId: () => Utilities.getUuid(),
    base64: (text) => Utilities.base64Encode(text, Utilities.Charset.UTF_8),
  };
}
