// Runs a confirmed plan of stage settings, step by step; a failure stops it and says what was done and what not.
// CreateLogGroup of a group that appeared meanwhile (ResourceAlreadyExistsException) counts as done.
import { UpdateStageCommand, type Op } from '@aws-sdk/client-api-gateway';
import {
  DeleteAccessLogSettingsCommand,
  UpdateStageCommand as UpdateV2StageCommand,
  type RouteSettings,
} from '@aws-sdk/client-apigatewayv2';
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { contextOf } from '../guard';
import { toAwsError } from '../problems';
import type { AwsClients } from '../types';
import type { StageSettingsOutcome, StageSettingsPlan, StageSettingsStep } from './types';

async function runStep(clients: AwsClients, plan: StageSettingsPlan, step: StageSettingsStep): Promise<void> {
  const input = step.input;
  switch (step.operation) {
    case 'CreateLogGroup':
      try {
        await clients.logs.send(new CreateLogGroupCommand({ logGroupName: String(input['logGroupName']) }));
      } catch (error) {
        if ((error as { name?: unknown }).name !== 'ResourceAlreadyExistsException') throw error;
      }
      return;
    case 'DeleteAccessLogSettings':
      await clients.v2.send(
        new DeleteAccessLogSettingsCommand({ ApiId: String(input['ApiId']), StageName: String(input['StageName']) }),
      );
      return;
    case 'UpdateStage':
      if (plan.target.kind === 'REST') {
        await clients.rest.send(
          new UpdateStageCommand({
            restApiId: String(input['restApiId']),
            stageName: String(input['stageName']),
            patchOperations: input['patchOperations'] as { op: Op; path: string; value?: string }[],
          }),
        );
        return;
      }
      await clients.v2.send(
        new UpdateV2StageCommand({
          ApiId: String(input['ApiId']),
          StageName: String(input['StageName']),
          ...(input['DefaultRouteSettings'] !== undefined
            ? { DefaultRouteSettings: input['DefaultRouteSettings'] as RouteSettings }
            : {}),
          ...(input['AccessLogSettings'] !== undefined
            ? { AccessLogSettings: input['AccessLogSettings'] as { DestinationArn: string; Format: string } }
            : {}),
        }),
      );
      return;
  }
}

/** Applies `plan`; `onStep` hears each step before it runs. Never throws for an AWS failure: the outcome tells it. */
export async function applyStageSettings(
  clients: AwsClients,
  plan: StageSettingsPlan,
  onStep?: (index: number, total: number, title: string) => void,
): Promise<StageSettingsOutcome> {
  const done: string[] = [];
  for (const [index, step] of plan.steps.entries()) {
    onStep?.(index, plan.steps.length, step.title);
    try {
      await runStep(clients, plan, step);
    } catch (error) {
      const problem = toAwsError(error, { ...contextOf(clients), operation: step.operation }).problem;
      const notDone = plan.steps.slice(index).map((s) => s.title);
      const changed = done.length > 0 ? ` Done before the failure: ${done.join('; ')}.` : ' Nothing was changed.';
      return {
        ok: false,
        done,
        notDone,
        message: `${step.title} failed: ${problem.message}${changed}`,
      };
    }
    done.push(step.title);
  }
  return { ok: true, done };
}
