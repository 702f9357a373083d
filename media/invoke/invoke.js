// The Invoke panel (a VS Code webview): Invoke Route Locally and Invoke Route on AWS. Builds the form from the
// extension's 'init' message (with the targets it can send to), posts 'send' with the edited values and the target,
// or 'compare' to send to the local mock and AWS at once, and shows the 'result' (status, headers, body and every
// stage of the local trace or of AWS's execution log) or the 'comparison' side by side with what differs.
// DOM is built with textContent only (never innerHTML): values come from the definition and the API.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  /** @type {any} */
  let form;
  /** @type {{ local?: string, remote?: string, canChangeRemote?: boolean }} */
  let targets = {};
  /** @type {'local' | 'remote'} */
  let mode = 'local';

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
    send.addEventListener('click', () => vscode.postMessage({ type: 'send', form, target: mode }));
    const actions = el('div', { class: 'actions' }, [send]);
    if (targets.local && targets.remote) {
      const compare = el('button', { id: 'compare', class: 'secondary', type: 'button' }, ['Compare local and AWS']);
      compare.addEventListener('click', () => vscode.postMessage({ type: 'compare', form }));
      actions.append(compare);
    }
    actions.append(el('span', { id: 'state', class: 'muted' }));
    app.append(targetChooser(), actions);
    app.append(el('div', { id: 'result' }));
  }

  /** "Send to: (•) Local mock ( ) AWS (stage prod of API Pets)  Change…" */
  function targetChooser() {
    const row = el('div', { class: 'targets' }, [el('span', { class: 'muted' }, ['Send to '])]);
    /** @param {'local' | 'remote'} value @param {string} label */
    const option = (value, label) => {
      const input = el('input', { type: 'radio', name: 'target', value });
      if (mode === value) input.setAttribute('checked', '');
      input.addEventListener('change', () => (mode = value));
      return el('label', { class: 'target' }, [input, ` ${label}`]);
    };
    if (targets.local && targets.remote) row.append(option('local', targets.local), option('remote', targets.remote));
    else row.append(el('strong', {}, [(mode === 'remote' ? targets.remote : targets.local) || '']));
    if (targets.canChangeRemote) {
      const change = el('a', { href: '#', class: 'change', role: 'button' }, [
        targets.remote ? 'Change AWS target…' : 'Invoke on AWS…',
      ]);
      change.addEventListener('click', (event) => {
        event.preventDefault();
        vscode.postMessage({ type: 'changeRemote', form });
      });
      row.append(change);
    }
    return row;
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

  /** @param {number} status */
  function statusKind(status) {
    return status >= 500 ? 'error' : status >= 400 ? 'warn' : 'ok';
  }

  /** @param {any} result */
  function bodyText(result) {
    return result.bodyEncoding === 'base64' ? `(binary, base64) ${result.body}` : pretty(result.body);
  }

  /** @param {any} result */
  function renderResult(result) {
    const out = /** @type {HTMLElement} */ (document.getElementById('result'));
    const headers = el('table', { class: 'headers' });
    for (const [k, v] of Object.entries(result.headers))
      headers.append(el('tr', {}, [el('td', {}, [k]), el('td', {}, [String(v)])]));
    out.replaceChildren(
      el('h2', { class: `status ${statusKind(result.status)}` }, [
        `${result.status}`,
        el('span', { class: 'muted' }, [` · ${result.latencyMs} ms · ${result.route || 'no route matched'}`]),
      ]),
      el('p', { class: 'muted' }, [`${result.target} · ${result.request.method} ${result.url}`]),
      // What the mock did differently from API Gateway on this request (a JWT whose signature was not checked).
      ...(result.trace || [])
        .filter((step) => step.warning === true)
        .map((step) => el('p', { class: 'warning' }, [`⚠ ${step.detail}`])),
      el('h3', {}, ['Body']),
      el('pre', { class: 'body' }, [bodyText(result)]),
      el('h3', {}, ['Headers']),
      headers,
    );
    if (result.awsLog) out.append(el('h3', {}, ['Execution log']), awsLog(result.awsLog));
    else if (result.origin !== 'aws') out.append(el('h3', {}, ['Trace']), trace(result.trace));
    if (result.rawLog) {
      out.append(el('details', {}, [el('summary', {}, ['Log as AWS gave it']), el('pre', {}, [result.rawLog])]));
    }
    if (result.logs.length > 0) out.append(el('h3', {}, ['Handler output']), el('pre', {}, [result.logs.join('\n')]));
    if (result.requestLogs) {
      // The stage's CloudWatch log lines of this request (its access log), in a Tail Logs editor.
      const show = el('button', { id: 'showRequestLogs', class: 'secondary', type: 'button' }, [
        'Show logs of this request',
      ]);
      show.addEventListener('click', () =>
        vscode.postMessage({ type: 'showRequestLogs', requestId: result.requestLogs.requestId }),
      );
      out.append(el('p', {}, [show, el('span', { class: 'muted' }, [` request id ${result.requestLogs.requestId}`])]));
    }
  }

  /** @param {any[]} steps */
  function trace(steps) {
    const list = el('ol', { class: 'trace' });
    for (const step of steps) {
      const item = el('li', step.warning === true ? { class: 'warning' } : {}, [
        el('span', { class: 'stage' }, [step.stage]),
        el('span', { class: 'muted' }, [` ${step.ms.toFixed(2)} ms`]),
        el('div', {}, [step.detail]),
      ]);
      if (step.data !== undefined)
        item.append(el('details', {}, [el('summary', {}, ['data']), el('pre', {}, [pretty(step.data)])]));
      list.append(item);
    }
    return list;
  }

  /** TestInvokeMethod's log by stage; the templates' output open, the rest one line each. @param {any[]} sections */
  function awsLog(sections) {
    const list = el('ol', { class: 'trace' });
    for (const section of sections) {
      const entries = el('ul', { class: 'log' });
      for (const entry of section.entries) {
        const title = el('span', { class: entry.failed ? 'error' : '' }, [entry.title]);
        const item = el('li', {}, [title]);
        if (entry.template) {
          item.append(
            el('span', { class: 'muted' }, [` (${entry.template} template output)`]),
            el('pre', {}, [pretty(entry.value)]),
          );
        } else if (entry.value.includes('\n') || entry.value.length > 120) {
          item.append(el('details', {}, [el('summary', {}, [entry.value.slice(0, 80)]), el('pre', {}, [entry.value])]));
        } else if (entry.value !== '') {
          item.append(el('span', { class: 'value' }, [`: ${entry.value}`]));
        }
        entries.append(item);
      }
      list.append(
        el('li', { class: section.failed ? 'failed' : '' }, [
          el('span', { class: `stage${section.failed ? ' error' : ''}` }, [section.title]),
          entries,
        ]),
      );
    }
    return list;
  }

  /** Local and AWS side by side: status, headers and body, with what differs marked. @param {any} comparison */
  function renderComparison(comparison) {
    const out = /** @type {HTMLElement} */ (document.getElementById('result'));
    const { local, remote, differences } = comparison;
    const side = (/** @type {any} */ answer) =>
      answer.ok
        ? el('span', { class: `status ${statusKind(answer.result.status)}` }, [
            `${answer.result.status}`,
            el('span', { class: 'muted' }, [` · ${answer.result.latencyMs} ms`]),
          ])
        : el('span', { class: 'error' }, [answer.message]);
    const head = el('tr', {}, [
      el('th', {}, ['']),
      el('th', {}, ['Local mock']),
      el('th', {}, [comparison.remoteLabel]),
    ]);
    const table = el('table', { class: 'compare' }, [head]);
    const statusRow = el('tr', { class: differences && !differences.status.same ? 'differs' : '' }, [
      el('td', {}, ['Status']),
      el('td', {}, [side(local)]),
      el('td', {}, [side(remote)]),
    ]);
    table.append(statusRow);
    const parts = [
      el('h2', { class: differences ? (differences.same ? 'status ok' : 'status warn') : 'status error' }, [
        differences ? differences.summary : local.ok || remote.ok ? 'Only one side answered' : 'Neither side answered',
      ]),
      table,
    ];
    if (differences) {
      const headers = el('table', { class: 'compare' }, [
        el('tr', {}, [el('th', {}, ['Header']), el('th', {}, ['Local mock']), el('th', {}, [comparison.remoteLabel])]),
      ]);
      for (const h of differences.headers) {
        const cls = h.state === 'same' ? '' : h.varies ? 'varies' : 'differs';
        headers.append(
          el('tr', { class: cls, title: h.varies ? 'differs on every request: not counted' : h.state }, [
            el('td', {}, [h.name]),
            el('td', {}, [h.local === undefined ? '—' : h.local]),
            el('td', {}, [h.aws === undefined ? '—' : h.aws]),
          ]),
        );
      }
      const body = el('table', { class: 'compare body' }, [
        el('tr', {}, [el('th', {}, ['Local mock']), el('th', {}, [comparison.remoteLabel])]),
      ]);
      for (const line of differences.body.lines) {
        body.append(
          el('tr', { class: line.same ? '' : 'differs' }, [
            el('td', {}, [line.local === undefined ? '' : line.local]),
            el('td', {}, [line.aws === undefined ? '' : line.aws]),
          ]),
        );
      }
      const bodyNote = differences.body.same
        ? differences.body.formattingOnly
          ? 'same (formatted differently)'
          : 'same'
        : 'different';
      parts.push(el('h3', {}, ['Headers']), headers, el('h3', {}, [`Body: ${bodyNote}`]), body);
    }
    for (const [name, answer] of [
      ['Local mock', local],
      [comparison.remoteLabel, remote],
    ]) {
      if (!answer.ok) continue;
      const details = el('details', {}, [el('summary', {}, [`${name}: full answer`])]);
      details.append(el('pre', {}, [bodyText(answer.result)]));
      if (answer.result.awsLog) details.append(awsLog(answer.result.awsLog));
      else if (answer.result.trace.length > 0) details.append(trace(answer.result.trace));
      parts.push(details);
    }
    out.replaceChildren(...parts);
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
      targets = message.targets || { local: 'Local mock' };
      mode = message.mode || 'local';
      renderForm();
    } else if (message.type === 'targets') {
      targets = message.targets;
      const row = document.querySelector('.targets');
      if (row && form) row.replaceWith(targetChooser());
    } else if (message.type === 'sending') {
      setState(message.what || 'Sending…');
    } else if (message.type === 'result') {
      setState('');
      renderResult(message.result);
      vscode.postMessage({ type: 'rendered', requestId: message.result.requestId });
    } else if (message.type === 'comparison') {
      setState('');
      renderComparison(message.comparison);
      vscode.postMessage({ type: 'rendered', requestId: message.comparison.id });
    } else if (message.type === 'error') {
      setState('');
      const out = document.getElementById('result');
      if (out) out.replaceChildren(el('p', { class: 'error' }, [message.message]));
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
