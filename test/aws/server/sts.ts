// STS over the awsQuery protocol, which the installed @aws-sdk/client-sts speaks: POST / with a form body
// (Action=GetCallerIdentity&Version=2011-06-15), XML answers, errors as <ErrorResponse><Error><Code>.
import { randomUUID } from 'node:crypto';
import type { Reply } from './context';
import { AwsError } from './errors';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The form fields of an awsQuery request. */
export function formFields(body: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

/** The operation an awsQuery body names (its Action), for recording and fault matching. */
export const stsOperation = (body: Buffer): string => formFields(body).Action ?? 'Unknown';

export function stsCall(body: Buffer, identity: { accountId: string; arn: string; userId: string }): Reply {
  const fields = formFields(body);
  if (fields.Action !== 'GetCallerIdentity')
    throw new AwsError(
      400,
      'InvalidAction',
      `Could not find operation ${fields.Action ?? ''} for version ${fields.Version ?? ''}`,
    );
  const xml =
    `<GetCallerIdentityResponse xmlns="${NS}">\n` +
    `  <GetCallerIdentityResult>\n` +
    `    <Arn>${escapeXml(identity.arn)}</Arn>\n` +
    `    <UserId>${escapeXml(identity.userId)}</UserId>\n` +
    `    <Account>${escapeXml(identity.accountId)}</Account>\n` +
    `  </GetCallerIdentityResult>\n` +
    `  <ResponseMetadata>\n    <RequestId>${randomUUID()}</RequestId>\n  </ResponseMetadata>\n` +
    `</GetCallerIdentityResponse>\n`;
  return { status: 200, body: xml, headers: { 'content-type': 'text/xml' } };
}

/** An error as STS writes it; the SDK takes `error.name` from <Code>. */
export function stsError(e: AwsError, requestId: string): Reply {
  const xml =
    `<ErrorResponse xmlns="${NS}">\n` +
    `  <Error>\n    <Type>${e.status >= 500 ? 'Receiver' : 'Sender'}</Type>\n` +
    `    <Code>${escapeXml(e.type)}</Code>\n    <Message>${escapeXml(e.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
  return { status: e.status, body: xml, headers: { 'content-type': 'text/xml', ...e.headers } };
}
