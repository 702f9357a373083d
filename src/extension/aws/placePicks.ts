import type { AwsProfile } from '../../aws/types';
import { apiGatewayRegions } from './regions';

/** A quick pick entry with the setting value it writes ('' = not set). */
export interface PlacePick {
  label: string;
  description?: string;
  detail?: string;
  value: string;
  /** The entry that asks for a region name. */
  other?: true;
}

const profileKinds: Record<AwsProfile['kind'], string> = {
  sso: 'IAM Identity Center (SSO)',
  role: 'assume role',
  process: 'credential process',
  static: 'access keys',
  'web-identity': 'web identity',
  other: 'profile',
};

/** The profile picker: the SDK's default chain first, then every profile with its kind and region. */
export function profilePicks(profiles: readonly AwsProfile[], current: string): PlacePick[] {
  const mark = (value: string): string => (value === current ? ' (current)' : '');
  const picks: PlacePick[] = [
    {
      label: `$(key) Default credential chain${mark('')}`,
      description: 'environment variables, AWS_PROFILE or the default profile',
      value: '',
    },
  ];
  const sorted = [...profiles].sort((a, b) => a.name.localeCompare(b.name));
  for (const profile of sorted) {
    picks.push({
      label: `$(account) ${profile.name}${mark(profile.name)}`,
      description: [profileKinds[profile.kind], profile.region ?? 'no region'].join(' · '),
      detail: `from ${profile.sources.join(' and ')} file`,
      value: profile.name,
    });
  }
  return picks;
}

/** The region picker: "the profile's region", API Gateway's regions, then "Other…". */
export function regionPicks(current: string): PlacePick[] {
  const mark = (value: string): string => (value === current ? ' (current)' : '');
  return [
    {
      label: `$(globe) Region of the profile${mark('')}`,
      description: "the profile's region, else AWS_REGION, else us-east-1",
      value: '',
    },
    ...(current !== '' && !apiGatewayRegions.some((r) => r.code === current)
      ? [{ label: `${current}${mark(current)}`, description: 'typed in', value: current }]
      : []),
    ...apiGatewayRegions.map((r) => ({ label: `${r.code}${mark(r.code)}`, description: r.name, value: r.code })),
    { label: '$(edit) Other…', description: 'type a region name', value: '', other: true as const },
  ];
}
