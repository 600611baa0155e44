// UI checks in the real workbench, with the packaged .vsix installed as a user would install
// it: squiggles and the Problems panel, the hover widget, the quick-fix menu driven by the
// keyboard, completion, the command palette and a QuickPick, the language status item, the quiz
// panel answered with the keyboard only (and the QuickPick quiz). The study side (the AWS Study
// view, the status item, the progress page, the walkthrough) is in ui-study.mjs.
// Each check saves a screenshot; `npm run screenshots` writes them to docs/images for the README.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { poll } from '../../test/support/poll.mjs';
import { CHROMIUM_ARGS, installVsix, makeProfile, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { root } from './tools.mjs';
import { runIamToolChecks } from './ui-iam.mjs';
import { runStudyChecks } from './ui-study.mjs';

/** Packages the extension with vsce into `outDir`; returns the .vsix path. */
export function packageExtension(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  return vsix;
}

/** The shared polling helper (test/support/poll.mjs), every 200 ms, with a 30 s deadline by default. */
const until = (what, probe, timeoutMs = 30_000) => poll(what, probe, { timeoutMs, intervalMs: 200 });

/** Quick Open (Control+P) a workspace file and wait for its editor. */
async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(name) }).first();
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page
    .locator(`.tab.active[aria-label*="${path.basename(name)}"]`)
    .first()
    .waitFor({ state: 'visible' });
  await page.locator('.editor-instance .view-lines').first().waitFor({ state: 'visible' });
}

/** Centre of the innermost rendered token whose text is exactly `text` (last match wins). */
async function tokenCentre(page, text, { edge = 'centre' } = {}) {
  return until(`token "${text}" on screen`, () =>
    page.evaluate(
      ([wanted, where]) => {
        const spans = [...document.querySelectorAll('.editor-instance .view-lines span')].filter((s) => s.children.length === 0);
        const exact = spans.filter((s) => s.textContent === wanted);
        const span = exact.at(-1) ?? spans.filter((s) => s.textContent.includes(wanted)).at(-1);
        if (!span) return undefined;
        const rect = span.getBoundingClientRect();
        const x = where === 'end' ? rect.right - 1 : rect.left + rect.width / 2;
        return { x, y: rect.top + rect.height / 2 };
      },
      [text, edge],
    ),
  );
}

