import { errorMessage } from '@alex/errors';
import type { Logger } from '@alex/runtime';

/** A running heartbeat; stop it once the job is finished or handed back. */
export interface Heartbeat {
  stop(): void;
  /** True once a renewal found the claim held by someone else. */
  lost(): boolean;
}

/**
 * Renews a claim's lease every `intervalMs` (a third of the lease, so two renewals may fail before it
 * expires). The timer never keeps the process alive; a lost claim is logged once and the beats stop.
 */
export function startHeartbeat(options: {
  renew: () => Promise<boolean>;
  intervalMs: number;
  logger: Logger;
}): Heartbeat {
  let stopped = false;
  let lost = false;
  let beating = false;
  const beat = async () => {
    if (stopped || beating) return;
    beating = true;
    try {
      const held = await options.renew();
      if (!held && !stopped) {
        lost = true;
        stopped = true;
        clearInterval(timer);
        options.logger.error(
          'claim lost: the job was taken over or ended by someone else; its result will not be recorded',
        );
      }
    } catch (error) {
      if (!stopped)
        options.logger.warn('lease renewal failed; retrying at the next beat', {
          error: errorMessage(error),
        });
    } finally {
      beating = false;
    }
  };
  const timer = setInterval(() => void beat(), options.intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    lost: () => lost,
  };
}
