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
} from "./chunk-NPSWBCF6.js";
import "./chunk-YIKRADAN.js";
export {
  ShipguardError,
  describeFailure,
  describeProblem,
  invalidInput,
  isShipguardError,
  refusal,
  shipguardError
};
