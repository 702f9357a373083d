import type { MaybeIntrinsic } from '../gatewayApi';

const invocationPath = /:lambda:path\/[^/]+\/functions\/(.+?)\/invocations/;
const lambdaArn = /^arn:(?:\$\{AWS::Partition\}|[^:$]+):lambda:/;
const arnPlaceholder = /^\$\{([A-Za-z0-9]+)\.Arn\}$/;

/**
 * The Lambda function an integration (or authorizer) URI invokes: the function ARN of an
 * `arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations` URI (or a bare
 * `arn:aws:lambda:` ARN, as HTTP APIs accept), and the CloudFormation logical id when the ARN is
 * `${MyFn.Arn}` in a `Fn::Sub`, `!GetAtt MyFn.Arn`, or a `Fn::Join` holding one.
 */
export function lambdaFunctionOf(uri: MaybeIntrinsic<string> | undefined): string | undefined {
  if (uri === undefined) return undefined;
  if (typeof uri === 'string') return functionInString(uri, false);
  const sub = uri['Fn::Sub'];
  const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  if (subText !== undefined) return functionInString(subText, true);
  const getAtt = logicalIdOfGetAttArn(uri['Fn::GetAtt']);
  if (getAtt !== undefined) return getAtt;
  const join = uri['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) return functionInJoin(join[1] as unknown[]);
  return undefined;
}

function functionInString(text: string, inSub: boolean): string | undefined {
  const fromPath = invocationPath.exec(text)?.[1];
  const arn = fromPath ?? (lambdaArn.test(text) || (inSub && arnPlaceholder.test(text)) ? text : undefined);
  if (arn === undefined || !inSub) return arn;
  return arnPlaceholder.exec(arn)?.[1] ?? arn;
}

function logicalIdOfGetAttArn(getAtt: unknown): string | undefined {
  if (Array.isArray(getAtt) && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string' && getAtt.endsWith('.Arn')) return getAtt.slice(0, -'.Arn'.length);
  return undefined;
}

function functionInJoin(parts: unknown[]): string | undefined {
  if (!parts.some((p) => typeof p === 'string' && p.includes(':lambda:'))) return undefined;
  for (const part of parts) {
    if (part !== null && typeof part === 'object') {
      const id = logicalIdOfGetAttArn((part as Record<string, unknown>)['Fn::GetAtt']);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}
