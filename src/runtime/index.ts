/** The embedded mock API Gateway: a pipeline of replaceable stages, served over HTTP by MockRuntime. */
export { MockRuntime, type MockRuntimeOptions, type ReloadEvent } from './mockRuntime';
export { Pipeline, defaultStages, type PipelineOptions } from './pipeline';
export type { Stage, StageServices } from './stages/stage';
export { loadServedApi, type LoadOptions, type LoadResult } from './loadApi';
export { MountedGateway, forbidden, type MountedApi, type MountedGatewayOptions } from './mounts/mountedGateway';
export {
  MountTable,
  parseMountArgument,
  parseMounts,
  duplicateMount,
  normalMountPath,
  type Mount,
} from './mounts/mounts';
export { loadConfig, parseConfig, configFileName, type RuntimeConfig, type HandlerRef } from './config';
export { gatewayErrors, type GatewayError, type GatewayErrorKind } from './errors';
export { vtlRenderer, type TemplateRenderer, type RenderedTemplate } from './templates';
export { WorkerPoolInvoker } from './lambda/workerPool';
export type { LambdaInvoker, LambdaInvocation, LambdaOutcome } from './lambda/invoker';
export type { MockRequest, MockResponse, RequestEvent, TraceStep, ServedApi } from './types';
export type { AccessRecord, AccessLogFormat } from './accessLog/accessRecord';
export { compileAccessLogFormat, clfFormats, type CompileResult } from './accessLog/format';
export { LocalMetrics, type LocalMetricsOptions } from './metrics/localMetrics';
