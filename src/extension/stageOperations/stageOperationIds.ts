/** The commands of a stage's logging settings, deployment history and canary (issue 17, points 3 and 5). */
export const stageOperationIds = {
  /** "Tail Logs" offers it when a stage's logging is off (logs/tailStageLogsCommand.ts names it too). */
  loggingSettings: 'apigw.editStageLogging',
  rollback: 'apigw.rollBackStage',
  deployCanary: 'apigw.deployCanary',
  promoteCanary: 'apigw.promoteCanary',
  cancelCanary: 'apigw.cancelCanary',
} as const;
