package dev.precis.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most a fixed number of costly requests of one kind at once; a request that waits longer than
 * its patience gets 503, so a flood of one kind never takes every request thread.
 */
final class WorkSlots {
  private final Semaphore slots;
  private final int waitSeconds;
  private final String busyMessage;

  WorkSlots(int slots, int waitSeconds, String busyMessage) {
    this.slots = new Semaphore(Math.max(1, slots), true);
    this.waitSeconds = waitSeconds;
    this.busyMessage = busyMessage;
  }

  /** Runs {@code work} in a slot; 503 when none frees up in time or the server is stopping. */
  void run(Runnable work) {
    try {
      if (!slots.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
        throw new HttpError(503, busyMessage);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "server is stopping");
    }
    try {
      work.run();
    } finally {
      slots.release();
    }
  }
}
