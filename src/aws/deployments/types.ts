// The vocabulary of a stage's deployment history, rollback and canary (issue 17, point 5). Types only.

/** One deployment of an API, as a stage's history lists it. */
export interface StageDeployment {
  id: string;
  createdDate?: Date;
  description?: string;
  /** The stage serves it now. */
  live: boolean;
  /** The stage's canary serves it (REST). */
  canary: boolean;
}

/** A REST stage's canary release: which deployment takes which share of the traffic, with which variables. */
export interface CanaryState {
  deploymentId?: string;
  /** 0.0 to 100.0. */
  percentTraffic: number;
  stageVariableOverrides: Record<string, string>;
  useStageCache: boolean;
}

/** What "Deploy as Canary…" asks for. */
export interface CanaryRequest {
  percentTraffic: number;
  description?: string;
  stageVariableOverrides?: Record<string, string>;
  useStageCache?: boolean;
}

/** A REST UpdateStage patch operation. */
export interface PatchOperation {
  op: 'replace' | 'remove' | 'copy' | 'add';
  path: string;
  value?: string;
  from?: string;
}
