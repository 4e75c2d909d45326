import type { SqsBatchHandler } from '@alex/local-sqs';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

/**
 * The event source mapping's side of a Lambda SQS trigger: invokes the function with the batch through the
 * Lambda API, fails the whole batch on a function error, and passes `{batchItemFailures}` back as returned.
 */
export function lambdaTrigger(client: LambdaClient, functionName: string): SqsBatchHandler {
  return async (event) => {
    const output = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'RequestResponse',
        Payload: new TextEncoder().encode(JSON.stringify(event)),
      }),
    );
    const text = output.Payload ? new TextDecoder().decode(output.Payload) : '';
    if (output.FunctionError)
      throw new Error(`${functionName} ${output.FunctionError} function error: ${text}`);
    return text.trim() === '' ? null : (JSON.parse(text) as unknown);
  };
}
