import { HourFigures } from './replay-figures';

const WIDTH = 960;
const PANEL_HEIGHT = 150;
const LEFT = 64;
const RIGHT = 16;
const TOP = 36;
const GAP = 36;

interface Panel {
  title: string;
  colour: string;
  values: (number | null)[];
}

/**
 * The replay per hour as an SVG: queued conversations, agents signed in and p90 first response
 * (minutes), one panel each over the same hour axis. Self-contained (no scripts, no external refs).
 */
export function replayChartSvg(title: string, hourly: HourFigures[]): string {
  const panels: Panel[] = [
    { title: 'Queued (most at once)', colour: '#c0392b', values: hourly.map((h) => h.queued) },
    { title: 'Agents signed in', colour: '#2471a3', values: hourly.map((h) => h.agents) },
    { title: 'p90 first response (min)', colour: '#1e8449', values: hourly.map((h) => h.p90FirstResponseMinutes) },
  ];
  const height = TOP + panels.length * (PANEL_HEIGHT + GAP);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escape(title)}">`,
    `<title>${escape(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="22" font-family="sans-serif" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  panels.forEach((panel, i) => parts.push(drawPanel(panel, TOP + i * (PANEL_HEIGHT + GAP) + 16, hourly.length)));
  parts.push('</svg>');
  return parts.join('\n');
}

function drawPanel(panel: Panel, top: number, hours: number): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const max = niceMax(Math.max(0, ...panel.values.map((v) => v ?? 0)));
  const x = (hour: number) => LEFT + (hours <= 1 ? 0 : (hour / (hours - 1)) * plotWidth);
  const y = (value: number) => top + PANEL_HEIGHT - (value / max) * PANEL_HEIGHT;
  const out = [
    `<text x="${LEFT}" y="${top - 6}" font-family="sans-serif" font-size="12">${escape(panel.title)}</text>`,
    `<rect x="${LEFT}" y="${top}" width="${plotWidth}" height="${PANEL_HEIGHT}" fill="none" stroke="#999"/>`,
    `<text x="${LEFT - 6}" y="${top + 10}" font-family="sans-serif" font-size="10" text-anchor="end">${max}</text>`,
    `<text x="${LEFT - 6}" y="${top + PANEL_HEIGHT}" font-family="sans-serif" font-size="10" text-anchor="end">0</text>`,
  ];
  for (let day = 24; day < hours; day += 24) {
    out.push(`<line x1="${x(day).toFixed(1)}" y1="${top}" x2="${x(day).toFixed(1)}" y2="${top + PANEL_HEIGHT}" stroke="#ddd"/>`);
    out.push(`<text x="${x(day).toFixed(1)}" y="${top + PANEL_HEIGHT + 12}" font-family="sans-serif" font-size="10" text-anchor="middle">${day} h</text>`);
  }
  // A gap in the line where an hour has no value (no conversation arrived in it).
  let path = '';
  let pen = false;
  panel.values.forEach((value, hour) => {
    if (value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(hour).toFixed(1)},${y(value).toFixed(1)} `;
    pen = true;
  });
  if (path !== '') out.push(`<path d="${path.trim()}" fill="none" stroke="${panel.colour}" stroke-width="1.5"/>`);
  return out.join('\n');
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
