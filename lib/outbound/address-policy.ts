import net from 'node:net';

/**
 * Which IP addresses a tenant-chosen URL may reach: public unicast only. Every address a
 * name resolves to is checked (lib/outbound/safe-fetch.ts), and the connection goes to the
 * checked address, so a name cannot point at the inside of our network.
 */
const v4Blocked: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified/"this network"'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved/broadcast'],
];
/** IPv6 is allowed only inside global unicast 2000::/3, minus these. */
const v6Blocked: [string, number, string][] = [
  ['2001::', 23, 'IETF protocol assignments (Teredo)'],
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4 (embeds an IPv4 address)'],
  ['3fff::', 20, 'documentation'],
];
const v6Named: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::ffff:0:0', 96, 'IPv4-mapped'],
  ['::', 96, 'IPv4-compatible'],
  ['64:ff9b::', 96, 'NAT64'],
  ['64:ff9b:1::', 48, 'NAT64 (local use)'],
  ['fc00::', 7, 'unique local (incl. fd00:ec2::254 metadata)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

function listOf(ranges: [string, number, string][], family: 'ipv4' | 'ipv6') {
  return ranges.map(([address, prefix, reason]) => {
    const list = new net.BlockList();
    list.addSubnet(address, prefix, family);
    return { list, reason };
  });
}
const v4 = listOf(v4Blocked, 'ipv4');
const v6 = listOf(v6Blocked, 'ipv6');
const v6Reasons = listOf(v6Named, 'ipv6');
const globalUnicast = new net.BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

/** Why `address` may not be reached, or null when it is public unicast. Not an IP: refused. */
export function forbiddenAddressReason(address: string): string | null {
  const family = net.isIP(address);
  if (family === 4) return v4.find((r) => r.list.check(address, 'ipv4'))?.reason ?? null;
  if (family !== 6) return 'not an IP address';
  if (!globalUnicast.check(address, 'ipv6')) {
    return v6Reasons.find((r) => r.list.check(address, 'ipv6'))?.reason ?? 'not global unicast IPv6';
  }
  return v6.find((r) => r.list.check(address, 'ipv6'))?.reason ?? null;
}
