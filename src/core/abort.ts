/**
 * A controller whose signal also fires when any of the given signals fires,
 * for cancelling every in-flight request of one operation at once. (Built by
 * hand: `AbortSignal.any` is missing on older runtimes.)
 *
 * @module
 */

/** A controller linked to `parent`; call `dispose()` to unlink it. */
export function linkedController(parent?: AbortSignal): AbortController & { dispose(): void } {
  const controller = new AbortController() as AbortController & { dispose(): void };
  if (!parent) {
    controller.dispose = () => {};
    return controller;
  }
  const onAbort = () => controller.abort(parent.reason);
  if (parent.aborted) onAbort();
  else parent.addEventListener("abort", onAbort, { once: true });
  controller.dispose = () => parent.removeEventListener("abort", onAbort);
  return controller;
}
