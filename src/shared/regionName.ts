/**
 * Whether `value` is an AWS Region name: two letters, one or more dash-separated words, a number (`us-east-1`,
 * `eu-west-3`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`). The config file, the CLI's `--region` and the AWS
 * view's region box all judge a name by this.
 */
export function isRegionName(value: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(value);
}
