import type { StudyProgress } from '../../server/src/protocol/quiz';

/**
 * The study progress view as one HTML page: inline SVG charts, no script at all, a content
 * security policy that only allows the nonce-tagged style, and every text escaped.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function progressHtml(progress: StudyProgress, nonce: string, cspSource: string): string {
  const max = Math.max(1, ...progress.duePerDay);
  const barWidth = 18;
  const height = 120;
  const bars = progress.duePerDay
    .map((count, day) => {
      const h = Math.round((count / max) * (height - 20));
      return `<g><rect x="${day * (barWidth + 4)}" y="${height - h}" width="${barWidth}" height="${h}" class="bar${day === 0 ? ' today' : ''}"><title>${day === 0 ? 'today' : `in ${day} day${day === 1 ? '' : 's'}`}: ${count}</title></rect>${count > 0 ? `<text x="${day * (barWidth + 4) + barWidth / 2}" y="${height - h - 4}" text-anchor="middle">${count}</text>` : ''}</g>`;
    })
    .join('');
  const rows = progress.topics
    .map((t) => {
      const retention = t.answers === 0 ? 0 : Math.round((t.correct / t.answers) * 100);
      // SVG attributes, not style attributes: the policy allows no inline styles.
      return `<tr><td>${escapeHtml(t.topic)}</td><td>${t.cards}</td><td>${t.answers}</td><td><svg width="120" height="8" class="meter" role="img" aria-label="${retention}% right"><rect width="120" height="8" class="track"/><rect width="${Math.round(1.2 * retention)}" height="8" class="fill"/></svg> ${retention}%</td></tr>`;
    })
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${escapeHtml(cspSource)} data:; style-src 'nonce-${escapeHtml(nonce)}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Study progress</title>
<style nonce="${escapeHtml(nonce)}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em; }
  .cards { display: flex; gap: 2em; margin: 1em 0; }
  .card { border: 1px solid var(--vscode-panel-border); padding: .6em 1em; border-radius: 4px; }
  .card b { font-size: 1.6em; display: block; }
  svg text { fill: var(--vscode-foreground); font-size: 10px; }
  .bar { fill: var(--vscode-charts-blue, #3794ff); }
  .bar.today { fill: var(--vscode-charts-orange, #d18616); }
  table { border-collapse: collapse; }
  td, th { text-align: left; padding: .3em 1em .3em 0; }
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
<h2>Cards due in the next ${progress.duePerDay.length} days</h2>
<svg width="${progress.duePerDay.length * (barWidth + 4)}" height="${height}" role="img" aria-label="cards due per day">${bars}</svg>
<h2>Retention by topic</h2>
${rows ? `<table><tr><th>Topic</th><th>Cards</th><th>Answers</th><th>Right</th></tr>${rows}</table>` : '<p>No answers yet: run <b>AWS Study: Start Quiz</b>.</p>'}
</body>
</html>`;
}
