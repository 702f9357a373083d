// The profiles of the shared AWS config and credentials files, for the profile picker: read with the SDK's own
// loader (so AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE and `~/` work as in the CLI), classified the way the
// SDK's ini provider resolves them. Nothing here resolves credentials or reads a secret into the result.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsProfile } from './types';

/** Where to read; both default to the SDK's (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, then ~/.aws/). */
export interface ProfileFiles {
  configFile?: string;
  credentialsFile?: string;
}

type Section = Record<string, string | undefined>;

/** A map without Object.prototype: profile names are the user's text, and 'constructor' is a name like any other. */
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** Sections of the config file that are not profiles (`[sso-session x]`, `[services x]`). */
const nonProfilePrefixes = ['sso-session.', 'services.'];

async function readSections(
  files: ProfileFiles,
): Promise<{ config: Record<string, Section>; credentials: Record<string, Section> }> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    ...(files.configFile !== undefined ? { configFilepath: files.configFile } : {}),
    ...(files.credentialsFile !== undefined ? { filepath: files.credentialsFile } : {}),
    // The picker must see a profile added a moment ago.
    ignoreCache: true,
  });
  const config = dict<Section>();
  for (const [name, section] of Object.entries(configFile)) {
    if (!nonProfilePrefixes.some((prefix) => name.startsWith(prefix))) config[name] = section;
  }
  const credentials = dict<Section>();
  for (const [name, section] of Object.entries(credentialsFile)) credentials[name] = section;
  return { config, credentials };
}

/** The kind of a profile, tested in the order the SDK's ini provider tries them. */
export function profileKind(section: Section): AwsProfile['kind'] {
  const has = (key: string): boolean => typeof section[key] === 'string';
  if (has('role_arn') && (has('source_profile') || has('credential_source'))) return 'role';
  if (has('aws_access_key_id') && has('aws_secret_access_key')) return 'static';
  if (has('web_identity_token_file') && has('role_arn')) return 'web-identity';
  if (has('credential_process')) return 'process';
  if (['sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name'].some(has)) return 'sso';
  return 'other';
}

/** Every profile of the shared files, `default` first, then by name. */
export async function listProfiles(files: ProfileFiles = {}): Promise<AwsProfile[]> {
  const { config, credentials } = await readSections(files);
  const names = new Set([...Object.keys(config), ...Object.keys(credentials)]);
  const profiles: AwsProfile[] = [];
  for (const name of names) {
    // The SDK merges a profile's two sections, the credentials file winning.
    const merged = Object.assign(dict<string | undefined>(), config[name], credentials[name]);
    const sources: AwsProfile['sources'] = [];
    if (config[name]) sources.push('config');
    if (credentials[name]) sources.push('credentials');
    // The SDK reads settings such as the region preferring the config file.
    const region = (config[name]?.region ?? credentials[name]?.region)?.trim();
    profiles.push({ name, kind: profileKind(merged), ...(region ? { region } : {}), sources });
  }
  return profiles.sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

/** The region a profile names (config file `region`), or undefined. */
export async function profileRegion(name: string, files: ProfileFiles = {}): Promise<string | undefined> {
  const { config, credentials } = await readSections(files);
  const region = (config[name]?.region ?? credentials[name]?.region)?.trim();
  return region || undefined;
}
