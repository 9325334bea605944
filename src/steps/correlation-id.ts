import { randomBytes } from "node:crypto";

/** A new attempt's id: sortable by time, unique enough that two runners never share one. */
export function newCorrelationId(): string {
  return `sg-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}`;
}
