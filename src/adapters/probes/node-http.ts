/**
 * node:http and node:https, loaded as CommonJS. On Node 24 an ESM import of either builds the
 * module's whole namespace, and node:http's lazy WebSocket getters then load undici: about 20 ms
 * of start-up for nothing, paid by every smoke check run and every webhook notification
 * (measured by test/bench/notify-bench.mjs). `require` hands back the module without that.
 */
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

export const http: typeof import("node:http") = load("node:http");
export const https: typeof import("node:https") = load("node:https");
