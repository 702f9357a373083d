import type * as awsBundle from '../../aws';
import type { AwsConnection } from '../aws/awsConnection';

/**
 * The part of dist/aws.js that deploy and drift call: the deploy core (prepare, read what is deployed, plan,
 * apply, compare) and the calls of the AWS view they need. Typed from src/aws itself (types only: nothing of
 * src/aws is bundled into dist/extension.js).
 */
export type DeployFacade = Pick<
  typeof awsBundle,
  | 'prepareDeploySource'
  | 'readDeployed'
  | 'planDeploy'
  | 'formatPlan'
  | 'applyPlan'
  | 'compareWithDeployed'
  | 'compareWebSocketWithDeployed'
  | 'listApis'
  | 'getApiDetails'
  | 'whoAmI'
>;

/** The loaded bundle as the deploy facade (loads it on first use; throws a PlaceProblem when it cannot). */
export function deployFacade(connection: AwsConnection): DeployFacade {
  return connection.facade() as unknown as DeployFacade;
}

export type { DeploySource, PrepareResult, DeployedApi, DriftResult } from '../../aws';
