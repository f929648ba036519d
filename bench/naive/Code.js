/**
 * The naive reference for issuing: what a first script does. It reads the same rows BadgeDesk
 * reads (the month's report, Entries, Credentials) and sends one UrlFetchApp.fetch per badge, one
 * after another. Like BadgeDesk it time-boxes itself (4.5 of the 6 minutes) and writes its results
 * in one write per run, so the only difference the benchmark measures is fetch against fetchAll.
 */
const SLICE_MS = 4.5 * 60 * 1000;

function headerIndex(headers) {
  const index = {};
  for (let i = 0; i < headers.length; i++) index[String(headers[i])] = i;
  return index;
}

/** Issues the month's due badges one fetch at a time; returns how many were issued and how many are left. */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name.
function issueNaive(month) {
  const started = Date.now();
  const book = SpreadsheetApp.getActive();
  const zone = book.getSpreadsheetTimeZone();
  const settings = JSON.parse(PropertiesService.getScriptProperties().getProperty("badgedesk.settings"));
  const token = PropertiesService.getUserProperties().getProperty("badgedesk.credlyToken");
  const url = `${settings.credlyCustomUrl}/v1/organizations/${settings.credlyOrganizationId}/badges`;
  const auth = `Basic ${Utilities.base64Encode(`${token}:`)}`;

  const credentials = book.getSheetByName("Credentials").getDataRange().getValues();
  const c = headerIndex(credentials[0]);
  const templates = {};
  for (let k = 1; k < credentials.length; k++) {
    templates[String(credentials[k][c.Credential]).trim().toLowerCase()] = String(
      credentials[k][c["Credly Template ID"]],
    );
  }
  const entries = book.getSheetByName("Entries").getDataRange().getValues();
  const e = headerIndex(entries[0]);
  const byId = {};
  for (let j = 1; j < entries.length; j++) byId[String(entries[j][e["Entry ID"]])] = entries[j];

  const sheet = book.getSheetByName(`Badges ${month}`);
  const values = sheet.getDataRange().getValues();
  let top = 0;
  while (top < values.length && values[top][0] !== "Entry ID") top++;
  const r = headerIndex(values[top]);
  const status = [];
  let issued = 0;
  let left = 0;
  for (let i = top + 1; i < values.length; i++) {
    const row = values[i];
    status.push([row[r["Badge Status"]]]);
    if (row[r.Decision] !== "Badge" || row[r["Notice Status"]] !== "Sent" || row[r["Badge Status"]] !== "") continue;
    if (Date.now() - started > SLICE_MS) {
      left++;
      continue;
    }
    const entry = byId[String(row[r["Entry ID"]])];
    const language = String(entry[e.Language]).trim().toLowerCase();
    const body = {
      recipient_email: String(entry[e["Student Email"]]).trim().toLowerCase(),
      issued_to_first_name: String(entry[e["Student First Name"]]).trim(),
      issued_to_last_name: String(entry[e["Student Last Name"]]).trim(),
      badge_template_id: templates[String(entry[e.Credential]).trim().toLowerCase()],
      issued_at: Utilities.formatDate(entry[e["Entered At"]], zone, "yyyy-MM-dd HH:mm:ss Z"),
      issuer_earner_id: `naive-${String(entry[e["Student Email"]]).trim().toLowerCase()}`,
      locale: language === "es" ? "es-US" : "en",
    };
    const response = UrlFetchApp.fetch(url, {
      method: "post",
      contentType: "application/json",
      headers: { Authorization: auth, Accept: "application/json" },
      payload: JSON.stringify(body),
      muteHttpExceptions: true,
    });
    const ok = response.getResponseCode() === 201 || response.getResponseCode() === 200;
    status[status.length - 1][0] = ok ? "Issued" : "Failed";
    if (ok) issued++;
  }
  if (status.length > 0) sheet.getRange(top + 2, r["Badge Status"] + 1, status.length, 1).setValues(status);
  return { issued: issued, remaining: left };
}
