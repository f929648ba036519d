/**
 * The summary page's charts as inline SVG: no script, no fonts or files from anywhere, so the
 * page opens the same from a disk, an e-mail attachment or a machine with no network.
 */

export const COLORS = { issued: "#3b6ea8", accepted: "#4f9a5b", rate: "#c0504d", needsFix: "#d98c2b" };

/** Text made safe for HTML and SVG, both in element content and in quoted attributes. */
export function escapeHtml(text: unknown): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A tick step of 1, 2 or 5 × 10^k that gives about five lines up to `max`. */
function niceStep(max: number): number {
  if (max <= 5) return 1;
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

function legend(items: Array<[string, string]>, x: number, y: number): string {
  return items
    .map(
      ([label, color], i) =>
        `<rect x="${x + i * 150}" y="${y - 10}" width="12" height="12" fill="${color}"/>` +
        `<text x="${x + i * 150 + 18}" y="${y}" font-size="12">${escapeHtml(label)}</text>`,
    )
    .join("");
}

export interface MonthBar {
  month: string;
  issued: number;
  accepted: number;
  claimRate: number | null;
}

/** Columns for badges issued and accepted per month, a line for the claim rate on a 0–100 % axis. */
export function monthsChart(months: readonly MonthBar[], title: string): string {
  const width = 720;
  const height = 320;
  const left = 50;
  const right = 60;
  const top = 40;
  const bottom = 50;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...months.map((m) => Math.max(m.issued, m.accepted)));
  const step = niceStep(max);
  const top_ = Math.ceil(max / step) * step;
  const y = (n: number) => round(top + plotH - (n / top_) * plotH);
  const yRate = (r: number) => round(top + plotH - r * plotH);
  const slot = plotW / Math.max(1, months.length);
  const bar = Math.min(40, slot / 3);
  const parts: string[] = [];
  for (let v = 0; v <= top_; v += step) {
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${v}</text>`);
  }
  for (const r of [0, 0.5, 1]) {
    parts.push(`<text x="${left + plotW + 6}" y="${yRate(r) + 4}" font-size="11">${r * 100}%</text>`);
  }
  const points: string[] = [];
  months.forEach((m, i) => {
    const cx = left + slot * i + slot / 2;
    parts.push(
      `<rect class="bar-issued" x="${round(cx - bar)}" y="${y(m.issued)}" width="${round(bar)}" height="${round(y(0) - y(m.issued))}" fill="${COLORS.issued}"><title>${escapeHtml(`${m.month}: ${m.issued} issued`)}</title></rect>`,
      `<rect class="bar-accepted" x="${round(cx)}" y="${y(m.accepted)}" width="${round(bar)}" height="${round(y(0) - y(m.accepted))}" fill="${COLORS.accepted}"><title>${escapeHtml(`${m.month}: ${m.accepted} accepted`)}</title></rect>`,
      `<text x="${round(cx)}" y="${top + plotH + 18}" font-size="12" text-anchor="middle">${escapeHtml(m.month)}</text>`,
    );
    if (m.claimRate !== null) points.push(`${round(cx)},${yRate(m.claimRate)}`);
  });
  if (points.length > 0) {
    parts.push(
      `<polyline class="claim-rate" points="${points.join(" ")}" fill="none" stroke="${COLORS.rate}" stroke-width="2.5"/>`,
    );
    for (const p of points) {
      const [px, py] = p.split(",");
      parts.push(`<circle cx="${px}" cy="${py}" r="4" fill="${COLORS.rate}"/>`);
    }
  }
  return svg(width, height, title, [
    `<text x="${left}" y="20" font-size="14" font-weight="bold">${escapeHtml(title)}</text>`,
    ...parts,
    legend(
      [
        ["Badges issued", COLORS.issued],
        ["Accepted", COLORS.accepted],
        ["Claim rate (right axis)", COLORS.rate],
      ],
      left,
      height - 10,
    ),
  ]);
}

export interface BarItem {
  label: string;
  values: number[];
}

/** Horizontal bars, one group per item (long site names and reasons read best across). */
export function barsChart(items: readonly BarItem[], series: Array<[string, string]>, title: string): string {
  const labelW = 330;
  const width = 720;
  const row = 14 * series.length + 10;
  const top = 34;
  const height = top + row * items.length + 36;
  const plotW = width - labelW - 50;
  const max = Math.max(1, ...items.flatMap((i) => i.values));
  const parts: string[] = [`<text x="8" y="20" font-size="14" font-weight="bold">${escapeHtml(title)}</text>`];
  items.forEach((item, i) => {
    const y0 = top + i * row;
    const label = item.label.length > 48 ? `${item.label.slice(0, 47)}…` : item.label;
    parts.push(
      `<text x="${labelW - 8}" y="${y0 + row / 2 + 2}" font-size="12" text-anchor="end"><title>${escapeHtml(item.label)}</title>${escapeHtml(label)}</text>`,
    );
    item.values.forEach((value, s) => {
      const w = round((value / max) * plotW);
      const y = y0 + 4 + s * 14;
      parts.push(
        `<rect class="bar" x="${labelW}" y="${y}" width="${w}" height="12" fill="${series[s][1]}"><title>${escapeHtml(`${item.label}: ${value} ${series[s][0]}`)}</title></rect>`,
        `<text x="${labelW + w + 4}" y="${y + 10}" font-size="11">${value}</text>`,
      );
    });
  });
  if (series.length > 1) parts.push(legend(series, labelW, height - 10));
  return svg(width, height, title, parts);
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return (
    `<svg role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif">` +
    `${parts.join("")}</svg>`
  );
}