/** Waits until the workbench's widget animations (hover and menu fade-ins) have finished. */
async function settled(page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/**
 * Moves the mouse onto a point until a hover containing `text` shows (the server starts
 * asynchronously, so the first hovers may come back empty): away and back, polling.
 */
async function hoverUntil(page, what, point, text) {
  const hover = page.locator('.monaco-hover', { hasText: text });
  await until(
    what,
    async () => {
      await page.mouse.move(5, 5);
      const target = await point();
      if (!target) return false;
      await page.mouse.move(target.x, target.y);
      try {
        await hover.first().waitFor({ state: 'visible', timeout: 2_500 });
        return true;
      } catch {
        return false;
      }
    },
    45_000,
  );
  return hover.first();
}

async function editorText(page) {
  return page.locator('.editor-instance .view-lines').first().innerText();
}

/** The active editor takes no typing (a read-only bundled note); then it is closed. */
async function expectReadOnlyAndClose(page) {
  const before = await editorText(page);
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.type('edited');
  await settled(page);
  if ((await editorText(page)) !== before) throw new Error('the bundled note took an edit');
  await page.keyboard.press('Control+W');
}

export async function runUiChecks({ executablePath, vsix, screenshotsDir, workspace }) {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const results = [];
  const profile = makeProfile();
  let server;
  let browser;
  try {
    installVsix(profile, vsix);
    server = await startCodeServer(profile);
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(workbenchUrl(server, workspace));
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    const shot = async (name) => {
      await settled(page);
      await page.screenshot({ path: path.join(screenshotsDir, name) });
    };
    const check = async (name, work) => {
      try {
        await work();
        results.push({ name: `ui: ${name}`, ok: true });
      } catch (error) {
        results.push({ name: `ui: ${name}`, ok: false, error: error.stack ?? String(error) });
        await page.screenshot({ path: path.join(screenshotsDir, `failed-${name.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => {});
        await page.keyboard.press('Escape').catch(() => {});
      }
    };

    await check('diagnostics appear as squiggles and in the Problems panel', async () => {
      await openFile(page, 'identity-typos.json');
      await page.locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'IAM042' }).first().waitFor({ state: 'visible' });
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'IAM022' }).first().waitFor({ state: 'visible' });
      await shot('diagnostics.png');
    });

    await check('hover explains an action', async () => {
      const hover = await hoverUntil(page, 'hover widget on s3:ListBucket', () => tokenCentre(page, 'ListBucket'), 's3:ListBucket');
      const text = await hover.innerText();
      if (!/List · Amazon S3/.test(text)) throw new Error(`unexpected hover text: ${text}`);
      await shot('hover.png');
      await page.mouse.move(5, 5);
    });

    await check('quick-fix from the lightbulb menu, with the keyboard', async () => {
      const { x, y } = await tokenCentre(page, 'GetObjects');
      await page.mouse.click(x, y);
      await page.keyboard.press('Control+.');
      const rows = page.locator('.action-widget .monaco-list-row');
      await rows.first().waitFor({ state: 'visible' });
      await until(
        'the fix focused in the menu',
        async () => {
          const focused = await page
            .locator('.action-widget .monaco-list-row.focused')
            .first()
            .innerText()
            .catch(() => '');
          if (focused.includes('Change to "s3:GetObject"')) return true;
          await page.keyboard.press('ArrowDown');
          return false;
        },
        15_000,
      );
      await shot('quick-fix.png');
      await page.keyboard.press('Enter');
      await until('the action rewritten', async () => (await editorText(page)).includes('"s3:GetObject",'));
      await page.keyboard.press('Control+Z');
    });

    await check('completion offers the actions of a service', async () => {
      await openFile(page, 'completion.json');
      // The grammar splits `s3:Get` into service, colon and action tokens: click after `Get`.
      const { x, y } = await tokenCentre(page, 'Get', { edge: 'end' });
      await page.mouse.click(x, y);
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 's3:GetAccess' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await page.keyboard.type('Object');
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 's3:GetObject' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await shot('completion.png');
      await page.keyboard.press('Escape');
    });

    await check('language status item shows what the server sees', async () => {
      await openFile(page, 'clean.json');
      const item = page.locator('[id="status.languageStatus"]');
      await item.waitFor({ state: 'visible' });
      await until(
        'IAM status in the language status hover',
        async () => {
          await item.click();
          try {
            await page.locator('.monaco-hover', { hasText: 'IAM identity policy' }).first().waitFor({ state: 'visible', timeout: 2_000 });
            return true;
          } catch {
            await page.keyboard.press('Escape');
            return false;
          }
        },
        30_000,
      );
      await shot('status.png');
      await page.keyboard.press('Escape');
    });

    await check('buildspec: squiggles and a hover on a phase', async () => {
      await openFile(page, 'buildspec.yml');
      await page.locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 60_000 });
      await hoverUntil(page, 'hover on the build phase', () => tokenCentre(page, 'build'), 'post_build');
      await shot('buildspec.png');
      await page.mouse.move(5, 5);
    });

    await check('a hover link opens the bundled note read-only', async () => {
      await openFile(page, 'buildspec.yml');
      const hover = await hoverUntil(page, 'hover on artifacts', () => tokenCentre(page, 'artifacts'), 'From AWS Study Hints knowledge');
      // The link runs the openNote command (the one command link hovers are trusted with).
      await hover
        .locator('a', { hasText: /^open$/ })
        .first()
        .click();
      await page.locator('.tab.active[aria-label*="codebuild.md"]').first().waitFor({ state: 'visible' });
      await expectReadOnlyAndClose(page);
    });

    await check('AppSpec: a hook hover shows the deployment lifecycle', async () => {
      await openFile(page, 'appspec.yml');
      await page.locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 60_000 });
      await hoverUntil(page, 'hover on ApplicationStart', () => tokenCentre(page, 'ApplicationStart'), 'Show Deployment Lifecycle');
      await shot('appspec.png');
      await page.mouse.move(5, 5);
    });

    await check('Search Notes: a live QuickPick over notes and knowledge', async () => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>AWS Study: Search Notes');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Search Notes' }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      // Type only into the search box itself, once it is there (never into the editor behind it).
      const search = page.locator('.quick-input-widget input[placeholder*="Search your notes"]');
      await search.waitFor({ state: 'visible' });
      await search.fill('visibility timeout');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'From AWS Study Hints knowledge' })
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      await shot('notes-search.png');
      // Nothing matches three typos: the one row says so and offers the nearest word; Enter searches for it.
      await search.fill('Kynesys');
      const suggestion = page.locator('.quick-input-list .monaco-list-row', { hasText: 'No results — did you mean "kinesis"?' });
      await suggestion.first().waitFor({ state: 'visible', timeout: 20_000 });
      await until('only the suggestion', async () => (await page.locator('.quick-input-list .monaco-list-row').count()) === 1);
      await shot('notes-did-you-mean.png');
      await page.keyboard.press('Enter');
      await until('the search for kinesis', async () => (await search.inputValue()) === 'kinesis');
      const bundled = page.locator('.quick-input-list .monaco-list-row', { hasText: 'From AWS Study Hints knowledge' });
      await bundled.first().waitFor({ state: 'visible', timeout: 20_000 });
      // The bundled note opens read-only: typing into it changes nothing.
      await bundled.first().click();
      await page.locator('.tab.active[aria-label*="kinesis.md"]').first().waitFor({ state: 'visible' });
      await expectReadOnlyAndClose(page);
    });

    await check('notes lint marks a wrong fact in a note', async () => {
      await openFile(page, 'queues.md');
      await page.locator('.squiggly-warning').first().waitFor({ state: 'visible', timeout: 60_000 });
      await hoverUntil(
        page,
        'hover on the wrong number',
        async () => {
          const box = await page.locator('.squiggly-warning').first().boundingBox();
          return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : undefined;
        },
        '14 days',
      );
      await shot('notes-lint.png');
      await page.mouse.move(5, 5);
    });

    // Before the quiz and study checks, whose webviews keep the keyboard.
    await runIamToolChecks({ page, check, shot, until, openFile, hoverUntil, tokenCentre });

    const runCommand = async (title) => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>AWS Study: ${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
    };
    const pickRow = async (text) => {
      // Filter first: long lists only render the rows in view.
      await page.locator('.quick-input-widget input').fill(text);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await page.keyboard.press('Enter');
    };
    const savedCards = () => {
      const saved = path.join(profile.userDataDir, 'User', 'globalStorage', 'aws-study-hints.aws-study-hints', 'study-cards.json');
      return fs.existsSync(saved) ? Object.keys(JSON.parse(fs.readFileSync(saved, 'utf8')).cards).length : 0;
    };
    /** The quiz page (a frame inside the webview) if its text matches now, read through the DOM. */
    const readQuizPage = async (pattern) => {
      for (const frame of page.frames()) {
        const seen = await frame
          .evaluate(() => {
            const app = document.getElementById('app');
            if (!app) return undefined;
            const has = (selector) => Boolean(app.querySelector(selector));
            return { text: app.innerText, typed: has('#answer'), ordering: has('.order'), multi: has('[aria-multiselectable]') };
          })
          .catch(() => undefined);
        if (seen && pattern.test(seen.text)) return seen;
      }
      return undefined;
    };
    const quizPage = (what, pattern) => until(what, () => readQuizPage(pattern));

    await check('a quiz in the panel, keyboard only: five questions, the feedback, the summary, saved', async () => {
      // The Problems panel, opened by the first check, would take half of the screenshots.
      if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
      await runCommand('Start Quiz');
      await pickRow('SQS');
      await pickRow('5');
      let presses = 0;
      const key = async (name) => {
        presses++;
        await page.keyboard.press(name);
      };
      for (let n = 1; n <= 5; n++) {
        const question = await quizPage(`question ${n} in the panel`, new RegExp(`${n} of 5`));
        if (n === 1) await shot('quiz-question.png');
        if (question.typed) {
          await page.keyboard.type('14 days'); // the answer itself, typed into the field
          await key('Enter');
        } else if (question.ordering) {
          await key('Enter');
        } else if (question.multi) {
          await key('1');
          await key('Enter');
        } else {
          await key('1'); // one key answers a choice question
        }
        await quizPage(`the feedback on question ${n}`, /✓ Right|✗ Not quite/);
        if (n === 1) await shot('quiz-feedback.png');
        await key('Enter');
      }
      const summary = await quizPage('the summary', /of 5 right · next review/);
      await shot('quiz-summary.png');
      if (presses > 12) throw new Error(`${presses} key presses for 5 questions`);
      if (!/Every answer is saved/.test(summary.text)) throw new Error(`unexpected summary: ${summary.text}`);
      if (savedCards() !== 5) throw new Error(`expected 5 saved cards, found ${savedCards()}`);
      await page.keyboard.press('Enter'); // closes the panel
      await page.locator('.tab', { hasText: 'Quiz · SQS' }).first().waitFor({ state: 'detached', timeout: 10_000 });
    });

    await check('Escape on a question in the panel records nothing, and the page says so', async () => {
      await runCommand('Start Quiz');
      await pickRow('S3');
      await pickRow('5');
      await quizPage('the first question', /1 of 5/);
      await page.keyboard.press('Escape');
      await quizPage('the page saying nothing was recorded', /Quiz cancelled: nothing was answered, nothing recorded\./);
      await shot('quiz-cancelled.png');
      await page.keyboard.press('Escape'); // closes the panel
      await page.locator('.tab', { hasText: 'Quiz · S3' }).first().waitFor({ state: 'detached', timeout: 10_000 });
      if (savedCards() !== 5) throw new Error(`a cancelled quiz saved a card: ${savedCards()} cards`);
    });

    await check('the QuickPick quiz (awsStudyHints.quiz.interface) cancels without recording, and the progress view', async () => {
      const settingsFile = path.join(workspace, '.vscode', 'settings.json');
      const original = fs.readFileSync(settingsFile, 'utf8');
      fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(original), 'awsStudyHints.quiz.interface': 'quickPick' }, null, 2));
      try {
        const title = page.locator('.quick-input-widget .quick-input-title');
        const dialog = page.locator('.monaco-dialog-box');
        // The editor reads the changed settings file on its own: start quizzes until one asks in a QuickPick.
        await until(
          'the first question in a QuickPick or a dialog',
          async () => {
            await runCommand('Start Quiz');
            await pickRow('SQS');
            await pickRow('5');
            const shown = await until(
              'a question',
              async () => {
                if (/Quiz · SQS · 1\/\d+/.test(await title.innerText().catch(() => '')) || (await dialog.isVisible().catch(() => false))) return 'quickPick';
                return (await readQuizPage(/1 of 5/)) ? 'panel' : undefined;
              },
              20_000,
            );
            if (shown === 'quickPick') return true;
            await page.keyboard.press('Escape');
            await page.keyboard.press('Escape');
            return false;
          },
          40_000,
        );
        await shot('quiz-quickpick.png');
        await page.keyboard.press('Escape');
        await page
          .locator('.notification-toast', { hasText: 'Quiz cancelled: nothing was answered, nothing recorded.' })
          .first()
          .waitFor({ state: 'visible', timeout: 10_000 });
        if (savedCards() !== 5) throw new Error(`a cancelled QuickPick quiz saved a card: ${savedCards()} cards`);
      } finally {
        fs.writeFileSync(settingsFile, original);
      }
      await runCommand('Show Study Progress');
      await page.locator('.webview, iframe.webview').first().waitFor({ state: 'attached', timeout: 20_000 });
      await until(
        'the progress view',
        async () => {
          for (const frame of page.frames()) {
            const text = await frame
              .locator('body')
              .innerText()
              .catch(() => '');
            if (text.includes('cards studied')) return true;
          }
          return false;
        },
        30_000,
      );
      await shot('progress.png');
      // The webview keeps the keyboard: give the focus back to the workbench through the explorer.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'clean.json' }).first().click();
      await page.locator('.tab.active[aria-label*="clean.json"]').first().waitFor({ state: 'visible' });
    });

    await runStudyChecks({ page, check, shot, until, profile });

    await check('AWS Study commands in the palette and their QuickPick', async () => {
      await openFile(page, 'clean.json'); // "Set IAM Policy Kind" works on the active editor
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>AWS Study: ');
      const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: 'AWS Study:' });
      await until('the AWS Study commands', async () => (await rows.count()) >= 12);
      await shot('commands.png');
      await input.fill('>AWS Study: Set IAM Policy Kind');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Set IAM Policy Kind for This File' }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'scp' }).first().waitFor({ state: 'visible' });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'trust' }).first().waitFor({ state: 'visible' });
      await shot('policy-kind-quickpick.png');
      await page.keyboard.press('Escape');
    });
  } catch (error) {
    results.push({ name: 'ui: workbench', ok: false, error: `${error.stack ?? error}\n--- code-server ---\n${server?.output().slice(-3000) ?? ''}` });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    fs.rmSync(profile.base, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  return results;
}
