import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  ShipguardError,
  describeFailure,
  describeProblem,
  invalidInput,
  isShipguardError,
  refusal,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";
export {
  ShipguardError,
  describeFailure,
  describeProblem,
  invalidInput,
  isShipguardError,
  refusal,
  shipguardError
};
