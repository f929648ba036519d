import { formsOf } from "../../local/runtime/forms/host";
import { spreadsheetOf } from "../../local/runtime/spreadsheet";
import { scriptRuntime } from "./harness";

const CODE = `
  function setup() {
    var form = FormApp.create("Report a credential").setDescription("One row per student").setCollectEmail(true);
    form.addTextItem().setTitle("Student Email").setRequired(true)
      .setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
    form.addListItem().setTitle("Credential").setChoiceValues(["OSHA 10", "ServSafe"]).setRequired(true);
    form.addDateItem().setTitle("Date Earned");
    form.addParagraphTextItem().setTitle("Notes");
    form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
    ScriptApp.newTrigger("onEntry").forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
    return form.getId();
  }
  function onEntry(e) {
    return { values: e.values, namedValues: e.namedValues, row: e.range.getRow(), uid: typeof e.triggerUid };
  }
  function scriptSubmit(id) {
    var form = FormApp.openById(id);
    var email = form.getItems()[0].asTextItem();
    var credential = form.getItems()[1].asListItem();
    form.createResponse()
      .withItemResponse(email.createResponse("kim@school.example"))
      .withItemResponse(credential.createResponse("ServSafe"))
      .submit();
    return form.getResponses().length;
  }
  function responses(id) {
    return FormApp.openById(id).getResponses().map(function (r) {
      return [r.getRespondentEmail(), r.getItemResponses().map(function (ir) { return ir.getItem().getTitle() + "=" + ir.getResponse(); })];
    });
  }
  function prefilled(id) {
    var form = FormApp.openById(id);
    return form.createResponse().withItemResponse(form.getItems()[1].asListItem().createResponse("OSHA 10")).toPrefilledUrl();
  }
  function wrongType(id) { FormApp.openById(id).getItems()[1].asTextItem(); }
`;

function setUp() {
  const runtime = scriptRuntime(CODE, { start: new Date("2026-11-02T15:00:00Z") });
  const setup = runtime.run("setup");
  expect(setup.error).toBeUndefined();
  return { runtime, formId: setup.value as string, ss: spreadsheetOf(runtime) };
}

const ANSWERS = {
  "Student Email": "ana@school.example",
  Credential: "OSHA 10",
  "Date Earned": "2026-10-14",
  Notes: "=HYPERLINK(1)",
};

describe("FormApp", () => {
  it("linking a form makes a responses sheet with Timestamp, Email Address and each question", () => {
    const { ss } = setUp();
    expect(ss.sheetNames()[0]).toBe("Form Responses 1");
    expect(ss.values("Form Responses 1")).toEqual([
      ["Timestamp", "Email Address", "Student Email", "Credential", "Date Earned", "Notes"],
    ]);
  });

  it("a form submission fires the spreadsheet onFormSubmit trigger with values and namedValues", () => {
    const { runtime, formId, ss } = setUp();
    const at = new Date("2026-11-03T16:05:09Z");
    const { executions, row } = formsOf(runtime).submit(formId, ANSWERS, {
      respondentEmail: "teacher@school.example",
      at,
    });
    expect(row).toBe(2);
    expect(ss.values("Form Responses 1")[1]).toEqual([
      at,
      "teacher@school.example",
      "ana@school.example",
      "OSHA 10",
      new Date("2026-10-14T05:00:00Z"),
      "=HYPERLINK(1)",
    ]);
    expect(executions).toHaveLength(1);
    expect(executions[0]).toMatchObject({ functionName: "onEntry", ok: true, origin: "trigger" });
    expect(executions[0].value).toEqual({
      values: [
        "11/3/2026 10:05:09",
        "teacher@school.example",
        "ana@school.example",
        "OSHA 10",
        "10/14/2026",
        "=HYPERLINK(1)",
      ],
      namedValues: {
        Timestamp: ["11/3/2026 10:05:09"],
        "Email Address": ["teacher@school.example"],
        "Student Email": ["ana@school.example"],
        Credential: ["OSHA 10"],
        "Date Earned": ["10/14/2026"],
        Notes: ["=HYPERLINK(1)"],
      },
      row: 2,
      uid: "string",
    });
  });

  it("a submit made from script fires nothing", () => {
    const { runtime, formId, ss } = setUp();
    const before = runtime.executions.length;
    expect(runtime.run("scriptSubmit", { event: formId }).value).toBe(1);
    expect(runtime.executions.length).toBe(before + 1);
    expect(ss.values("Form Responses 1")[1].slice(2, 4)).toEqual(["kim@school.example", "ServSafe"]);
  });

  it("refuses a submission Google's form page would refuse, and stores nothing", () => {
    const { runtime, formId, ss } = setUp();
    expect(() =>
      formsOf(runtime).submit(
        formId,
        { ...ANSWERS, "Student Email": "ana@@school" },
        { respondentEmail: "t@school.example" },
      ),
    ).toThrow('"Student Email": Must be a valid email address');
    expect(() =>
      formsOf(runtime).submit(formId, { ...ANSWERS, Credential: "" }, { respondentEmail: "t@school.example" }),
    ).toThrow('"Credential": This is a required question');
    expect(formsOf(runtime).form(formId).responses).toHaveLength(0);
    expect(ss.values("Form Responses 1")).toHaveLength(1);
  });

  it("a submission whose trigger fails lands in the form and the sheet without a run", () => {
    const { runtime, formId, ss } = setUp();
    const { executions } = formsOf(runtime).submit(formId, ANSWERS, {
      respondentEmail: "t@school.example",
      triggerFails: true,
    });
    expect(executions).toEqual([]);
    expect(ss.values("Form Responses 1")).toHaveLength(2);
    expect(runtime.run("responses", { event: formId }).value).toEqual([
      [
        "t@school.example",
        ["Student Email=ana@school.example", "Credential=OSHA 10", "Date Earned=2026-10-14", "Notes==HYPERLINK(1)"],
      ],
    ]);
  });

  it("builds a prefilled URL and refuses a conversion to the wrong item type", () => {
    const { runtime, formId } = setUp();
    const url = runtime.run("prefilled", { event: formId }).value as string;
    expect(url).toMatch(/viewform\?usp=pp_url&entry\.\d+=OSHA\+10$/);
    expect(runtime.run("wrongType", { event: formId }).error).toBe("Invalid conversion for item type: LIST");
  });
});
