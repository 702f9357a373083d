import type { AwsConnection } from './awsConnection';

// A module of its own: deploy and the AWS feature bundle take this type, and the activation side (index.ts)
// imports them.

/** What deploy, drift and invoke on AWS use of the AWS side. */
export interface AwsServices {
  /** The facade, the place and its clients (loads the SDK bundle on first use). */
  connection: AwsConnection;
  /** Shows the profile · region status item (a deploy starts). */
  showStatus(): void;
  /** Lists the place's APIs again and selects an API (and stage) in the AWS view. */
  revealApi(apiId: string, stage?: string): Promise<void>;
}
