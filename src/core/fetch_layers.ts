/**
 * What `setAppInfo` and `traceOn` add to a core's requests, kept per core
 * and installed as one fetch layer ({@link MinioCore.layerFetch}): the
 * application's name in the User-Agent header (which is not signed), and
 * the trace of each attempt. What the layer does is loaded on its first
 * request (fetch_layer.ts), so a client that never calls them carries
 * only this.
 *
 * @module
 */

import type { MinioCore } from "./core.ts";
import type { Layers } from "./fetch_layer.ts";

const layers = new WeakMap<MinioCore, Layers>();

/** Changes what the core's layer adds and installs it (or removes it when it adds nothing). */
export function setLayers(core: MinioCore, change: Layers): void {
  const state = { ...layers.get(core), ...change };
  layers.set(core, state);
  core.layerFetch(
    state.appInfo || state.sink
      ? (next) => async (input, init) =>
        (await import("./fetch_layer.ts")).layered(state, next, String(input), init ?? {})
      : undefined,
  );
}
