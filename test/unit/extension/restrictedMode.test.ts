// The commands that act on AWS with the user's credentials refuse in Restricted Mode, saying why, before they
// touch anything. The integration suite runs with workspace trust off (everything trusted), so the refusal is
// tested here, on the real command classes with a stand-in 'vscode' whose workspace is not trusted.
import { setWorkspaceTrusted } from '../helpers/fakeVscode';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { awsTrustRefusal } from '../../../src/extension/aws/awsActions';
import { MapStageToCustomDomainCommand } from '../../../src/extension/aws/domainCommands';
import { DeleteStageCommand } from '../../../src/extension/aws/stageCommands';
import { OpenStageDashboardCommand } from '../../../src/extension/aws/stageDashboardCommand';
import { invokeOnAwsTrustRefusal } from '../../../src/extension/awsInvoke/awsInvokeRequest';
import { InvokeRouteOnAwsCommand } from '../../../src/extension/awsInvoke/invokeOnAwsCommand';
import { UserError } from '../../../src/extension/commands/commandRegistry';
import { DeployApiCommand } from '../../../src/extension/deploy/deployApiCommand';
import { DeployDryRunCommand, dryRunTrustRefusal } from '../../../src/extension/walkthrough/deployDryRun';

/** Dependencies that fail the test when anything reads them: a refusal must come before any other work. */
function untouchable<T>(what: string): T {
  return new Proxy(
    {},
    {
      get: (_t, key) => {
        throw new Error(`${what}.${String(key)} was used in Restricted Mode`);
      },
    },
  ) as T;
}

const trustHint = 'Trust the workspace (Workspaces: Manage Workspace Trust) to use it.';

describe('Restricted Mode: Deploy API, Invoke Route on AWS and Delete Stage refuse, saying why', () => {
  afterEach(() => setWorkspaceTrusted(true));

  it('Deploy API refuses before reading the definition or connecting to AWS', async () => {
    setWorkspaceTrusted(false);
    const command = new DeployApiCommand(untouchable('deploy deps'));
    await assert.rejects(command.execute(undefined, { target: 'new', stage: 'prod' }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.message, awsTrustRefusal(false, 'Deploy API'));
      assert.match(error.message, /^Deploy API is disabled in Restricted Mode: it changes your AWS account/);
      assert.ok(error.message.endsWith(trustHint));
      return true;
    });
  });

  it('Invoke Route on AWS refuses before opening the panel or connecting to AWS', async () => {
    setWorkspaceTrusted(false);
    const command = new InvokeRouteOnAwsCommand(untouchable('invoke deps'));
    await assert.rejects(command.execute(undefined, { apiId: 'abc123', stage: 'prod' }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.message, invokeOnAwsTrustRefusal(false));
      assert.match(error.message, /^Invoke Route on AWS is disabled in Restricted Mode: .*your credentials/);
      assert.ok(error.message.endsWith(trustHint));
      return true;
    });
  });

  it('Delete Stage refuses before asking or connecting to AWS', async () => {
    setWorkspaceTrusted(false);
    const command = new DeleteStageCommand(untouchable('connection'), untouchable('tree model'));
    await assert.rejects(command.execute(undefined), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.message, awsTrustRefusal(false, 'Delete Stage'));
      assert.match(error.message, /^Delete Stage is disabled in Restricted Mode: it changes your AWS account/);
      return true;
    });
  });

  it('Map Stage to Custom Domain refuses before listing domains, asking or connecting to AWS', async () => {
    setWorkspaceTrusted(false);
    const command = new MapStageToCustomDomainCommand(untouchable('connection'), untouchable('tree model'));
    await assert.rejects(command.execute(undefined), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.message, awsTrustRefusal(false, 'Map Stage to Custom Domain'));
      assert.match(
        error.message,
        /^Map Stage to Custom Domain is disabled in Restricted Mode: it changes your AWS account/,
      );
      return true;
    });
    setWorkspaceTrusted(true);
    await assert.rejects(command.execute(undefined), /needs a stage: right-click a stage in the AWS view/);
    command.dispose();
  });

  it('the same commands go on in a trusted workspace (the refusal is the only difference)', async () => {
    setWorkspaceTrusted(true);
    // Past the trust check, each needs its dependencies: the first one read is the proof it went on.
    await assert.rejects(new DeployApiCommand(untouchable('deploy deps')).execute(), /deploy deps\.\w+ was used/);
    await assert.rejects(
      new DeleteStageCommand(untouchable('connection'), untouchable('tree model')).execute(undefined),
      /needs a stage: right-click a stage in the AWS view/,
    );
    await assert.rejects(
      new InvokeRouteOnAwsCommand(untouchable('invoke deps')).execute(),
      /invoke deps\.\w+ was used/,
    );
  });
});

describe('Restricted Mode: the deploy dry run (the walkthrough step) refuses, saying why', () => {
  afterEach(() => setWorkspaceTrusted(true));

  it('before reading the workspace or starting the command line', async () => {
    setWorkspaceTrusted(false);
    await assert.rejects(new DeployDryRunCommand(untouchable('dry run deps')).execute(), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.message, dryRunTrustRefusal);
      assert.match(error.message, /^Deploy Dry Run is disabled in Restricted Mode: /);
      assert.ok(error.message.endsWith(trustHint));
      return true;
    });
  });

  it('and goes on in a trusted workspace', async () => {
    setWorkspaceTrusted(true);
    await assert.rejects(new DeployDryRunCommand(untouchable('dry run deps')).execute(), /dry run deps\.\w+ was used/);
  });
});

describe('Restricted Mode: Open Stage Dashboard only reads, so it goes on', () => {
  afterEach(() => setWorkspaceTrusted(true));

  it('connects to AWS instead of refusing, and asks for a stage when given none', async () => {
    setWorkspaceTrusted(false);
    const stage = {
      kind: 'aws.stage',
      api: { id: 'abc123', name: 'Pets', kind: 'REST' },
      stage: { apiId: 'abc123', name: 'prod', invokeUrl: 'https://x', variables: {} },
    };
    const command = new OpenStageDashboardCommand(untouchable('connection'), untouchable('context'));
    // The first dependency read is the connection: no trust refusal came before it.
    await assert.rejects(command.execute(stage), /connection\.connect was used/);
    await assert.rejects(command.execute(undefined), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.message, 'Open Stage Dashboard needs a stage: right-click a stage in the AWS view.');
      return true;
    });
  });
});
