import type { Queue } from 'bull';

/** The part of bull's queue this needs: its blocking connection (not in bull's types). */
interface WithBlockingClient {
  bclient?: { blocked?: boolean; disconnect(): void };
}

/**
 * Stops taking jobs from a queue and waits for the ones at hand to finish, as bull's close() does, without its
 * half-second stall.
 *
 * An idle processor waits for the next job on a connection of its own, in a blocking BRPOPLPUSH of up to 5 s.
 * close() sends that connection a QUIT, which Redis answers only once the blocking call returns, and bull gives up
 * after 500 ms: every shutdown (and every test app's close) waited half a second per queue. That connection only
 * waits: jobs are moved, locked and completed over the queue's other connection. Dropping it first ends the wait
 * at once, the way bull itself drops it when the call is still blocked at the very end of close().
 */
export async function closeProcessingQueue(queue: Queue): Promise<void> {
  const blocking = (queue as unknown as WithBlockingClient).bclient;
  if (blocking?.blocked) {
    blocking.disconnect();
  }
  await queue.close();
}
