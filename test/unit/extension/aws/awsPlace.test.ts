import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwsProfile } from '../../../../src/aws/types';
import { endpointUrlProblem, placeTitle, resolvePlace } from '../../../../src/extension/aws/awsPlace';
import { regionNameProblem } from '../../../../src/extension/aws/regions';

const profiles: AwsProfile[] = [
  { name: 'default', kind: 'static', region: 'eu-central-1', sources: ['config', 'credentials'] },
  { name: 'work', kind: 'sso', region: 'ap-southeast-2', sources: ['config'] },
  { name: 'bare', kind: 'static', sources: ['credentials'] },
];
const settings = (s: { profile?: string; region?: string; endpointUrl?: string } = {}) => ({
  profile: '',
  region: '',
  endpointUrl: '',
  ...s,
});

describe('the AWS place', () => {
  it('takes the region of the setting first', () => {
    const resolved = resolvePlace(settings({ profile: 'work', region: 'us-west-2' }), profiles, { AWS_REGION: 'x-1' });
    assert.deepEqual(resolved, {
      place: { profile: 'work', region: 'us-west-2' },
      profileLabel: 'work',
      regionSource: 'setting',
    });
    assert.equal(placeTitle(resolved), 'work · us-west-2');
  });

  it("then the chosen profile's region, then AWS_REGION / AWS_DEFAULT_REGION", () => {
    assert.equal(
      resolvePlace(settings({ profile: 'work' }), profiles, { AWS_REGION: 'sa-east-1' }).place.region,
      'ap-southeast-2',
    );
    const bare = resolvePlace(settings({ profile: 'bare' }), profiles, { AWS_DEFAULT_REGION: 'sa-east-1' });
    assert.equal(bare.place.region, 'sa-east-1');
    assert.equal(bare.regionSource, 'environment');
  });

  it("with the default chain: AWS_REGION, then the default profile's (or AWS_PROFILE's) region, then us-east-1", () => {
    assert.equal(resolvePlace(settings(), profiles, { AWS_REGION: 'sa-east-1' }).place.region, 'sa-east-1');
    assert.equal(resolvePlace(settings(), profiles, {}).place.region, 'eu-central-1');
    const viaEnvProfile = resolvePlace(settings(), profiles, { AWS_PROFILE: 'work' });
    assert.deepEqual(viaEnvProfile, {
      place: { region: 'ap-southeast-2' },
      profileLabel: 'work',
      regionSource: 'profile',
    });
    assert.deepEqual(resolvePlace(settings({ profile: 'bare' }), [], {}), {
      place: { profile: 'bare', region: 'us-east-1' },
      profileLabel: 'bare',
      regionSource: 'default',
    });
  });

  it('names the default chain by what it will use', () => {
    assert.equal(resolvePlace(settings(), [], {}).profileLabel, 'default');
    assert.equal(resolvePlace(settings(), [], { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' }).profileLabel, 'environment');
    assert.equal(resolvePlace(settings(), [], { AWS_PROFILE: 'ci', AWS_ACCESS_KEY_ID: 'x' }).profileLabel, 'ci');
  });

  it('sends calls to the endpoint setting, trimmed', () => {
    const resolved = resolvePlace(settings({ region: 'eu-west-1', endpointUrl: ' http://127.0.0.1:4566 ' }), [], {});
    assert.deepEqual(resolved.place, { region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:4566' });
  });

  it('says what is wrong with an endpoint setting', () => {
    assert.equal(endpointUrlProblem(''), undefined);
    assert.equal(endpointUrlProblem('https://apigateway.example.com'), undefined);
    assert.match(
      endpointUrlProblem('not a url') ?? '',
      /is not a URL\. Set it to an address such as http:\/\/localhost:4566/,
    );
    assert.match(endpointUrlProblem('ftp://host') ?? '', /must start with http:\/\/ or https:\/\//);
  });

  it('accepts region names and says what one looks like', () => {
    for (const ok of ['eu-west-1', 'us-gov-west-1', 'ap-southeast-7', 'us-isob-east-1', ' cn-north-1 ']) {
      assert.equal(regionNameProblem(ok), undefined, ok);
    }
    assert.equal(regionNameProblem(''), 'Type a region name, such as eu-west-1.');
    for (const bad of ['eu-west', 'EU-WEST-1', 'europe', 'eu_west_1', 'eu-west-1a']) {
      assert.match(regionNameProblem(bad) ?? '', /is not a region name/, bad);
    }
  });
});
