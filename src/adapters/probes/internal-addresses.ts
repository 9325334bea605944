import dns from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Link-local and cloud instance-metadata addresses: a redirect must never lead a check there
 * (the answer, credentials included, would land in a log or a public job summary) unless the
 * check's own URL names one.
 */
const INTERNAL = new BlockList();
INTERNAL.addSubnet("169.254.0.0", 16, "ipv4"); // IPv4 link-local; AWS, Azure, GCP, OCI metadata
INTERNAL.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
INTERNAL.addSubnet("fe80::", 10, "ipv6"); // IPv6 link-local
INTERNAL.addAddress("fd00:ec2::254", "ipv6"); // AWS metadata over IPv6

/** Metadata service names (GCP's two; the others are reached by address and caught above). */
const METADATA_NAMES = new Set(["metadata.google.internal", "metadata"]);

/** True for an address in the list above (IPv4-mapped IPv6 addresses included). */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return false;
  return INTERNAL.check(bare, family === 4 ? "ipv4" : "ipv6");
}

/** True for a URL host name that is such an address or a metadata service name. */
export function isInternalHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return METADATA_NAMES.has(name) || isInternalAddress(name);
}

/** The error a guarded lookup gives; httpRequest reports it as a refused redirect. */
export class InternalAddressError extends Error {
  readonly code = "SG_INTERNAL_ADDRESS";
  // Declared fields, not parameter properties: the smoke runner's leak test runs these files
  // under Node's type stripping, which refuses parameter properties.
  readonly hostname: string;
  readonly address: string;

  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, a link-local or cloud metadata address`);
    this.hostname = hostname;
    this.address = address;
  }
}

type Resolved = string | { address: string; family: number }[];

/**
 * Wraps a lookup (or the system's) so that a name resolving to a link-local or metadata address
 * fails instead of connecting: a redirect to an innocent-looking name is checked after resolution.
 */
export function guardedLookup(inner: LookupFunction | undefined): LookupFunction {
  const base = (inner ?? dns.lookup) as LookupFunction;
  return (hostname, options, callback) => {
    base(hostname, options, (error, address: Resolved, family?: number) => {
      if (error !== null) {
        callback(error, address as string, family);
        return;
      }
      const addresses = typeof address === "string" ? [address] : address.map((entry) => entry.address);
      const internal = addresses.find(isInternalAddress);
      if (internal !== undefined) {
        callback(new InternalAddressError(hostname, internal), "", 4);
        return;
      }
      callback(null, address as string, family);
    });
  };
}
