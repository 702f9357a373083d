// The values `Ref` and `${...}` can name when a template is deployed without CloudFormation: the pseudo parameters
// (region, account, partition, URL suffix, stack name) and the template's parameters (given value, else Default).
import type { SourceNode } from '../../model';
import { getProperty } from '../../model/parse';
import type { IntrinsicValues } from './materialize';

export interface PseudoValues {
  region: string;
  /** From STS GetCallerIdentity; without it `AWS::AccountId` stops the deploy with a message. */
  accountId?: string;
  /** Default: derived from the region (aws, aws-cn, aws-us-gov, ...). */
  partition?: string;
  stackName?: string;
}

/** The partition a region belongs to. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  return 'aws';
}

/** The domain suffix of a partition's endpoints (`AWS::URLSuffix`). */
export function urlSuffixOf(partition: string): string {
  if (partition === 'aws-cn') return 'amazonaws.com.cn';
  if (partition === 'aws-iso') return 'c2s.ic.gov';
  if (partition === 'aws-iso-b') return 'sc2s.sgov.gov';
  if (partition === 'aws-iso-e') return 'cloud.adc-e.uk';
  return 'amazonaws.com';
}

/** Pseudo parameters and the template's parameters (`root` undefined for a bare OpenAPI document). */
export function intrinsicValuesFor(
  root: SourceNode | undefined,
  given: Record<string, string> | undefined,
  pseudo: PseudoValues | undefined,
): IntrinsicValues {
  const region = pseudo?.region;
  const partition = pseudo?.partition ?? (region === undefined ? undefined : partitionOf(region));
  const values = new Map<string, string | undefined>([
    ['AWS::Region', region],
    ['AWS::AccountId', pseudo?.accountId],
    ['AWS::Partition', partition],
    ['AWS::URLSuffix', partition === undefined ? undefined : urlSuffixOf(partition)],
    ['AWS::StackName', pseudo?.stackName],
  ]);
  const reasons = new Map<string, string>([
    ['AWS::Region', 'no region is chosen: choose one'],
    ['AWS::AccountId', 'the AWS account is not known: sign in, so that it is read with STS GetCallerIdentity'],
    ['AWS::Partition', 'no region is chosen: choose one'],
    ['AWS::URLSuffix', 'no region is chosen: choose one'],
    ['AWS::StackName', 'there is no CloudFormation stack here: give a stack name'],
  ]);
  const parameters = new Map<string, string | undefined>();
  const declared = getProperty(root, 'Parameters');
  if (declared?.kind === 'object') {
    for (const { key, value } of declared.properties) {
      const fallback = getProperty(value, 'Default');
      const defaultValue =
        fallback?.kind === 'scalar' && fallback.value !== null
          ? String(fallback.value)
          : fallback?.kind === 'array'
            ? fallback.items.map((i) => (i.kind === 'scalar' ? String(i.value) : '')).join(',')
            : undefined;
      parameters.set(key, defaultValue);
    }
  }
  for (const [name, value] of Object.entries(given ?? {})) parameters.set(name, value);
  return { pseudo: values, parameters, pseudoReasons: reasons };
}
