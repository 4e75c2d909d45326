import { JOB_QUEUE } from '@alex/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CharterEnv } from '../../../../agents/charter/src/config';
import { PlannerEnv } from '../../../../agents/planner/src/config';
import { ReporterEnv } from '../../../../agents/reporter/src/config';
import { RetirementEnv } from '../../../../agents/retirement/src/config';
import { TaggerEnv } from '../../../../agents/tagger/src/config';
import {
  asObject,
  block,
  type HclObject,
  hcl,
  policyStatements,
  readTerraformModule,
  type TerraformModule,
  valueSource,
} from './terraform-module';

const schemas: Record<string, z.ZodObject> = {
  planner: PlannerEnv,
  tagger: TaggerEnv,
  reporter: ReporterEnv,
  charter: CharterEnv,
  retirement: RetirementEnv,
};
const agentNames = Object.keys(schemas);

let agents: TerraformModule;
beforeAll(async () => {
  agents = await readTerraformModule('agents');
});

/** The variables Terraform gives an agent: the common map merged with the agent's own map. */
function terraformEnv(agent: string): HclObject {
  const common = asObject(agents.locals.common_env, 'local.common_env');
  const own = asObject(
    asObject(agents.locals.agent_env, 'local.agent_env')[agent],
    `local.agent_env.${agent}`,
  );
  return { ...common, ...own };
}

const lambda = () => block(agents.resources, 'aws_lambda_function', 'agent');

