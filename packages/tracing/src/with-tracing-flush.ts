import type { TracingHandle } from './configure-tracing';

/** Wraps a Lambda handler so tracing is flushed before it returns or throws, since Lambda freezes the process after. */
export function withTracingFlush<E, R, Rest extends unknown[] = []>(
  tracing: TracingHandle,
  handler: (event: E, ...rest: Rest) => Promise<R>,
): (event: E, ...rest: Rest) => Promise<R> {
  return async (event, ...rest) => {
    try {
      return await handler(event, ...rest);
    } finally {
      await tracing.flush();
    }
  };
}
