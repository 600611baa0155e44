/**
 * The quiz panel's page script: it shows the screens the extension renders and sends keys (and
 * clicks on rows, as their keys) back; it decides nothing. Plain JavaScript inlined under the
 * nonce, since the page may load nothing else. Held keys do not repeat an action, and a key
 * typed into the answer field stays there, except Enter and Escape.
 */
export const QUIZ_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const app = document.getElementById('app');
  const field = () => app.querySelector('#answer');
  const send = (key, alt) => {
    const input = field();
    vscode.postMessage({ type: 'key', key, alt: Boolean(alt), value: input ? input.value : undefined });
  };
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'render') return;
    app.innerHTML = message.html;
    const input = field();
    if (message.focus === 'answer' && input) input.focus();
    else app.focus();
    const cursor = app.querySelector('.cursor');
    if (cursor) cursor.scrollIntoView({ block: 'nearest' });
    vscode.postMessage({ type: 'rendered', screen: message.screen, text: app.innerText });
  });
  const KEYS = /^([1-9]|Enter|Escape|ArrowUp|ArrowDown|[ tfnorwTFNORW])$/;
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.isComposing) return;
    const inField = event.target === field();
    if (inField && event.key !== 'Enter' && event.key !== 'Escape') return;
    if (!KEYS.test(event.key)) return;
    if (event.repeat && event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    send(event.key, event.altKey);
  });
  app.addEventListener('click', (event) => {
    const target = event.target.closest('[data-key]');
    if (!target) return;
    event.preventDefault();
    send(target.getAttribute('data-key'), false);
  });
  vscode.postMessage({ type: 'ready' });
})();`;
