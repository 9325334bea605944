import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-HJNA3BCA.js";
import "./chunk-UH3HJE7A.js";
import "./chunk-YJXSVN4L.js";
import "./chunk-VNG3QYWL.js";
import "./chunk-A5QYGNMP.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
