// UI checks of the policy tools in the real workbench (called by ui-checks.mjs): a SAM template's
// embedded policy (squiggle and hover), Explain This
// Policy (its page beside the file and the code lens above each statement) and Simulate Request
// answered with the keyboard only. Each check saves a screenshot.

/** The text of a webview frame (the Markdown preview) once it matches `pattern`. */
async function frameText(page, pattern) {
  for (const frame of page.frames()) {
    const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (pattern.test(text)) return text;
  }
  return undefined;
}

export async function runIamToolChecks({ page, check, shot, until, openFile, hoverUntil, tokenCentre }) {
  // From the explorer: Quick Open may still list the recent editors first when Enter lands.
  const openFromExplorer = async (name) => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await page.locator(`.tab.active[aria-label*="${name}"]`).first().waitFor({ state: 'visible' });
  };
  const runCommand = async (title) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>AWS Study: ${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
  };

  await check('a SAM template: a squiggle on the action typo and the IAM hover inside its policy', async () => {
    // The Problems panel, opened by the first check, would hide the policy's lines.
    if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
    await openFile(page, 'template.yaml');
    await page.locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 60_000 });
    await hoverUntil(page, 'hover on sqs:SendMessage', () => tokenCentre(page, 'SendMessage'), 'SendMessage');
    await shot('template.png');
    await page.mouse.move(5, 5);
  });

  await check('Explain This Policy: a code lens above the statement and the explanation beside the file', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await openFromExplorer('clean.json');
    await page.locator('.codelens-decoration', { hasText: 'Allows' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand('Explain This Policy');
    await until('the explanation page', () => frameText(page, /What clean\.json allows/));
    await shot('explain.png');
  });

  await check('Simulate Request with the keyboard: the decision and the deciding statement beside the file', async () => {
    await page.keyboard.press('Escape');
    await openFromExplorer('clean.json');
    await runCommand('Simulate Request');
    const input = page.locator('.quick-input-widget input');
    const step = async (title) => {
      await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
    };
    await step('1/5');
    await input.fill('dynamodb:GetItem');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'dynamodb:GetItem' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await step('2/5'); // the ARN templates of the action
    await page.keyboard.press('Enter');
    await step('edit the resource ARN');
    await input.fill('arn:aws:dynamodb:eu-west-1:123456789012:table/orders');
    await page.keyboard.press('Enter');
    await step('3/5');
    await input.fill('arn:aws:iam::123456789012:role/app');
    await page.keyboard.press('Enter');
    await step('4/5');
    await page.keyboard.press('Enter'); // the pre-filled context
    await step('5/5');
    await page.keyboard.press('Enter'); // no other policies
    await step('What is clean.json');
    await page.keyboard.press('Enter'); // identity
    await until('the simulation page', () => frameText(page, /allowed/i));
    await shot('simulate.png');
  });
}
