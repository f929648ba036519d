import { writeFileSync } from "node:fs";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * summary.html: the run's account as a page to open in a browser — the same lines the terminal
 * printed, and the month's counts per decision.
 */
export function writeSummaryPage(file: string, title: string, lines: string[], decisions: Record<string, number>) {
  const rows = Object.entries(decisions)
    .map(([word, n]) => `<tr><th scope="row">${escapeHtml(word)}</th><td>${n}</td></tr>`)
    .join("\n");
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; color: #202124; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border-bottom: 1px solid #dadce0; padding: .25rem 1rem .25rem 0; text-align: left; }
td { text-align: right; }
pre { background: #f8f9fa; padding: 1rem; overflow-x: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<table><caption>Entries per decision</caption>
${rows}
</table>
<pre>${escapeHtml(lines.join("\n"))}</pre>
</body>
</html>
`;
  writeFileSync(file, page);
}
