/**
 * The quiz panel's style: the editor's theme through its CSS variables (light, dark and high
 * contrast alike), readable line lengths, a visible keyboard cursor. Inline in the page under
 * the nonce, since the content security policy allows nothing else.
 */
export const QUIZ_STYLE = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 1.5em; }
  main { max-width: 52em; outline: none; }
  header { display: flex; gap: 1em; align-items: baseline; flex-wrap: wrap; margin: 1em 0 .4em; }
  .title { font-weight: 600; }
  .muted { color: var(--vscode-descriptionForeground); }
  .prompt { font-size: 1.25em; font-weight: 600; line-height: 1.45; white-space: pre-wrap; margin: .4em 0 1em; }
  .options { list-style: none; padding: 0; margin: 0 0 1em; }
  .option { display: flex; gap: .7em; align-items: baseline; padding: .45em .7em; margin: .2em 0; border: 1px solid var(--vscode-panel-border, transparent); border-radius: 4px; cursor: pointer; line-height: 1.4; }
  .option:hover { background: var(--vscode-list-hoverBackground); }
  .option.cursor { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); outline: 1px solid var(--vscode-focusBorder); }
  .tick { font-size: 1.1em; }
  kbd { font-family: var(--vscode-font-family); font-size: .85em; padding: 0 .4em; border-radius: 3px; border: 1px solid var(--vscode-keybindingLabel-border, var(--vscode-panel-border)); border-bottom-color: var(--vscode-keybindingLabel-bottomBorder, var(--vscode-panel-border)); background: var(--vscode-keybindingLabel-background, transparent); color: var(--vscode-keybindingLabel-foreground, inherit); }
  input { width: 100%; box-sizing: border-box; font: inherit; font-size: 1.1em; padding: .45em .6em; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-panel-border)); border-radius: 3px; margin-bottom: 1em; }
  input:focus { outline: 1px solid var(--vscode-focusBorder); }
  .keys { margin-top: 1.2em; color: var(--vscode-descriptionForeground); line-height: 2; }
  .feedback .keys { margin: .6em 0 1em; padding-bottom: .6em; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
  .hint { color: var(--vscode-editorWarning-foreground, inherit); }
  .error { padding: .4em .7em; border-left: 3px solid var(--vscode-inputValidation-errorBorder, red); background: var(--vscode-inputValidation-errorBackground, transparent); }
  .verdict { font-size: 1.3em; font-weight: 600; margin: .2em 0 .6em; }
  .right { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
  .wrong { color: var(--vscode-testing-iconFailed, var(--vscode-charts-red)); }
  .label { display: inline-block; min-width: 7em; color: var(--vscode-descriptionForeground); }
  .explanation { line-height: 1.5; white-space: pre-line; }
  .source { margin: 1em 0; padding: .5em .8em; border-left: 3px solid var(--vscode-textBlockQuote-border, var(--vscode-panel-border)); background: var(--vscode-textBlockQuote-background, transparent); }
  .source pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family, monospace); margin: .5em 0 0; }
  a { color: var(--vscode-textLink-foreground); }
  .choices { display: flex; gap: .6em; align-items: baseline; flex-wrap: wrap; }
  .choice { padding: .15em .5em; border-radius: 3px; border: 1px solid transparent; cursor: pointer; }
  .choice.active { border-color: var(--vscode-focusBorder); background: var(--vscode-list-inactiveSelectionBackground); }
  table { border-collapse: collapse; margin: 1em 0; }
  td, th { text-align: left; padding: .3em 1em .3em 0; vertical-align: top; }
`;
