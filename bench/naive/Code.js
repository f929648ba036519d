/**
 * The naive reference for issuing: what a first script does. It reads the same rows BadgeDesk
 * reads (the month's report, Entries, Credentials) and sends one UrlFetchApp.fetch per badge, one
 * after another. Like BadgeDesk it time-boxes itself (4.5 of the 6 minutes) and writes its results
 * in one write per run, so the only difference the benchmark measures is fetch against fetchAll.
 */
var SLICE_MS = 4.5 * 60 * 1000;

function headerIndex(headers) {
  var index = {};
  for (var i = 0; i < headers.length; i++) index[String(headers[i])] = i;
  return index;
}

/** Issues the month's due badges one fetch at a time; returns how many were issued and how many are left. */
function issueNaive(month) {
  var started = Date.now();
  var book = SpreadsheetApp.getActive();
  var zone = book.getSpreadsheetTimeZone();
  var settings = JSON.parse(PropertiesService.getScriptProperties().getProperty("badgedesk.settings"));
  var token = PropertiesService.getUserProperties().getProperty("badgedesk.credlyToken");
  var url = settings.credlyCustomUrl + "/v1/organizations/" + settings.credlyOrganizationId + "/badges";
  var auth = "Basic " + Utilities.base64Encode(token + ":");

  var credentials = book.getSheetByName("Credentials").getDataRange().getValues();
  var c = headerIndex(credentials[0]);
  var templates = {};
  for (var k = 1; k < credentials.length; k++) {
    templates[String(credentials[k][c["Credential"]]).trim().toLowerCase()] = String(credentials[k][c["Credly Template ID"]]);
  }
  var entries = book.getSheetByName("Entries").getDataRange().getValues();
  var e = headerIndex(entries[0]);
  var byId = {};
  for (var j = 1; j < entries.length; j++) byId[String(entries[j][e["Entry ID"]])] = entries[j];

  var sheet = book.getSheetByName("Badges " + month);
  var values = sheet.getDataRange().getValues();
  var top = 0;
  while (top < values.length && values[top][0] !== "Entry ID") top++;
  var r = headerIndex(values[top]);
  var status = [];
  var issued = 0;
  var left = 0;
  for (var i = top + 1; i < values.length; i++) {
    var row = values[i];
    status.push([row[r["Badge Status"]]]);
    if (row[r["Decision"]] !== "Badge" || row[r["Notice Status"]] !== "Sent" || row[r["Badge Status"]] !== "") continue;
    if (Date.now() - started > SLICE_MS) {
      left++;
      continue;
    }
    var entry = byId[String(row[r["Entry ID"]])];
    var language = String(entry[e["Language"]]).trim().toLowerCase();
    var body = {
      recipient_email: String(entry[e["Student Email"]]).trim().toLowerCase(),
      issued_to_first_name: String(entry[e["Student First Name"]]).trim(),
      issued_to_last_name: String(entry[e["Student Last Name"]]).trim(),
      badge_template_id: templates[String(entry[e["Credential"]]).trim().toLowerCase()],
      issued_at: Utilities.formatDate(entry[e["Entered At"]], zone, "yyyy-MM-dd HH:mm:ss Z"),
      issuer_earner_id: "naive-" + String(entry[e["Student Email"]]).trim().toLowerCase(),
      locale: language === "es" ? "es-US" : "en",
    };
    var response = UrlFetchApp.fetch(url, {
      method: "post",
      contentType: "application/json",
      headers: { Authorization: auth, Accept: "application/json" },
      payload: JSON.stringify(body),
      muteHttpExceptions: true,
    });
    var ok = response.getResponseCode() === 201 || response.getResponseCode() === 200;
    status[status.length - 1][0] = ok ? "Issued" : "Failed";
    if (ok) issued++;
  }
  if (status.length > 0) sheet.getRange(top + 2, r["Badge Status"] + 1, status.length, 1).setValues(status);
  return { issued: issued, remaining: left };
}
