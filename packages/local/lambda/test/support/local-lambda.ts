import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { type LocalFunctionConfig, startLambdaEndpoint } from '../../src/index';

/** Path of a fixture bundle under test/fixtures. */
export const fixture = (name: string) => new URL(`../fixtures/${name}.mjs`, import.meta.url).pathname;

/** A real LambdaClient for a local endpoint: dummy credentials and no retries. */
export function connectClient(endpoint: string): LambdaClient {
  return new LambdaClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** An endpoint over the fixture bundles, a real LambdaClient pointed at it, and the log lines it printed. */
export async function startFixtureEndpoint(functions: Record<string, Partial<LocalFunctionConfig>>) {
  const lines: string[] = [];
  const endpoint = await startLambdaEndpoint({
    functions: Object.fromEntries(
      Object.entries(functions).map(([name, config]) => [
        name,
        { bundle: fixture(name), env: {}, timeoutSeconds: 5, ...config },
      ]),
    ),
    logs: (name, line) => lines.push(`[${name}] ${line}`),
  });
  const client = connectClient(endpoint.endpoint);
  const invoke = (FunctionName: string, event: unknown, extra: Partial<InvokeCommand['input']> = {}) =>
    client.send(
      new InvokeCommand({ FunctionName, Payload: new TextEncoder().encode(JSON.stringify(event)), ...extra }),
    );
  return {
    endpoint,
    client,
    lines,
    invoke,
    async stop() {
      client.destroy();
      await endpoint.close();
    },
  };
}

/** The JSON payload of an Invoke response. */
export function payloadOf(output: InvokeCommandOutput): unknown {
  return JSON.parse(new TextDecoder().decode(output.Payload));
}

/** True while a process with this id exists. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
