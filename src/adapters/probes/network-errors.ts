import type { Cause } from "../../core/smoke/types.ts";

/** How far an exchange got, so an error or a timeout can say where it happened. */
export type Phase =
  | "resolving the name"
  | "connecting"
  | "negotiating TLS"
  | "waiting for response headers"
  | "reading the body";

const DNS_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NODATA",
  "EAI_NONAME",
  "EAI_ADDRFAMILY",
]);

// OpenSSL verification results as Node reports them (err.code); any of them is a certificate problem.
const CERT_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_CRL",
  "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
  "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
  "CERT_SIGNATURE_FAILURE",
  "CERT_NOT_YET_VALID",
  "CERT_HAS_EXPIRED",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_CHAIN_TOO_LONG",
  "INVALID_CA",
  "INVALID_PURPOSE",
  "PATH_LENGTH_EXCEEDED",
  "HOSTNAME_MISMATCH",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_TLS_CERT_ALTNAME_FORMAT",
]);

export interface Classified {
  cause: Cause;
  detail: string;
}

/**
 * Names the cause of a failed exchange from Node's error code and the phase it happened in. An
 * error during the TLS handshake is a TLS problem even when OpenSSL gives no certificate code (a
 * protocol or cipher mismatch), and its code is kept in the detail for the person who fixes it.
 */
export function classifyNetworkError(error: unknown, phase: Phase, target: string): Classified {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== null && DNS_CODES.has(code)) {
    return { cause: "dns", detail: `DNS lookup of ${target} failed (${code})` };
  }
  if (code === "ECONNREFUSED") return { cause: "refused", detail: `connection refused by ${target}` };
  if (code === "ETIMEDOUT" || code === "ESOCKETTIMEDOUT") {
    return { cause: "timeout", detail: `no answer from ${target} while ${phase} (${code})` };
  }
  if (
    code !== null &&
    (CERT_CODES.has(code) ||
      code.startsWith("ERR_SSL_") ||
      code.startsWith("ERR_TLS_") ||
      code.startsWith("CERT_"))
  ) {
    return { cause: "tls", detail: `TLS error from ${target}: ${code}: ${message}` };
  }
  if (phase === "negotiating TLS" || code === "EPROTO") {
    // OpenSSL's own words ("wrong version number": the port does not speak TLS) beat its long message.
    const reason = opensslReason(error) ?? message;
    return { cause: "tls", detail: `TLS handshake with ${target} failed: ${code ?? "no code"}: ${reason}` };
  }
  return {
    cause: "connection",
    detail: `connection to ${target} failed while ${phase}: ${code ?? "no code"}: ${message}`,
  };
}

function errorCode(error: unknown): string | null {
  if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string")
    return error.code;
  return null;
}

function opensslReason(error: unknown): string | null {
  if (error !== null && typeof error === "object" && "reason" in error && typeof error.reason === "string")
    return error.reason;
  // "error:0A00010B:SSL routines:tls_validate_record_header:wrong version number:file.c:77:"
  const message = error instanceof Error ? error.message : "";
  return /error:[0-9A-Fa-f]+:[^:]*:[^:]*:([^:]+):/.exec(message)?.[1] ?? null;
}
