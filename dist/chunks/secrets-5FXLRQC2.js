import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  secretForms,
  webhookSecretForms
} from "./chunk-NFFBZCUL.js";
import "./chunk-YIKRADAN.js";
export {
  secretForms,
  webhookSecretForms
};
