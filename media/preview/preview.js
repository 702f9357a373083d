// The mapping-template preview's page script. It only displays what the extension host renders and sends the
// edited sample event back (debounced); it never evaluates templates itself. State survives the panel being hidden.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const sample = /** @type {HTMLTextAreaElement} */ ($('sample'));
  let timer = /** @type {ReturnType<typeof setTimeout> | undefined} */ (undefined);

  /** @param {any} state */
  function show(state) {
    $('title').textContent = state.title;
    $('status').textContent = state.status;
    $('output').textContent = state.output;
    if (document.activeElement !== sample && sample.value !== state.sample) sample.value = state.sample;
    const sampleError = $('sample-error');
    sampleError.hidden = !state.sampleError;
    sampleError.textContent = state.sampleError ? `Sample event: ${state.sampleError}` : '';
    const errors = $('errors');
    errors.replaceChildren(
      ...state.errors.map((/** @type {any} */ error) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.className = 'error';
        button.textContent = `Line ${error.line + 1}, column ${error.character + 1}: ${error.message}`;
        button.title = 'Show in the editor';
        button.addEventListener('click', () => vscode.postMessage({ type: 'reveal', range: error.range }));
        item.append(button);
        return item;
      }),
    );
    $('errors-section').hidden = state.errors.length === 0;
    $('trace').replaceChildren(
      ...state.trace.map((/** @type {any} */ step) => {
        const item = document.createElement('li');
        const where = document.createElement('span');
        where.className = 'where';
        where.textContent = `line ${step.line + 1}: `;
        item.append(where, step.text);
        return item;
      }),
    );
  }

  sample.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => vscode.postMessage({ type: 'sample', text: sample.value }), 300);
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'update') {
      vscode.setState(message.state);
      show(message.state);
    }
  });

  const saved = vscode.getState();
  if (saved) show(saved);
  vscode.postMessage({ type: 'ready' });
})();
