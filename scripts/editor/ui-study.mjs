// UI checks of the study side in the real workbench (called by ui-checks.mjs, after the quiz
// check has saved one card): the AWS Study view in the activity bar, the "n due" status item and
// the review it opens, the progress page with dated axes, and the Get Started walkthrough.
// Each check saves a screenshot.
import fs from 'node:fs';
import path from 'node:path';

const DAY = 86_400_000;

/** Cards as the store saves them, answered over the last weeks, some due now, some missed often. */
export function seededCards(now = Date.now()) {
  const topics = ['Simple Storage Service (S3)', 'Amazon S3', 'sqs', 'AWS Lambda', 'Identity Access Management (IAM)', 'AWS CodeDeploy'];
  const cards = {};
  for (let i = 0; i < 18; i++) {
    const topic = topics[i % topics.length];
    const answers = 3 + (i % 4);
    const history = Array.from({ length: answers }, (_, k) => {
      const correct = (i * 7 + k * 3) % 5 !== 0;
      return { at: new Date(now - (40 - i - k * 5) * DAY).toISOString(), rating: correct ? 3 : 1, correct };
    });
    const lapses = history.filter((a) => !a.correct).length;
    cards[`seeded-${i}`] = {
      card: {
        due: new Date(now + ((i % 9) - 2) * DAY).toISOString(),
        stability: 1 + (i % 6) * 2.5,
        difficulty: 5,
        elapsed_days: 2,
        scheduled_days: 3,
        learning_steps: 0,
        reps: answers,
        lapses,
        state: 2,
        last_review: history.at(-1).at,
      },
      question: {
        id: `seeded-${i}`,
        type: 'true-false',
        topic,
        prompt: `True or false: statement ${i + 1} about ${topic}.`,
        options: ['True', 'False'],
        answer: 'True',
        explanation: 'Seeded by the UI checks.',
        source: { file: '/notes/seeded.md', startLine: i + 3, endLine: i + 3, kind: 'user' },
      },
      created: history[0].at,
      history,
    };
  }
  return cards;
}

export async function runStudyChecks({ page, check, shot, until, profile }) {
  const runCommand = async (title) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^[^:]+: /, '') })
      .first()
      .waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
  };
  // Webviews (the progress page, the walkthrough's Markdown) keep the keyboard: an editor tab takes it back.
  const focusWorkbench = async () => {
    await page.locator('.tab', { hasText: 'clean.json' }).first().click();
    await page.locator('.tab.active[aria-label*="clean.json"]').first().waitFor({ state: 'visible' });
  };
  // Rows of the AWS Study view only (the Problems panel has rows too).
  const viewRow = (text) => page.locator('[id="workbench.view.extension.awsStudy"] .monaco-list-row', { hasText: text }).first();

  await check('the AWS Study view: counts, topics and the notes folder, whose click opens its finding', async () => {
    // Room for the view and the pages below: hide the bottom panel when it is open (the command
    // is only offered then).
    await runCommand('View: Hide Panel').catch(() => page.keyboard.press('Escape'));
    await page.locator('.activitybar [aria-label^="AWS Study"]').first().click();
    await viewRow('Due today').waitFor({ state: 'visible', timeout: 30_000 });
    await viewRow('Review Due Cards').waitFor({ state: 'visible' });
    await viewRow(/\d+ cards?$/).waitFor({ state: 'visible', timeout: 30_000 }); // the topic of the cards the quiz checks saved
    const folder = viewRow('1 finding');
    await folder.waitFor({ state: 'visible', timeout: 60_000 });
    await shot('study-view.png');
    await folder.click();
    await page.locator('.tab.active[aria-label*="queues.md"]').first().waitFor({ state: 'visible' });
  });

  await check('"n due" in the status bar opens the review of the due cards', async () => {
    const file = path.join(profile.userDataDir, 'User', 'globalStorage', 'aws-study-hints.aws-study-hints', 'study-cards.json');
    const store = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...store, cards: { ...store.cards, ...seededCards() } }));
    await runCommand('AWS Study: Restart Language Server'); // the server reads the file when it starts
    // Six of the seeded cards are due now (the quiz check's card may be too).
    const item = page.locator('.statusbar-item', { hasText: / (?:[6-9]|\d\d) due$/ }).first();
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    await viewRow('Amazon S3').waitFor({ state: 'visible', timeout: 30_000 });
    await shot('study-status.png');
    await item.click();
    const title = page.locator('.quick-input-widget .quick-input-title');
    // The review opens in the quiz panel (the default) or, with awsStudyHints.quiz.interface, in a QuickPick.
    const panelTab = page.locator('.tab[aria-label*="Review due cards" i]').first();
    await until(
      'the review',
      async () => /Review due cards · 1\//.test(await title.innerText().catch(() => '')) || (await panelTab.isVisible().catch(() => false)),
    );
    await page.keyboard.press('Escape');
    // The panel keeps the keyboard while it is open (a busy machine may not have handed Escape to
    // it yet): close its tab with the mouse so the next check's F1 reaches the workbench.
    if (await panelTab.isVisible().catch(() => false)) {
      await panelTab.hover();
      await panelTab.locator('.codicon-close').first().click();
      await panelTab.waitFor({ state: 'detached', timeout: 10_000 });
    }
  });

  await check('the progress page: dated axes, right answers per week, the hardest cards', async () => {
    await runCommand('AWS Study: Show Study Progress');
    await until(
      'the dated progress page',
      async () => {
        for (const frame of page.frames()) {
          const text = await frame
            .locator('body')
            .innerText()
            .catch(() => '');
          if (text.includes('Hardest cards') && text.includes('Right answers per week') && text.includes('Today')) return true;
        }
        return false;
      },
      30_000,
    );
    await shot('progress-dated.png');
    await focusWorkbench();
  });

  await check('the Get Started walkthrough opens the example policy', async () => {
    await runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget input').fill('AWS Study Hints');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with AWS Study Hints' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const button = page.locator('.getting-started-step a, .getting-started-step button', { hasText: 'Open Example Policy' }).first();
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    await shot('walkthrough.png');
    await button.click();
    await page.locator('.tab.active[aria-label*="Untitled"]').first().waitFor({ state: 'visible' });
    await page.locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 60_000 });
    await runCommand('View: Revert and Close Editor');
    await focusWorkbench();
  });
}
