import type { AwsPlace } from '../../aws/types';
import { isRegionName } from '../../shared/regionName';
import { UsageError } from '../io';
import type { AwsModule } from './loadAws';

/** The options every AWS command takes, as node:util parseArgs declares them. */
export const awsOptionSpecs = {
  region: { type: 'string' },
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
} as const;

export const awsOptionsUsage = `  --region R             AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, else the profile's region)
  --profile P            profile of the shared config / credentials files (default: the SDK's default chain)
  --endpoint-url URL     send every call to this endpoint instead of AWS (LocalStack, a test server);
                         without it the SDK's AWS_ENDPOINT_URL* variables apply`;

/** Refuses a region option that is not an AWS region name (UsageError). */
export function checkRegionName(region: string): void {
  if (!isRegionName(region)) {
    throw new UsageError(`'${region}' is not an AWS region name (e.g. us-east-1, eu-west-1)`);
  }
}

/** Where the command's calls go: the options, then the environment, then the profile's configured region. */
export async function resolvePlace(
  values: { region?: string; profile?: string; 'endpoint-url'?: string },
  aws: AwsModule,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AwsPlace> {
  const profile = values.profile ?? (env.AWS_PROFILE || undefined);
  let region = values.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
  if (region === undefined) {
    const profiles = await aws.listProfiles();
    region = profiles.find((p) => p.name === (profile ?? 'default'))?.region;
  }
  if (region === undefined) {
    throw new UsageError(
      `no AWS region: give --region, set AWS_REGION, or set a region for profile '${profile ?? 'default'}' in ~/.aws/config`,
    );
  }
  checkRegionName(region);
  const endpointUrl = values['endpoint-url'];
  if (endpointUrl !== undefined) {
    if (!URL.canParse(endpointUrl) || !/^https?:$/.test(new URL(endpointUrl).protocol)) {
      throw new UsageError(`--endpoint-url must be an http(s) URL such as http://127.0.0.1:4566, not '${endpointUrl}'`);
    }
  }
  return { region, ...(profile ? { profile } : {}), ...(endpointUrl ? { endpointUrl } : {}) };
}
