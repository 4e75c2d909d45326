import { LambdaServiceError } from './errors';

/** The account id in the ARNs the local endpoint reports. */
export const LOCAL_ACCOUNT_ID = '000000000000';

// name, name:qualifier, 123456789012:function:name[:qualifier], arn:aws:lambda:region:123456789012:function:name[:qualifier]
const FUNCTION_NAME =
  /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?([a-zA-Z0-9_-]{1,140})(?::([a-zA-Z0-9$_-]{1,128}))?$/;

/** The function ARN Lambda names in its messages. */
export function functionArn(region: string, name: string): string {
  return `arn:aws:lambda:${region}:${LOCAL_ACCOUNT_ID}:function:${name}`;
}

/**
 * Reads the FunctionName path parameter (a name, a partial or full ARN, with an optional qualifier) and the
 * Qualifier query parameter; only unqualified or `$LATEST` invocations exist locally.
 */
export function resolveFunctionName(raw: string, qualifier: string | null, region: string): string {
  const match = FUNCTION_NAME.exec(raw);
  if (!match?.[1]) {
    throw new LambdaServiceError(
      400,
      'ValidationException',
      `1 validation error detected: Value '${raw}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern`,
    );
  }
  const name = match[1];
  const version = qualifier ?? match[2] ?? '$LATEST';
  if (version !== '$LATEST') {
    throw new LambdaServiceError(
      404,
      'ResourceNotFoundException',
      `Function not found: ${functionArn(region, name)}:${version}`,
    );
  }
  return name;
}
