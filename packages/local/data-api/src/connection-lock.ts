/** Gives back the connection; calling it more than once has no further effect. */
export type Release = () => void;

/**
 * A first-come, first-served lock over PGlite's single connection. Autocommit statements hold it
 * for one statement; a transaction holds it from BeginTransaction until it ends.
 */
export class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();

  /** Waits for every earlier holder to release, then returns this holder's release function. */
  acquire(): Promise<Release> {
    let open: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      open = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => released);
    let done = false;
    const release: Release = () => {
      if (done) return;
      done = true;
      open();
    };
    return previous.then(() => release);
  }

  /** Runs `work` while holding the lock and always releases it afterwards. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
