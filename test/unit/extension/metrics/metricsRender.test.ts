import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asMetricsRender } from '../../../../src/extension/metrics/metricsRender';

test('the panel keeps only a well-formed render report from the page', () => {
  const render = {
    title: 'Pets · prod (REST)',
    windowMs: 3_600_000,
    periodSeconds: 60,
    charts: [{ metric: 'Count', drawn: true, series: [{ stat: 'Sum', points: 5 }] }],
    notes: [],
  };
  assert.deepEqual(asMetricsRender(render), render);
  for (const bad of [
    undefined,
    null,
    'rendered',
    { ...render, title: 1 },
    { ...render, windowMs: '1h' },
    { ...render, charts: {} },
    { ...render, charts: [{ metric: 'Count' }] },
    { ...render, notes: undefined },
  ]) {
    assert.equal(asMetricsRender(bad), undefined, JSON.stringify(bad));
  }
});
