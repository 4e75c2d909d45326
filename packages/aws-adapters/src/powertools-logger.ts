import type { LogAttributes, Logger } from '@alex/runtime';
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

/** Errors are logged as name and message, as the runtime's JSON logger does, never as raw objects. */
function serialise(attributes: LogAttributes): LogAttributes {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message } : value,
    ]),
  );
}

/**
 * The {@link Logger} port over a Powertools logger (JSON lines on stdout with the Lambda context the handler
 * adds). A child writes through the same Powertools logger with its attributes on every line, so a child made
 * at cold start (a component's logger) still carries the request id of each later invocation.
 */
export function powertoolsLogger(base: PowertoolsLogger, keys: LogAttributes = {}): Logger {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, attributes?: LogAttributes) => {
      const all = { ...keys, ...(attributes ? serialise(attributes) : {}) };
      if (Object.keys(all).length > 0) base[level](message, all);
      else base[level](message);
    };
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    child: (attributes) => powertoolsLogger(base, { ...keys, ...serialise(attributes) }),
  };
}

/** The Lambda context Powertools puts on every line (request id, function name, memory, cold start). */
export type LambdaLogContext = Parameters<PowertoolsLogger['addContext']>[0];

/** A Lambda's logger: the port, and the call each invocation starts with. */
export interface LambdaLogger {
  logger: Logger;
  /** Puts this invocation's Lambda context on every line and draws debug sampling again. */
  startInvocation(context: LambdaLogContext | undefined): void;
}

/**
 * The Powertools logger of one Lambda (JSON lines on stdout and stderr) at `level`, logging a `debugSampleRate`
 * share of invocations at debug level whatever the level says.
 */
export function lambdaLogger(
  service: string,
  options: { level: 'debug' | 'info' | 'warn' | 'error'; debugSampleRate: number },
): LambdaLogger {
  const powertools = new PowertoolsLogger({
    serviceName: service,
    logLevel: options.level.toUpperCase() as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR',
    sampleRateValue: options.debugSampleRate,
  });
  return {
    logger: powertoolsLogger(powertools),
    startInvocation(context) {
      if (context) powertools.addContext(context);
      powertools.refreshSampleRateCalculation();
    },
  };
}