describe('terraform/agents Lambda environment', () => {
  it('builds every function environment from the common and per-agent maps, dropping values not given', () => {
    const environment = asObject((lambda().environment as HclObject[])[0], 'environment');
    expect(environment.variables).toBe(hcl('local.lambda_env[each.key]'));
    expect(agents.locals.lambda_env).toContain('merge(local.common_env, local.agent_env[name])');
    expect(agents.locals.lambda_env).toContain('if value != null');
    expect(Object.keys(asObject(agents.locals.agent_env, 'local.agent_env')).sort()).toEqual(
      [...agentNames].sort(),
    );
  });

  it.each(agentNames)('sets exactly the variables the %s config reads', (agent) => {
    const schema = schemas[agent] as z.ZodObject;
    expect(Object.keys(terraformEnv(agent)).sort()).toEqual(Object.keys(schema.shape).sort());
  });

  it.each(agentNames)(
    'leaves a %s variable unset only where its config has a default or makes it optional',
    (agent) => {
      const schema = schemas[agent] as z.ZodObject;
      for (const [key, value] of Object.entries(terraformEnv(agent))) {
        const source = valueSource(agents, value);
        const mayBeNull = source.kind === 'variable' && source.hasDefault && source.default === null;
        const acceptsMissing = schema.shape[key]?.safeParse(undefined).success ?? false;
        if (mayBeNull)
          expect(acceptsMissing, `${agent} ${key} is unset when var.${source.name} is null`).toBe(true);
      }
    },
  );

  it.each(agentNames)('gives %s only default values its config accepts', (agent) => {
    const schema = schemas[agent] as z.ZodObject;
    let checked = 0;
    for (const [key, value] of Object.entries(terraformEnv(agent))) {
      const source = valueSource(agents, value);
      const given =
        source.kind === 'literal' ? source.value : source.kind === 'variable' ? source.default : undefined;
      if (given === undefined || given === null) continue;
      // Lambda environment values are strings; the config coerces numbers itself.
      const parsed = schema.shape[key]?.safeParse(String(given));
      expect(parsed?.success, `${agent} ${key}=${String(given)}`).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

describe('terraform/agents functions and queue', () => {
  it('runs every agent on nodejs22.x with the reference timeouts and memory', () => {
    const fn = lambda();
    expect(fn.for_each).toBe(hcl('local.agents'));
    expect(fn.runtime).toBe('nodejs22.x');
    expect(fn.handler).toBe('handler.handler');
    expect(fn.timeout).toBe(hcl('each.value.timeout'));
    expect(fn.memory_size).toBe(hcl('each.value.memory_size'));
    expect(agents.locals.agents).toEqual({
      planner: { timeout: 900, memory_size: 2048 },
      tagger: { timeout: 300, memory_size: 1024 },
      reporter: { timeout: 300, memory_size: 1024 },
      charter: { timeout: 300, memory_size: 1024 },
      retirement: { timeout: 300, memory_size: 1024 },
    });
  });

  it('feeds the planner one job at a time with partial batch failure reporting', () => {
    const mapping = block(agents.resources, 'aws_lambda_event_source_mapping', 'planner_jobs');
    expect(mapping.function_name).toBe(hcl('aws_lambda_function.agent["planner"].arn'));
    expect(mapping.event_source_arn).toBe(hcl('aws_sqs_queue.jobs.arn'));
    expect(mapping.batch_size).toBe(hcl('local.job_queue.batch_size'));
    expect(JOB_QUEUE.batch_size).toBe(1);
    expect(mapping.function_response_types).toEqual(['ReportBatchItemFailures']);
  });

  it('keeps a job invisible longer than the planner may run and dead-letters it after 3 receives', () => {
    const queue = block(agents.resources, 'aws_sqs_queue', 'jobs');
    const visibility = valueSource(agents, queue.visibility_timeout_seconds);
    const plannerTimeout = asObject(asObject(agents.locals.agents, 'agents').planner, 'planner')
      .timeout as number;
    expect(visibility.kind).toBe('variable');
    if (visibility.kind === 'variable') expect(visibility.default).toBeGreaterThan(plannerTimeout);
    expect(queue.redrive_policy).toBe(hcl('jsonencode(local.jobs_redrive_policy)'));
    expect(asObject(agents.locals.jobs_redrive_policy, 'redrive').maxReceiveCount).toBe(
      hcl('local.max_receive_count'),
    );
    // Terraform, the planner and the local stack read the count from one file (terraform/agents/job-queue.json).
    expect(agents.locals.job_queue).toBe(hcl(`jsondecode(file("\${path.module}/job-queue.json"))`));
    expect(agents.locals.max_receive_count).toBe(hcl('local.job_queue.max_receive_count'));
    expect(JOB_QUEUE.max_receive_count).toBe(3);
    // The planner learns the same count, so its final attempt is the queue's last receive.
    const plannerEnv = asObject(asObject(agents.locals.agent_env, 'agent_env').planner, 'planner');
    expect(plannerEnv.MAX_RECEIVE_COUNT).toBe(hcl('tostring(local.max_receive_count)'));
    expect(block(agents.resources, 'aws_sqs_queue', 'jobs_dlq').message_retention_seconds).toBe(1_209_600);
  });

  it('orders the numbers so no job is stuck: visibility timeout > planner timeout > job lease', () => {
    const queue = block(agents.resources, 'aws_sqs_queue', 'jobs');
    const visibility = valueSource(agents, queue.visibility_timeout_seconds);
    const plannerTimeout = asObject(asObject(agents.locals.agents, 'agents').planner, 'planner')
      .timeout as number;
    const plannerEnv = asObject(asObject(agents.locals.agent_env, 'agent_env').planner, 'planner');
    expect(plannerEnv.JOB_LEASE_SECONDS).toBe(hcl('tostring(local.job_lease_seconds)'));
    expect(agents.locals.job_lease_seconds).toBe(hcl('local.job_queue.job_lease_seconds'));
    const lease = JOB_QUEUE.job_lease_seconds;
    expect(visibility.kind === 'variable' ? visibility.default : undefined).toBeGreaterThan(plannerTimeout);
    expect(plannerTimeout).toBeGreaterThan(lease);
    // The heartbeat renews every third of the lease, so a lease cannot lapse within the Lambda's life.
    expect(lease).toBeLessThanOrEqual(plannerTimeout / 3);
    expect(PlannerEnv.shape.JOB_LEASE_SECONDS.parse(String(lease))).toBe(lease);
  });

  it('invokes the planner with {"sweep": true} every 5 minutes, and only that rule may', () => {
    const rule = block(agents.resources, 'aws_cloudwatch_event_rule', 'sweep');
    expect(rule.schedule_expression).toBe('rate(5 minutes)');
    const target = block(agents.resources, 'aws_cloudwatch_event_target', 'sweep');
    expect(target.rule).toBe(hcl('aws_cloudwatch_event_rule.sweep.name'));
    expect(target.arn).toBe(hcl('aws_lambda_function.agent["planner"].arn'));
    expect(target.input).toBe(hcl('jsonencode({ sweep = true })'));
    const permission = block(agents.resources, 'aws_lambda_permission', 'sweep');
    expect(permission).toMatchObject({
      action: 'lambda:InvokeFunction',
      principal: 'events.amazonaws.com',
      function_name: hcl('aws_lambda_function.agent["planner"].function_name'),
      source_arn: hcl('aws_cloudwatch_event_rule.sweep.arn'),
    });
    const plannerEnv = asObject(asObject(agents.locals.agent_env, 'agent_env').planner, 'planner');
    expect(plannerEnv.JOBS_QUEUE_URL).toBe(hcl('aws_sqs_queue.jobs.url'));
  });
});

describe('terraform/agents IAM', () => {
  it('gives every function its own role', () => {
    expect(block(agents.resources, 'aws_iam_role', 'agent').for_each).toBe(hcl('local.agents'));
    expect(lambda().role).toBe(hcl('aws_iam_role.agent[each.key].arn'));
  });

  it('names every action explicitly, without wildcards', () => {
    const documents = Object.values(agents.data.aws_iam_policy_document ?? {});
    const actions = documents.flatMap((document) =>
      policyStatements(agents, document).flatMap(({ statement }) => statement.actions as string[]),
    );
    expect(actions.length).toBeGreaterThan(15);
    for (const action of actions) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
  });

  it('grants the queue (SendMessage on the jobs queue only), the specialists, SageMaker and S3 Vectors only to the agent that uses them', () => {
    const statements = policyStatements(agents, block(agents.data, 'aws_iam_policy_document', 'agent'));
    const grantedTo = (action: string) =>
      statements
        .filter(({ statement }) => (statement.actions as string[]).includes(action))
        .map(({ onlyFor }) => onlyFor);
    for (const action of ['lambda:InvokeFunction', 'sqs:ReceiveMessage', 'sqs:DeleteMessage']) {
      expect(grantedTo(action), action).toEqual(['planner']);
    }
    const send = statements.filter(({ statement }) =>
      (statement.actions as string[]).includes('sqs:SendMessage'),
    );
    expect(send).toHaveLength(1);
    expect(send[0]?.onlyFor).toBe('planner');
    expect(send[0]?.statement.actions).toEqual(['sqs:SendMessage']);
    expect(send[0]?.statement.resources).toEqual([hcl('aws_sqs_queue.jobs.arn')]);
    for (const action of ['sagemaker:InvokeEndpoint', 's3vectors:QueryVectors', 's3vectors:GetVectors']) {
      expect(grantedTo(action), action).toEqual(['reporter']);
    }
  });

  it("gives every role the four common statements and nothing else but its own agent's", () => {
    const document = block(agents.data, 'aws_iam_policy_document', 'agent');
    expect(document.for_each).toBe(hcl('local.agents'));
    const statements = policyStatements(agents, document);
    const sids = (agent: string) =>
      statements
        .filter(({ onlyFor }) => onlyFor === undefined || onlyFor === agent)
        .map(({ statement }) => statement.sid);
    // A statement kept for a key that is not an agent would be granted to no one, or to a renamed agent.
    for (const { onlyFor } of statements) if (onlyFor) expect(agentNames).toContain(onlyFor);
    const common = ['OwnLogGroup', 'AuroraDataApi', 'ReadSecrets', 'InvokeModel'];
    expect(Object.fromEntries(agentNames.map((agent) => [agent, sids(agent)]))).toEqual({
      planner: [...common, 'InvokeSpecialists', 'ConsumeJobs', 'ResendAbandonedJobs'],
      tagger: common,
      reporter: [...common, 'EmbedQuery', 'QueryResearchIndex'],
      charter: common,
      retirement: common,
    });
  });
});
