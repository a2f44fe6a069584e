// Yielding to the page between slices of work, so that no task we run is long.
// scheduler.yield() keeps our place in line where it exists; otherwise a
// MessageChannel message gives the page a turn without setTimeout's 4 ms clamp.

interface SchedulerLike {
  yield?: () => Promise<void>;
}

export const SLICE_BUDGET_MS = 8;

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
