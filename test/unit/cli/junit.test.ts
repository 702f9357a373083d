import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXml, junitXml } from '../../../src/cli/junit';

describe('JUnit XML report', () => {
  it('counts failures, errors and skips per suite and in total, and writes each outcome', () => {
    const xml = junitXml(
      [
        {
          name: 'Pets',
          timestamp: '2024-05-01T10:00:00Z',
          properties: [['baseUrl', 'http://127.0.0.1:1/local']],
          cases: [
            { name: 'GET /pets', classname: 'Pets.listPets', time: 0.0125, outcome: { kind: 'passed' } },
            {
              name: 'GET /pets/{id}',
              classname: 'Pets.getPet',
              time: 0.5,
              outcome: { kind: 'failed', message: 'does not match', details: 'a\nb', type: 'ContractMismatch' },
              output: 'GET /pets/1\n→ 200',
            },
            { name: 'POST /pets', classname: 'Pets.addPet', time: 0, outcome: { kind: 'skipped', message: '401' } },
            {
              name: 'GET /x',
              classname: 'Pets.x',
              time: Number.NaN,
              outcome: { kind: 'error', message: 'no answer', details: 'no answer' },
            },
          ],
        },
      ],
      'apigw test',
    );
    assert.equal(
      xml,
      `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="apigw test" tests="4" failures="1" errors="1" skipped="1" time="0.512">
  <testsuite name="Pets" tests="4" failures="1" errors="1" skipped="1" time="0.512" timestamp="2024-05-01T10:00:00Z">
    <properties>
      <property name="baseUrl" value="http://127.0.0.1:1/local"/>
    </properties>
    <testcase name="GET /pets" classname="Pets.listPets" time="0.013"/>
    <testcase name="GET /pets/{id}" classname="Pets.getPet" time="0.500">
      <failure message="does not match" type="ContractMismatch">a
b</failure>
      <system-out>GET /pets/1
→ 200</system-out>
    </testcase>
    <testcase name="POST /pets" classname="Pets.addPet" time="0.000">
      <skipped message="401"/>
    </testcase>
    <testcase name="GET /x" classname="Pets.x" time="0.000">
      <error message="no answer" type="error">no answer</error>
    </testcase>
  </testsuite>
</testsuites>
`,
    );
  });

  it('escapes markup, quotes and line breaks in attributes, and replaces what XML cannot hold', () => {
    assert.equal(escapeXml(`a<b>&"c"'d'\n\te`, true), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;&#9;e');
    assert.equal(escapeXml(`a<b>&"c"\n`, false), 'a&lt;b&gt;&amp;"c"\n');
    assert.equal(
      escapeXml('bell\u0007 nul\u0000 lone\ud800 ok😀\r', false),
      'bell\uFFFD nul\uFFFD lone\uFFFD ok😀&#13;',
    );
  });
});
