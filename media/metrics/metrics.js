// The chart page (a VS Code webview) of src/extension/metrics/metricsPanel.ts: a stage's CloudWatch metrics or the
// local mock's counts. One uPlot chart a metric (each statistic a line), coloured from VS Code's theme variables and
// drawn again when the theme changes; a metric without datapoints shows its note instead of a plot; the window
// picker, auto-refresh and Refresh post back to the extension; the per-route table. After each render the page
// posts 'rendered' with what it drew (the points read back from the charts), which the integration tests check.
// DOM is built with textContent only (never innerHTML): names come from AWS and definitions.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  // @ts-ignore uPlot is the library's IIFE build, loaded before this script
  const UPlot = /** @type {any} */ (window).uPlot;
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

  /** @type {any} */
  let state;
  /** @type {any[]} */
  let plots = [];

  /** @param {string} tag @param {Record<string, string>} [attrs] @param {(Node | string)[]} [children] */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children || []) node.append(child);
    return node;
  }

  function themeColours() {
    const css = getComputedStyle(document.body);
    const v = (/** @type {string} */ name, /** @type {string} */ fallback) =>
      css.getPropertyValue(name).trim() || fallback;
    return {
      foreground: v('--vscode-foreground', '#888'),
      grid: v('--vscode-editorWidget-border', v('--vscode-panel-border', 'rgba(128,128,128,0.35)')),
      lines: [
        v('--vscode-charts-blue', '#3794ff'),
        v('--vscode-charts-orange', '#d18616'),
        v('--vscode-charts-green', '#89d185'),
        v('--vscode-charts-red', '#f14c4c'),
        v('--vscode-charts-purple', '#b180d7'),
        v('--vscode-charts-yellow', '#cca700'),
      ],
    };
  }

  /** @param {number} value @param {string | undefined} unit */
  function format(value, unit) {
    if (value === null || value === undefined) return '—';
    const rounded = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
    if (unit === 'Milliseconds') return `${rounded} ms`;
    if (unit === 'Bytes')
      return value >= 1048576
        ? `${(value / 1048576).toFixed(1)} MiB`
        : value >= 1024
          ? `${(value / 1024).toFixed(1)} KiB`
          : `${rounded} B`;
    return rounded;
  }

  function renderToolbar() {
    const windows = $('windows');
    windows.replaceChildren(
      ...state.windows.map((/** @type {{label: string, ms: number}} */ w) => {
        const b = el('button', { type: 'button', 'aria-pressed': String(w.ms === state.windowMs) }, [w.label]);
        b.addEventListener('click', () => {
          state.windowMs = w.ms;
          renderToolbar();
          vscode.postMessage({ type: 'window', windowMs: w.ms });
        });
        return b;
      }),
    );
    const auto = /** @type {HTMLInputElement} */ ($('auto'));
    auto.checked = state.autoRefresh;
    auto.title = `Every ${state.refreshSeconds} s while the page is visible`;
  }

  /** The series of the report grouped by metric, in the report's order. */
  function groups() {
    /** @type {Map<string, any[]>} */
    const byMetric = new Map();
    for (const s of state.report.series) {
      const list = byMetric.get(s.metric) || [];
      list.push(s);
      byMetric.set(s.metric, list);
    }
    return [...byMetric.entries()];
  }

  /** @param {HTMLElement} host @param {any[]} series @param {any} colours */
  function plot(host, series, colours) {
    const report = state.report;
    const times = [...new Set(series.flatMap((s) => s.timestamps))].sort((a, b) => a - b);
    const data = [times.map((t) => t / 1000)];
    for (const s of series) {
      const at = new Map(s.timestamps.map((/** @type {number} */ t, /** @type {number} */ i) => [t, s.values[i]]));
      data.push(times.map((t) => (at.has(t) ? at.get(t) : null)));
    }
    const unit = series[0].unit;
    const axis = {
      stroke: colours.foreground,
      grid: { stroke: colours.grid, width: 1 },
      ticks: { stroke: colours.grid, width: 1 },
    };
    const opts = {
      width: Math.max(200, host.clientWidth),
      height: 180,
      scales: {
        x: { time: true, range: () => [report.start / 1000, report.end / 1000] },
        y: {
          range: (/** @type {any} */ _u, /** @type {number} */ min, /** @type {number} */ max) => [
            Math.min(0, min ?? 0),
            Math.max(1, (max ?? 1) * 1.1),
          ],
        },
      },
      axes: [
        axis,
        {
          ...axis,
          size: 60,
          values: (/** @type {any} */ _u, /** @type {number[]} */ ticks) => ticks.map((t) => format(t, unit)),
        },
      ],
      series: [
        {},
        ...series.map((s, i) => ({
          label: s.stat,
          stroke: colours.lines[i % colours.lines.length],
          width: 1.5,
          points: { show: times.length <= 60 },
          value: (/** @type {any} */ _u, /** @type {number} */ v) => format(v, unit),
        })),
      ],
    };
    const u = new UPlot(opts, data, host);
    plots.push(u);
    return u;
  }

  function render() {
    for (const u of plots) u.destroy();
    plots = [];
    const report = state.report;
    $('title').textContent = report.title;
    $('error').hidden = true;
    const time = new Date().toLocaleTimeString();
    $('status').textContent = `Updated ${time} · ${report.periodSeconds} s periods`;
    $('notes').replaceChildren(...report.notes.map((/** @type {string} */ n) => el('li', {}, [n])));
    const colours = themeColours();
    /** @type {any[]} */
    const charts = [];
    const host = $('charts');
    host.replaceChildren();
    for (const [metric, series] of groups()) {
      const unit = series[0].unit;
      const drawn = series.some((s) => s.values.length > 0);
      const heading = el('h2', {}, [
        metric,
        ...(unit && unit !== 'Count' ? [el('small', {}, [` (${unit.toLowerCase()})`])] : []),
      ]);
      const body = el('div', { class: drawn ? 'plot' : 'empty' });
      const section = el('section', { class: 'chart', 'data-metric': metric }, [heading, body]);
      host.append(section);
      const note = series.find((s) => s.note)?.note;
      if (!drawn) {
        body.append(el('p', {}, [note || 'No datapoints in this window.']));
        charts.push({ metric, unit, drawn: false, series: series.map((s) => ({ stat: s.stat, points: 0 })), note });
        continue;
      }
      const u = plot(body, series, colours);
      charts.push({
        metric,
        unit,
        drawn: true,
        // What the chart holds, read back from it: the points of each line that are not gaps.
        series: series.map((s, i) => ({
          stat: s.stat,
          points: u.data[i + 1].filter((/** @type {any} */ v) => v !== null).length,
        })),
        ...(note ? { note } : {}),
      });
    }
    renderRoutes(report);
    // The grid settles once every chart is in: fit each plot to its cell.
    fitPlots();
    vscode.postMessage({
      type: 'rendered',
      render: {
        title: report.title,
        windowMs: state.windowMs,
        periodSeconds: report.periodSeconds,
        charts,
        ...(report.routes ? { routes: report.routes.length } : {}),
        notes: report.notes,
      },
    });
  }

  function fitPlots() {
    for (const u of plots) {
      const width = Math.max(200, u.root.parentElement.clientWidth);
      if (width !== u.width) u.setSize({ width, height: 180 });
    }
  }

  /** @param {any} report */
  function renderRoutes(report) {
    const section = $('routes-section');
    section.hidden = !report.routes;
    if (!report.routes) return;
    const pct = (/** @type {number} */ r) => `${(r * 100).toFixed(1)} %`;
    const body = /** @type {HTMLElement} */ ($('routes').querySelector('tbody'));
    body.replaceChildren(
      ...report.routes.map((/** @type {any} */ r) =>
        el('tr', {}, [
          el('td', {}, [r.route]),
          el('td', { class: 'num' }, [String(r.requests)]),
          el('td', { class: 'num' }, [pct(r.clientErrorRate)]),
          el('td', { class: 'num' }, [pct(r.serverErrorRate)]),
          el('td', { class: 'num' }, [r.p99LatencyMs === undefined ? '—' : format(r.p99LatencyMs, 'Milliseconds')]),
        ]),
      ),
    );
  }

  /** @param {any} message */
  function showError(message) {
    for (const u of plots) u.destroy();
    plots = [];
    $('charts').replaceChildren();
    $('notes').replaceChildren();
    $('routes-section').hidden = true;
    $('error').hidden = false;
    $('error').textContent = message.message;
    $('title').textContent = message.title;
    $('status').textContent = '';
    vscode.postMessage({
      type: 'rendered',
      render: {
        title: message.title,
        windowMs: state.windowMs,
        periodSeconds: 0,
        charts: [],
        notes: [],
        error: message.message,
      },
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.type !== 'string') return;
    state = {
      ...state,
      windowMs: message.windowMs,
      windows: message.windows,
      autoRefresh: message.autoRefresh,
      refreshSeconds: message.refreshSeconds,
    };
    renderToolbar();
    if (message.type === 'loading') $('status').textContent = 'Loading…';
    if (message.type === 'report') {
      state.report = message.report;
      render();
    }
    if (message.type === 'error') showError(message);
  });

  $('title').textContent = document.title;
  $('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  $('auto').addEventListener('change', () =>
    vscode.postMessage({ type: 'autoRefresh', on: /** @type {HTMLInputElement} */ ($('auto')).checked }),
  );
  // Charts follow the theme (VS Code changes the body's class) and the page's width.
  new MutationObserver(() => state && state.report && render()).observe(document.body, {
    attributes: true,
    attributeFilter: ['class'],
  });
  new ResizeObserver(fitPlots).observe($('charts'));
  vscode.postMessage({ type: 'ready' });
})();
