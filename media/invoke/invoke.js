// The Invoke Route Locally panel (a VS Code webview). Builds the form from the extension's 'init' message,
// posts 'send' with the edited values, and shows the 'result': status, headers, body and every stage of the
// trace. DOM is built with textContent only (never innerHTML): values come from the definition and the API.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  /** @type {any} */
  let form;

  /** @param {string} tag @param {Record<string, string>} [attrs] @param {(Node | string)[]} [children] */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children || []) node.append(child);
    return node;
  }

  /** @param {string} title @param {string} key */
  function fieldTable(title, key) {
    const rows = form[key];
    const table = el('table', { class: 'fields' });
    const section = el('section', {}, [el('h3', {}, [title]), table]);
    const addRow = (/** @type {any} */ field) => {
      const name = el('input', { type: 'text', value: field.name, 'aria-label': `${title} name` });
      const value = el('input', { type: 'text', value: field.value, 'aria-label': `${field.name || title} value` });
      if (key === 'pathParameters') name.setAttribute('readonly', '');
      name.addEventListener('input', () => (field.name = /** @type {HTMLInputElement} */ (name).value));
      value.addEventListener('input', () => (field.value = /** @type {HTMLInputElement} */ (value).value));
      const mark = field.required ? el('span', { class: 'required', title: 'required' }, ['*']) : '';
      table.append(el('tr', {}, [el('td', {}, [name, mark]), el('td', {}, [value])]));
    };
    rows.forEach(addRow);
    if (key !== 'pathParameters') {
      const add = el('button', { class: 'secondary', type: 'button' }, [
        `Add ${title.toLowerCase().replace(/s$/, '')}`,
      ]);
      add.addEventListener('click', () => {
        const field = { name: '', value: '', required: false };
        rows.push(field);
        addRow(field);
      });
      section.append(add);
    }
    if (rows.length === 0 && key === 'pathParameters') return el('span');
    return section;
  }

  function renderForm() {
    app.replaceChildren();
    const method = form.method === 'ANY' ? methodSelect() : el('span', { class: 'method' }, [form.method]);
    app.append(
      el('header', {}, [
        method,
        el('span', { class: 'path' }, [form.path]),
        el('span', { class: 'muted' }, [form.api]),
      ]),
    );
    app.append(
      fieldTable('Path parameters', 'pathParameters'),
      fieldTable('Query parameters', 'query'),
      fieldTable('Headers', 'headers'),
    );
    const contentType = el('input', { type: 'text', value: form.contentType, 'aria-label': 'Content type' });
    contentType.addEventListener(
      'input',
      () => (form.contentType = /** @type {HTMLInputElement} */ (contentType).value),
    );
    const body = el('textarea', { rows: '10', spellcheck: 'false', 'aria-label': 'Body' });
    /** @type {HTMLTextAreaElement} */ (body).value = form.body;
    body.addEventListener('input', () => (form.body = /** @type {HTMLTextAreaElement} */ (body).value));
    // GET and HEAD requests carry no body (API Gateway drops it): show the field only where it is sent.
    if (form.body !== '' || !['GET', 'HEAD'].includes(form.method)) {
      app.append(el('section', {}, [el('h3', {}, ['Body']), el('label', {}, ['Content-Type ', contentType]), body]));
    }
    const send = el('button', { id: 'send', type: 'button' }, ['Send']);
    send.addEventListener('click', () => vscode.postMessage({ type: 'send', form }));
    app.append(el('div', { class: 'actions' }, [send, el('span', { id: 'state', class: 'muted' })]));
    app.append(el('div', { id: 'result' }));
  }

  function methodSelect() {
    const select = el('select', { 'aria-label': 'Method' });
    for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) {
      const option = el('option', { value: m }, [m]);
      if (m === form.sendMethod) option.setAttribute('selected', '');
      select.append(option);
    }
    select.addEventListener('change', () => (form.sendMethod = /** @type {HTMLSelectElement} */ (select).value));
    return select;
  }

  /** @param {unknown} value */
  function pretty(value) {
    if (typeof value === 'string') {
      try {
        return JSON.stringify(JSON.parse(value), null, 2);
      } catch {
        return value;
      }
    }
    return JSON.stringify(value, null, 2);
  }

  /** @param {any} result */
  function renderResult(result) {
    const out = /** @type {HTMLElement} */ (document.getElementById('result'));
    const kind = result.status >= 500 ? 'error' : result.status >= 400 ? 'warn' : 'ok';
    const headers = el('table', { class: 'headers' });
    for (const [k, v] of Object.entries(result.headers))
      headers.append(el('tr', {}, [el('td', {}, [k]), el('td', {}, [String(v)])]));
    const trace = el('ol', { class: 'trace' });
    for (const step of result.trace) {
      const item = el('li', {}, [
        el('span', { class: 'stage' }, [step.stage]),
        el('span', { class: 'muted' }, [` ${step.ms.toFixed(2)} ms`]),
        el('div', {}, [step.detail]),
      ]);
      if (step.data !== undefined)
        item.append(el('details', {}, [el('summary', {}, ['data']), el('pre', {}, [pretty(step.data)])]));
      trace.append(item);
    }
    const body = result.bodyEncoding === 'base64' ? `(binary, base64) ${result.body}` : pretty(result.body);
    out.replaceChildren(
      el('h2', { class: `status ${kind}` }, [
        `${result.status}`,
        el('span', { class: 'muted' }, [` · ${result.latencyMs} ms · ${result.route || 'no route matched'}`]),
      ]),
      el('p', { class: 'muted' }, [`${result.request.method} ${result.url}`]),
      el('h3', {}, ['Body']),
      el('pre', { class: 'body' }, [body]),
      el('h3', {}, ['Headers']),
      headers,
      el('h3', {}, ['Trace']),
      trace,
    );
    if (result.logs.length > 0) out.append(el('h3', {}, ['Handler output']), el('pre', {}, [result.logs.join('\n')]));
  }

  /** @param {string} text */
  function setState(text) {
    const state = document.getElementById('state');
    if (state) state.textContent = text;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'init') {
      form = message.form;
      renderForm();
    } else if (message.type === 'sending') {
      setState('Sending…');
    } else if (message.type === 'result') {
      setState('');
      renderResult(message.result);
      vscode.postMessage({ type: 'rendered', requestId: message.result.requestId });
    } else if (message.type === 'error') {
      setState('');
      const out = document.getElementById('result');
      if (out) out.replaceChildren(el('p', { class: 'error' }, [message.message]));
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
