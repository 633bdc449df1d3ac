/**
 * Who is calling, when there is no API key to tell: the socket's peer address, or — only when that
 * peer is one of our own proxies (TRUSTED_PROXIES, CIDRs) — the client named by `X-Forwarded-For`.
 * An untrusted peer's `X-Forwarded-For` is ignored: anyone can write that header, and honouring it
 * would let a caller pick its own rate-limit bucket.
 */
import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses TRUSTED_PROXIES (comma-separated CIDRs or single addresses); returns the problems instead of throwing. */
export function parseTrustedProxies(spec: string | undefined): { ranges: Range[]; problems: string[] } {
  const ranges: Range[] = [];
  const problems: string[] = [];
  for (const item of (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    try {
      if (item.includes("/")) ranges.push(normalizeRange(ipaddr.parseCIDR(item)));
      else {
        const addr = ipaddr.process(item);
        ranges.push([addr, addr.kind() === "ipv4" ? 32 : 128]);
      }
    } catch {
      problems.push(`TRUSTED_PROXIES: ${item} is not an IP address or CIDR`);
    }
  }
  return { ranges, problems };
}

/** `::ffff:10.0.0.0/104` and `10.0.0.0/8` describe the same peers: keep IPv4-mapped ranges as IPv4. */
function normalizeRange([addr, bits]: Range): Range {
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [addr, bits];
}

export class TrustedProxies {
  private readonly ranges: Range[];
  constructor(spec: string | undefined) {
    this.ranges = parseTrustedProxies(spec).ranges;
  }

  /** True when `address` is inside one of the trusted ranges. */
  trusts(address: string): boolean {
    if (this.ranges.length === 0) return false;
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      addr = ipaddr.process(address);
    } catch {
      return false;
    }
    return this.ranges.some(([range, bits]) => range.kind() === addr.kind() && addr.match(range as never, bits));
  }

  /**
   * The client's address: the socket peer, unless the peer is trusted, in which case
   * `X-Forwarded-For` is read from the right, skipping our own proxies; the first address that is
   * not one of them is the client (the left part of the header is whatever the client wrote).
   */
  clientOf(peer: string | undefined, forwardedFor: string | null): string {
    if (!peer) return "unknown";
    if (!forwardedFor || !this.trusts(peer)) return canonical(peer);
    const hops = forwardedFor.split(",").map((h) => h.trim()).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (!ipaddr.isValid(hop)) return canonical(peer); // a garbled header: fall back to what we know
      if (!this.trusts(hop) || i === 0) return canonical(hop);
    }
    return canonical(peer);
  }
}

/** One spelling per address (`::ffff:127.0.0.1` → `127.0.0.1`), so one client has one bucket. */
function canonical(address: string): string {
  try {
    return ipaddr.process(address).toString();
  } catch {
    return address;
  }
}
