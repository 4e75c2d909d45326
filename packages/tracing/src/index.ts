export {
  configureTracing,
  DEFAULT_FLUSH_TIMEOUT_MS,
  flushWithin,
  type LangfuseKeys,
  type TracingHandle,
  type TracingOptions,
} from './configure-tracing';
export type { TracingLogger } from './langfuse-bridge';
export { withTracingFlush } from './with-tracing-flush';
