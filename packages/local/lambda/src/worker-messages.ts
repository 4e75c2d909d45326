// The messages exchanged over the IPC channel between the endpoint and a function's child process.
// Type-only: the child (lambda-worker.ts) runs under Node's type stripping and imports nothing but builtins.

/** An error as Lambda reports it in an invocation's response payload. */
export interface LambdaErrorPayload {
  errorType?: string;
  errorMessage: string;
  trace?: string[];
}

/** Endpoint -> child: run the handler once. `event` is the request body as JSON text. */
export interface InvokeMessage {
  type: 'invoke';
  requestId: string;
  event: string;
  /** Epoch milliseconds at which the endpoint kills the process; drives `getRemainingTimeInMillis`. */
  deadline: number;
}

/** Child -> endpoint: what the child reports. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: LambdaErrorPayload }
  | { type: 'result'; requestId: string; payload: string }
  | { type: 'error'; requestId: string; error: LambdaErrorPayload };
