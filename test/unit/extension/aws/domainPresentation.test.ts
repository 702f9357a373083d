import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomDomain } from '../../../../src/aws/domains/types';
import {
  customDomainLines,
  presentDomainNode,
  stageDescription,
} from '../../../../src/extension/aws/domainPresentation';

const domain: CustomDomain = {
  name: 'api.example.com',
  endpointType: 'REGIONAL',
  targetDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com',
  certificate: {
    name: 'cert',
    arn: 'arn:aws:acm:eu-west-1:1:certificate/x',
    uploadedAt: new Date('2026-03-04T00:00:00Z'),
  },
  securityPolicy: 'TLS_1_2',
  mutualTls: { truststoreUri: 's3://b/t.pem', truststoreVersion: '3', warnings: ['expired CA'] },
  routingMode: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING',
  status: 'AVAILABLE',
  mappings: [
    { basePath: '', apiId: 'a1', stage: 'prod', mappingId: 'm1' },
    { basePath: 'orders/v1', apiId: 'a2', stage: '$default' },
  ],
};

describe('custom domains in the AWS view', () => {
  it('a domain shows its endpoint type and mappings, and its tooltip every setting', () => {
    const shown = presentDomainNode({ kind: 'aws.domain', domain });
    assert.equal(shown.label, 'api.example.com');
    assert.equal(shown.description, 'REGIONAL · 2 mappings');
    assert.equal(shown.collapsible, 'expanded');
    for (const line of [
      'Endpoint type: REGIONAL',
      'Target domain name (DNS): d-abc.execute-api.eu-west-1.amazonaws.com',
      'Certificate: cert (arn:aws:acm:eu-west-1:1:certificate/x)',
      'Certificate uploaded: 2026-03-04',
      'TLS policy: TLS_1_2',
      'Mutual TLS: on, truststore s3://b/t.pem (version 3)',
      '  warning: expired CA',
      'Routing mode: ROUTING_RULE_THEN_BASE_PATH_MAPPING',
    ])
      assert.ok(shown.tooltip.split('\n').includes(line), line);
  });

  it('a domain without mappings says so; mutual TLS off; no routing mode means mappings only', () => {
    const bare: CustomDomain = { name: 'e.example.com', endpointType: 'EDGE', certificate: {}, mappings: [] };
    const shown = presentDomainNode({ kind: 'aws.domain', domain: bare });
    assert.equal(shown.description, 'EDGE · no mappings');
    assert.match(shown.tooltip, /Mutual TLS: off/);
    assert.match(shown.tooltip, /Routing mode: BASE_PATH_MAPPING_ONLY/);
    assert.match(shown.tooltip, /No API mappings: map a stage with "Map Stage to Custom Domain…"/);
  });

  it('a mapping shows (none) for the empty base path, the API by name when known, and the stage', () => {
    const none = presentDomainNode({
      kind: 'aws.domainMapping',
      domain,
      mapping: domain.mappings[0]!,
      api: { id: 'a1', name: 'Pets', kind: 'REST' },
    });
    assert.equal(none.label, '(none)');
    assert.equal(none.description, 'Pets (a1) · prod');
    assert.match(
      none.tooltip,
      /^https:\/\/api\.example\.com\nAPI: Pets \(a1\) \(REST\)\nStage: prod\nAPI mapping id: m1$/,
    );
    const deep = presentDomainNode({ kind: 'aws.domainMapping', domain, mapping: domain.mappings[1]! });
    assert.equal(deep.label, 'orders/v1');
    assert.equal(deep.description, 'a2 · $default');
  });

  it("a stage's description adds its first custom-domain URL (and how many more); the tooltip lists them all", () => {
    assert.equal(stageDescription('https://x/prod', undefined), 'https://x/prod');
    assert.equal(stageDescription('https://x/prod', []), 'https://x/prod');
    assert.equal(
      stageDescription('https://x/prod', ['https://a.com/v1', 'https://b.com']),
      'https://x/prod · https://a.com/v1 (+1)',
    );
    assert.deepEqual(customDomainLines(['https://a.com/v1', 'https://b.com']), [
      'Custom domain URLs:',
      '  https://a.com/v1',
      '  https://b.com',
    ]);
    assert.deepEqual(customDomainLines(undefined), []);
  });
});
