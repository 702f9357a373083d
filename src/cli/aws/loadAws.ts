// The AWS side of the CLI is loaded on first use: `apigw validate` and `apigw mock` never evaluate the SDK.
import type * as aws from '../../aws';

export type AwsModule = typeof aws;

export async function loadAws(): Promise<AwsModule> {
  // The SDK warns on Node 20 that releases after early January 2027 need Node 22. The releases bundled here are
  // pinned and declare Node >= 20 (README, "Dependencies"), so the warning says nothing about this program.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  return import('../../aws');
}
