import type * as awsBundle from '../../aws';
import type { AwsConnection } from '../aws/awsConnection';

/**
 * The part of dist/aws.js a stage's logging settings, history, rollback and canary call. Typed from src/aws
 * itself (types only: nothing of src/aws is bundled into the extension).
 */
export type StageFacade = Pick<
  typeof awsBundle,
  | 'readStageLogging'
  | 'existingLogGroups'
  | 'planStageLogging'
  | 'formatStageSettingsPlan'
  | 'applyStageSettings'
  | 'accessLogFormat'
  | 'presetOf'
  | 'defaultAccessLogGroup'
  | 'listStageDeployments'
  | 'rollbackStage'
  | 'deployCanary'
  | 'promoteCanary'
  | 'cancelCanary'
  | 'canaryRequestProblem'
>;

/** The loaded bundle as the stage facade (loads it on first use; throws a PlaceProblem when it cannot). */
export function stageFacade(connection: AwsConnection): StageFacade {
  return connection.facade() as unknown as StageFacade;
}
