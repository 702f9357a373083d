/** The commands of a stage's logging settings, deployment history and canary (issue 17, points 3 and 5). */
export const stageOperationIds = {
  /** Kept stable: "Tail Logs" offers it when a stage's logging is off. */
  loggingSettings: 'apigw.aws.stage.loggingSettings',
  rollback: 'apigw.aws.stage.rollback',
  deployCanary: 'apigw.aws.stage.deployCanary',
  promoteCanary: 'apigw.aws.stage.promoteCanary',
  cancelCanary: 'apigw.aws.stage.cancelCanary',
} as const;
