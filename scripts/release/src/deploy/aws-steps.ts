import { readFile } from 'node:fs/promises';
import {
  type GetFunctionCommandOutput,
  type LambdaClient,
  UpdateFunctionCodeCommand,
  waitForFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Artifact } from './deploy-plan';

/** Uploads one zip to its content-addressed key; S3 checks the bytes against the SHA-256. */
export async function uploadArtifact(s3: S3Client, bucket: string, artifact: Artifact): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: artifact.key,
      Body: await readFile(artifact.file),
      ContentType: 'application/zip',
      ChecksumSHA256: artifact.sha256,
    }),
  );
}

/** Points a function at an uploaded zip (S3Bucket/S3Key) and returns the new code's SHA-256. */
export async function updateFunctionCode(
  lambda: LambdaClient,
  functionName: string,
  bucket: string,
  key: string,
): Promise<string | undefined> {
  const result = await lambda.send(
    new UpdateFunctionCodeCommand({ FunctionName: functionName, S3Bucket: bucket, S3Key: key }),
  );
  return result.CodeSha256;
}

/** Waits until a function's last update has finished; a failed or stuck update throws with the reason. */
export async function waitForFunctionUpdated(
  lambda: LambdaClient,
  functionName: string,
  maxWaitSeconds = 300,
): Promise<void> {
  const result = await waitForFunctionUpdatedV2(
    { client: lambda, maxWaitTime: maxWaitSeconds, minDelay: 1, maxDelay: 5 },
    { FunctionName: functionName },
  );
  // WaiterState lives in @smithy/core, which this package does not depend on directly; compare its values.
  const state = String(result.state);
  if (state === 'SUCCESS') return;
  const reason = (result.reason as GetFunctionCommandOutput | undefined)?.Configuration
    ?.LastUpdateStatusReason;
  if (state === 'FAILURE') throw new Error(`update failed: ${reason ?? 'no reason given'}`);
  throw new Error(`still not updated after ${maxWaitSeconds} s (${state})`);
}
