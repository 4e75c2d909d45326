/** The settings the API Lambda requires, with made-up values (account 123456789012); the rest take defaults. */
export const API_ENV = {
  DATABASE_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:alex',
  DATABASE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex',
  JOBS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-analysis-jobs',
  CLERK_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json',
  CLERK_ISSUER: 'https://clerk.example.com',
};
