import type { AwsPlace, AwsProfile } from '../../aws/types';
import { fallbackRegion } from './regions';

/** The `apigw.aws.*` settings that say where AWS calls go ('' = not set). */
export interface PlaceSettings {
  profile: string;
  region: string;
  endpointUrl: string;
}

/** The place AWS calls go to, with what the view and the status bar show of it. */
export interface ResolvedPlace {
  place: AwsPlace;
  /** The profile as people know it: the setting, else `AWS_PROFILE`, else "environment" or "default". */
  profileLabel: string;
  /** Where the region came from, for the tooltip. */
  regionSource: 'setting' | 'profile' | 'environment' | 'default';
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where calls go: the region of the setting, else of the chosen profile, else `AWS_REGION` /
 * `AWS_DEFAULT_REGION`, else of the default chain's profile, else us-east-1. Pure: the profiles and the
 * environment are given.
 */
export function resolvePlace(settings: PlaceSettings, profiles: readonly AwsProfile[], env: Env): ResolvedPlace {
  const chosen = settings.profile.trim();
  const defaultProfile = nonEmpty(env.AWS_PROFILE) ?? 'default';
  const profileRegion = (name: string): string | undefined => nonEmpty(profiles.find((p) => p.name === name)?.region);
  const envRegion = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  let region: string | undefined;
  let regionSource: ResolvedPlace['regionSource'];
  if ((region = nonEmpty(settings.region)) !== undefined) regionSource = 'setting';
  else if (chosen !== '' && (region = profileRegion(chosen)) !== undefined) regionSource = 'profile';
  else if ((region = envRegion) !== undefined) regionSource = 'environment';
  else if (chosen === '' && (region = profileRegion(defaultProfile)) !== undefined) regionSource = 'profile';
  else {
    region = fallbackRegion;
    regionSource = 'default';
  }
  const endpointUrl = nonEmpty(settings.endpointUrl);
  const place: AwsPlace = {
    region,
    ...(chosen !== '' ? { profile: chosen } : {}),
    ...(endpointUrl !== undefined ? { endpointUrl } : {}),
  };
  return { place, profileLabel: chosen !== '' ? chosen : defaultChainLabel(env), regionSource };
}

/** What the SDK's default chain will use, in a word: `AWS_PROFILE`, keys in the environment, or "default". */
function defaultChainLabel(env: Env): string {
  const profile = nonEmpty(env.AWS_PROFILE);
  if (profile !== undefined) return profile;
  return nonEmpty(env.AWS_ACCESS_KEY_ID) !== undefined ? 'environment' : 'default';
}

/** Why `apigw.aws.endpointUrl` cannot be used, or undefined when it is empty or an http(s) URL. */
export function endpointUrlProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `The setting apigw.aws.endpointUrl ("${text}") is not a URL. Set it to an address such as http://localhost:4566, or clear it to call AWS.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `The setting apigw.aws.endpointUrl ("${text}") must start with http:// or https://.`;
  }
  return undefined;
}

/** "profile · region", the way the status bar and the view's root show a place. */
export function placeTitle(resolved: ResolvedPlace): string {
  return `${resolved.profileLabel} · ${resolved.place.region}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text === undefined || text === '' ? undefined : text;
}
