import { Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { powertoolsMetrics } from '../src';
import { jsonLinesWritten } from './support/json-output';

afterEach(() => vi.restoreAllMocks());

/** The EMF documents Powertools writes to stdout while `run` executes. */
const capture = (run: () => void) => jsonLinesWritten(run) as EmfLine[];

interface EmfLine {
  _aws: {
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

const created = () =>
  powertoolsMetrics(new PowertoolsMetrics({ namespace: 'AlexAgents', serviceName: 'planner' }));

describe('powertoolsMetrics', () => {
  it('buffers metrics without dimensions under the service alone and writes them on publish', () => {
    const metrics = created();
    const lines = capture(() => {
      metrics.add('JobsFailed', 'Count', 1);
      metrics.add('JobsFailed', 'Count', 1);
      metrics.add('JobRetries', 'Count', 2);
    });
    expect(lines).toEqual([]);

    const [line, ...rest] = capture(() => metrics.publish());
    expect(rest).toEqual([]);
    const [directive] = line?._aws.CloudWatchMetrics ?? [];
    expect(directive?.Namespace).toBe('AlexAgents');
    expect(directive?.Dimensions).toEqual([['service']]);
    expect(directive?.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'JobsFailed', Unit: 'Count' },
        { Name: 'JobRetries', Unit: 'Count' },
      ]),
    );
    expect(line).toMatchObject({ service: 'planner', JobsFailed: [1, 1], JobRetries: 2 });
  });

  it('writes a metric with dimensions at once, on its own line, with the service too', () => {
    const metrics = created();
    const lines = capture(() => {
      metrics.add('AgentDurationMs', 'Milliseconds', 1520, { agent: 'reporter' });
      metrics.add('ModelCostUsd', 'None', 0.0123, { model: 'us.amazon.nova-pro-v1:0' });
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service', 'agent']]);
    expect(lines[0]).toMatchObject({ service: 'planner', agent: 'reporter', AgentDurationMs: 1520 });
    expect(lines[1]?._aws.CloudWatchMetrics[0]?.Metrics).toEqual([{ Name: 'ModelCostUsd', Unit: 'None' }]);
    expect(lines[1]).toMatchObject({ model: 'us.amazon.nova-pro-v1:0', ModelCostUsd: 0.0123 });
  });

  it('writes nothing, and no warning, when there is nothing to publish', () => {
    const metrics = created();
    const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(capture(() => metrics.publish())).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });
});
