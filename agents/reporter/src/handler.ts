import { s3VectorsKnowledge } from '@alex/aws-adapters';
import { createLambdaContext, type Invocation } from '@alex/lambda-context';
import { S3VectorsClient } from '@aws-sdk/client-s3vectors';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { reporterConfig } from './config';
import { createReporterHandler } from './create-reporter-handler';

// Built once per container: configuration errors fail the cold start loudly, naming every variable.
const config = reporterConfig(process.env);
const context = await createLambdaContext(config, 'reporter');
const knowledge = s3VectorsKnowledge({
  sagemaker: new SageMakerRuntimeClient({}),
  s3vectors: new S3VectorsClient({}),
  endpointName: config.SAGEMAKER_ENDPOINT,
  bucket: config.VECTOR_BUCKET,
  index: config.VECTOR_INDEX,
  logger: context.logger.child({ component: 'knowledge' }),
});
const handle = createReporterHandler({ ...context, knowledge });

/** The reporter Lambda: `{job_id}` in, an AgentResponse out. */
export const handler = (event: unknown, invocation?: Invocation) =>
  context.invoke(invocation, () => handle(event));
