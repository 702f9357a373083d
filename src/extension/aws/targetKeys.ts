import type { AwsPlace } from '../../aws/types';

// The keys of the per-definition AWS target memories in the workspace state: where Deploy deployed a definition's
// API (deploy/targetMemory.ts) and what Invoke Route on AWS picked (awsInvoke/invokeMemory.ts, which also reads the
// deploy's keys). One key form for both, here, where activation (the CodeLens) and the deploy feature can use it.

/** Deploy's memory. */
export const deployTargetPrefix = 'apigw.deploy.target';
/** Invoke Route on AWS's memory. */
export const invokeTargetPrefix = 'apigw.invokeOnAws.target';

/** The place as a key: "profile@region" (the default chain is ""), and the endpoint when calls go elsewhere. */
export function placeKey(place: AwsPlace): string {
  const base = `${place.profile ?? ''}@${place.region}`;
  return place.endpointUrl === undefined || place.endpointUrl === '' ? base : `${base} ${place.endpointUrl}`;
}

/**
 * "prefix:[place, definition, API]". `definition` is the workspace-relative path (so a moved workspace keeps its
 * targets), with `/` separators; the API is named by its name in the definition.
 */
export function memoryKey(prefix: string, definition: string, apiName: string, place: AwsPlace): string {
  return `${prefix}:${JSON.stringify([placeKey(place), definition.replace(/\\/g, '/'), apiName])}`;
}
