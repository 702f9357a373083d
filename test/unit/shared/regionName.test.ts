// AWS Region names, judged alike wherever one is typed: apigw.config.json's "region", the CLI's --region and the
// AWS view's region box (each once had a pattern of its own, and they disagreed on GovCloud / ISO names).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRegionName } from '../../../src/cli/aws/awsOptions';
import { regionNameProblem } from '../../../src/extension/aws/regions';
import { parseConfig } from '../../../src/runtime/config';
import { isRegionName } from '../../../src/shared/regionName';

const regions = [
  'us-east-1',
  'eu-west-3',
  'ap-southeast-5',
  'il-central-1',
  'cn-north-1',
  'us-gov-west-1',
  'us-iso-east-1',
  'us-isob-east-1',
  'eu-isoe-west-1',
];
const notRegions = [
  'Europe',
  'us-east',
  'US-EAST-1',
  'us_east_1',
  'useast1',
  'u-east-1',
  'us-east-100',
  '',
  ' us-east-1',
];

/** What each of the three places says of a name: accepted or not. */
function verdicts(name: string): { config: boolean; cli: boolean; view: boolean } {
  let cli = true;
  try {
    checkRegionName(name);
  } catch {
    cli = false;
  }
  return {
    config: parseConfig({ region: name }, '/project/apigw.config.json', '/project').ok,
    cli,
    view: regionNameProblem(name) === undefined,
  };
}

describe('region names', () => {
  it('are accepted alike by the config file, the CLI and the AWS view', () => {
    for (const name of regions) {
      assert.ok(isRegionName(name), name);
      assert.deepEqual(verdicts(name), { config: true, cli: true, view: true }, name);
    }
  });

  it('are refused alike, each place with its own clear message', () => {
    for (const name of notRegions) {
      assert.ok(!isRegionName(name), name);
      // The view trims what is typed in its box: ' us-east-1' is a name there.
      const view = name.trim() === 'us-east-1';
      assert.deepEqual(verdicts(name), { config: false, cli: false, view }, JSON.stringify(name));
    }
    const config = parseConfig({ region: 'Europe' }, '/project/apigw.config.json', '/project');
    assert.equal(config.ok, false);
    assert.match(
      config.ok ? '' : config.message,
      /"region" must be an AWS Region name like "us-east-1" or "eu-west-1", not "Europe"/,
    );
    assert.throws(
      () => checkRegionName('Europe'),
      /'Europe' is not an AWS region name \(e\.g\. us-east-1, eu-west-1\)/,
    );
    assert.match(regionNameProblem('Europe') ?? '', /"Europe" is not a region name: it looks like eu-west-1/);
    assert.match(regionNameProblem('') ?? '', /Type a region name, such as eu-west-1\./);
  });
});
