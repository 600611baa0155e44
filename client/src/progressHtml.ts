import type { HardCard, StudyProgress, WeekProgress } from '../../server/src/protocol/quiz';

/**
 * The study progress view as one HTML page: inline SVG charts, no script at all, a content
 * security policy that only allows the nonce-tagged style, and every text escaped. Colours are
 * classes of that style and sizes SVG attributes, since the policy allows no inline styles.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The head of our webview pages: a Content-Security-Policy that allows nothing but what the page
 * names (nonce-scoped styles and scripts, the webview's own images), the viewport and the title.
 */
export function webviewHead(options: { nonce: string; title: string; script?: boolean; imgSource?: string }): string {
  const n = escapeHtml(options.nonce);
  const img = options.imgSource ? ` img-src ${escapeHtml(options.imgSource)} data:;` : '';
  const script = options.script ? ` script-src 'nonce-${n}';` : '';
  return `<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none';${img} style-src 'nonce-${n}';${script}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A YYYY-MM-DD date as the calendar day it names (local time, the server computed it so). */
function dayOf(date: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
}

/** "Mon 12 Jan" — English like the rest of the extension, and the same on every machine. */
export function dayLabel(date: string, withWeekday = true): string {
  const day = dayOf(date);
  if (!day) return date;
  return `${withWeekday ? `${WEEKDAYS[day.getDay()]} ` : ''}${day.getDate()} ${MONTHS[day.getMonth()]}`;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const percent = (correct: number, answers: number) => (answers === 0 ? 0 : Math.round((correct / answers) * 100));

const AXIS = 28; // room under a chart for the date labels
const LEFT = 38; // room left of a chart for the value labels ("100%")

/** Cards due per day: one bar per day, today first, a date under every seventh day and a scale on the left. */
function dueChart(progress: StudyProgress): string {
  const counts = progress.duePerDay;
  const max = Math.max(1, ...counts);
  const barWidth = 18;
  const gap = 4;
  const plot = 110;
  const width = LEFT + counts.length * (barWidth + gap);
  const top = 12;
  const bars = counts
    .map((count, day) => {
      const x = LEFT + day * (barWidth + gap);
      const h = Math.round((count / max) * plot);
      const date = progress.dueDates[day];
      const when = day === 0 ? `today${date ? `, ${dayLabel(date)}` : ''} (overdue included)` : date ? dayLabel(date) : `in ${plural(day, 'day')}`;
      const label = count > 0 ? `<text x="${x + barWidth / 2}" y="${top + plot - h - 3}" text-anchor="middle">${count}</text>` : '';
      return `<g><rect x="${x}" y="${top + plot - h}" width="${barWidth}" height="${h}" class="bar${day === 0 ? ' today' : ''}"><title>${escapeHtml(when)}: ${plural(count, 'card')}</title></rect>${label}</g>`;
    })
    .join('');
  const ticks = counts
    .map((_, day) => {
      if (day % 7 !== 0) return '';
      const x = LEFT + day * (barWidth + gap);
      const date = progress.dueDates[day];
      const text = day === 0 ? 'Today' : date ? dayLabel(date) : `+${day}d`;
      return `<line x1="${x + barWidth / 2}" y1="${top + plot}" x2="${x + barWidth / 2}" y2="${top + plot + 4}" class="axis"/><text x="${x}" y="${top + plot + 16}" class="tick">${escapeHtml(text)}</text>`;
    })
    .join('');
  const scale = `<text x="${LEFT - 6}" y="${top + 4}" text-anchor="end" class="tick">${max}</text><text x="${LEFT - 6}" y="${top + plot}" text-anchor="end" class="tick">0</text><line x1="${LEFT - 2}" y1="${top}" x2="${width}" y2="${top}" class="grid"/><line x1="${LEFT - 2}" y1="${top + plot}" x2="${width}" y2="${top + plot}" class="axis"/>`;
  return `<svg width="${width}" height="${top + plot + AXIS}" role="img" aria-label="cards due per day for the next ${counts.length} days">${scale}${bars}${ticks}</svg>`;
}

/** Right answers per week as a line from 0 to 100 %, one point per week with answers, the week's first day under it. */
function weeksChart(weeks: readonly WeekProgress[]): string {
  const step = 56;
  const plot = 100;
  const top = 12;
  const width = LEFT + Math.max(1, weeks.length) * step;
  const y = (share: number) => top + plot - Math.round((share / 100) * plot);
  const points = weeks.map((week, i) => ({ week, x: LEFT + i * step + step / 2, share: percent(week.correct, week.answers) }));
  // Weeks without answers break the line rather than read as 0 %.
  const segments: string[][] = [[]];
  for (const p of points) {
    if (p.week.answers === 0) segments.push([]);
    else segments.at(-1)!.push(`${p.x},${y(p.share)}`);
  }
  const lines = segments
    .filter((s) => s.length > 1)
    .map((s) => `<polyline points="${s.join(' ')}" class="line"/>`)
    .join('');
  const dots = points
    .map(({ week, x, share }) => {
      const label = `<text x="${x}" y="${top + plot + 16}" text-anchor="middle" class="tick">${escapeHtml(dayLabel(week.start, false))}</text>`;
      if (week.answers === 0) return label;
      const title = `Week of ${dayLabel(week.start)}: ${week.correct} of ${plural(week.answers, 'answer')} right (${share}%)`;
      return `<g><circle cx="${x}" cy="${y(share)}" r="4" class="dot"><title>${escapeHtml(title)}</title></circle><text x="${x}" y="${y(share) - 8}" text-anchor="middle">${share}%</text></g>${label}`;
    })
    .join('');
  const scale = [100, 50, 0]
    .map(
      (share) =>
        `<text x="${LEFT - 6}" y="${y(share) + 4}" text-anchor="end" class="tick">${share}%</text><line x1="${LEFT - 2}" y1="${y(share)}" x2="${width}" y2="${y(share)}" class="${share === 0 ? 'axis' : 'grid'}"/>`,
    )
    .join('');
  return `<svg width="${width}" height="${top + plot + AXIS}" role="img" aria-label="share of right answers per week">${scale}${lines}${dots}</svg>`;
}

function meter(retention: number): string {
  return `<svg width="120" height="8" class="meter" role="img" aria-label="${retention}% right"><rect width="120" height="8" class="track"/><rect width="${Math.round(1.2 * retention)}" height="8" class="fill"/></svg>`;
}

function memory(stability: number): string {
  if (stability < 1) return 'under a day';
  return stability < 60 ? plural(Math.round(stability), 'day') : plural(Math.round(stability / 30), 'month');
}

function hardestRows(cards: readonly HardCard[]): string {
  return cards
    .map((card) => {
      const prompt = card.prompt.length > 140 ? `${card.prompt.slice(0, 137)}…` : card.prompt;
      const file = card.source.file.split(/[\\/]/).pop() ?? card.source.file;
      const due = new Date(card.due);
      const next = Number.isNaN(due.getTime())
        ? ''
        : dayLabel(`${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`);
      return `<tr><td class="prompt">${escapeHtml(prompt)}<div class="source">${escapeHtml(`${file}:${card.source.line}`)}</div></td><td>${escapeHtml(card.topic)}</td><td>${card.wrong} of ${card.answers}</td><td>${card.lapses}</td><td>${escapeHtml(memory(card.stability))}</td><td>${escapeHtml(next)}</td></tr>`;
    })
    .join('');
}

export function progressHtml(progress: StudyProgress, nonce: string, cspSource: string): string {
  const topics = progress.topics
    .map((t) => {
      const retention = percent(t.correct, t.answers);
      return `<tr><td>${escapeHtml(t.topic)}</td><td>${t.cards}</td><td>${t.answers}</td><td>${meter(retention)} ${retention}%</td></tr>`;
    })
    .join('');
  const answered = progress.weeks.some((w) => w.answers > 0);
  const hardest = hardestRows(progress.hardest);
  return `<!DOCTYPE html>
<html lang="en">
<head>
${webviewHead({ nonce, title: 'Study progress', imgSource: cspSource })}
<style nonce="${escapeHtml(nonce)}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
  .cards { display: flex; gap: 2em; margin: 1em 0; flex-wrap: wrap; }
  .card { border: 1px solid var(--vscode-panel-border); padding: .6em 1em; border-radius: 4px; }
  .card b { font-size: 1.6em; display: block; }
  .charts { display: flex; gap: 3em; flex-wrap: wrap; }
  svg text { fill: var(--vscode-foreground); font-size: 10px; }
  svg text.tick { fill: var(--vscode-descriptionForeground); }
  .bar { fill: var(--vscode-charts-blue, #3794ff); }
  .bar.today { fill: var(--vscode-charts-orange, #d18616); }
  .axis { stroke: var(--vscode-descriptionForeground, #888); stroke-width: 1; }
  .grid { stroke: var(--vscode-panel-border, #444); stroke-width: 1; stroke-dasharray: 2 3; }
  .line { fill: none; stroke: var(--vscode-charts-green, #388a34); stroke-width: 2; }
  .dot { fill: var(--vscode-charts-green, #388a34); }
  table { border-collapse: collapse; }
  td, th { text-align: left; padding: .3em 1em .3em 0; vertical-align: top; }
  td.prompt { max-width: 36em; }
  .source { color: var(--vscode-descriptionForeground); font-size: .9em; }
  .meter { vertical-align: middle; }
  .track { fill: var(--vscode-editorWidget-background, #333); }
  .fill { fill: var(--vscode-charts-green, #388a34); }
</style>
</head>
<body>
<h1>Study progress</h1>
<div class="cards">
  <div class="card"><b>${progress.cards}</b>cards studied</div>
  <div class="card"><b>${progress.dueNow}</b>due now</div>
  <div class="card"><b>${progress.answersToday}</b>answers today</div>
  <div class="card"><b>${progress.streak}</b>day streak</div>
</div>
<div class="charts">
<section>
<h2>Cards due in the next ${progress.duePerDay.length} days</h2>
${dueChart(progress)}
</section>
<section>
<h2>Right answers per week</h2>
${answered ? weeksChart(progress.weeks) : '<p>No answers yet.</p>'}
</section>
</div>
<h2>Retention by topic</h2>
${topics ? `<table><tr><th>Topic</th><th>Cards</th><th>Answers</th><th>Right</th></tr>${topics}</table>` : '<p>No answers yet: run <b>AWS Study: Start Quiz</b>.</p>'}
<h2>Hardest cards</h2>
${hardest ? `<table><tr><th>Question</th><th>Topic</th><th>Missed</th><th>Lapses</th><th>Memory</th><th>Next review</th></tr>${hardest}</table>` : '<p>No card has been missed yet.</p>'}
</body>
</html>`;
}
