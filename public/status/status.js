'use strict';
// Loaded from a file, not inline: the Content-Security-Policy forbids inline scripts.
// Figures come from the public API; every value is written with textContent, never as HTML.
const API = '/api/v1/stats/live';
const requested = Number(new URLSearchParams(location.search).get('refresh'));
const REFRESH_MS = (requested >= 1 && requested <= 60 ? requested : 5) * 1000;
const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

/** 45 → "45 s", 125 → "2 min 5 s", 3720 → "1 h 2 min". */
function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 60) return seconds + ' s';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s';
  return Math.floor(seconds / 3600) + ' h ' + Math.floor((seconds % 3600) / 60) + ' min';
}

function formatShare(share) {
  return share === null ? '–' : (Math.round(share * 1000) / 10).toFixed(1) + ' %';
}

function languageName(code) {
  if (code === 'und') return 'Undetermined';
  const name = languageNames ? languageNames.of(code) : null;
  return name && name !== code ? name + ' (' + code + ')' : code;
}

function show(id, text, seconds, slaSeconds) {
  const element = document.getElementById(id);
  element.textContent = text;
  if (slaSeconds === undefined) return;
  element.classList.toggle('within-sla', seconds !== null && seconds <= slaSeconds);
  element.classList.toggle('over-sla', seconds !== null && seconds > slaSeconds);
}

function languageRow(figures) {
  const row = document.createElement('tr');
  row.dataset.language = figures.language;
  const cells = [
    [languageName(figures.language), 'name'],
    [String(figures.queued), 'queued'],
    [String(figures.agentsAvailable), 'agents-available'],
    [formatDuration(figures.longestWaitSeconds), 'longest-wait'],
  ];
  for (const [text, field] of cells) {
    const cell = document.createElement('td');
    cell.textContent = text;
    cell.dataset.field = field;
    if (field !== 'name') cell.className = 'number';
    row.appendChild(cell);
  }
  return row;
}

function render(stats) {
  const slaSeconds = stats.slaMinutes * 60;
  document.getElementById('incident').textContent = stats.surgeActive && stats.incident
    ? 'Surge active: ' + stats.incident.name
    : 'No disruption in progress';
  show('queued', String(stats.queued));
  show('longest-wait', formatDuration(stats.longestWaitSeconds), stats.longestWaitSeconds, slaSeconds);
  show('agents-available', String(stats.agentsAvailable));
  show('p50', formatDuration(stats.firstResponse.p50Seconds), stats.firstResponse.p50Seconds, slaSeconds);
  show('p90', formatDuration(stats.firstResponse.p90Seconds), stats.firstResponse.p90Seconds, slaSeconds);
  show('sla', stats.slaMinutes + ' min');
  show('attainment', formatShare(stats.slaAttainment));
  document.getElementById('window').textContent = String(stats.firstResponse.windowMinutes);
  document.getElementById('languages').replaceChildren(...stats.byLanguage.map(languageRow));
  const updated = document.getElementById('updated');
  updated.textContent = 'Updated ' + new Date(stats.updatedAt).toLocaleTimeString('en-GB', { timeZone: 'UTC' }) + ' UTC.';
  updated.dataset.updatedAt = stats.updatedAt;
}

async function refresh() {
  try {
    const response = await fetch(API, { cache: 'no-store' });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    render(await response.json());
    document.getElementById('message').textContent = '';
  } catch (error) {
    document.getElementById('message').textContent = 'Live figures are unavailable right now; retrying.';
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

refresh();
