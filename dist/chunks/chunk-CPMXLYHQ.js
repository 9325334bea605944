import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  statusOf,
  toShipguardError
} from "./chunk-PXHYN4KK.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import {
  ShipguardError
} from "./chunk-LVXDY2BW.js";

// src/adapters/github/reconciled-write.ts
async function reconciledWrite(write) {
  const attempts = write.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write.send();
    } catch (error) {
      if (error instanceof ShipguardError) throw error;
      const status = statusOf(error);
      const transient = status === void 0 || status >= 500;
      if (!transient || attempt >= attempts) throw toShipguardError(error, write.info);
      write.logger.warning(write.said(String(status ?? "no answer")));
      const done = await write.made();
      if (done !== null) return done;
      await sleep((write.backoffMs ?? 1e3) * attempt);
    }
  }
}

export {
  reconciledWrite
};
