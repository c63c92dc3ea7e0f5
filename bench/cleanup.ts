/**
 * What must be undone however the run ends (child processes, the bench database, Redis keys):
 * registered as resources appear, run in reverse on success, failure or Ctrl-C.
 */
const steps: { name: string; run: () => Promise<void> | void }[] = [];

export function onCleanup(name: string, run: () => Promise<void> | void): () => void {
  const step = { name, run };
  steps.push(step);
  return () => {
    const index = steps.indexOf(step);
    if (index >= 0) steps.splice(index, 1);
  };
}

export async function cleanUp(log: (line: string) => void): Promise<void> {
  while (steps.length > 0) {
    const step = steps.pop()!;
    try {
      await step.run();
    } catch (error) {
      log(`cleanup "${step.name}" failed: ${(error as Error).message}`);
    }
  }
}
