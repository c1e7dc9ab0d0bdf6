import { BlockList, isIPv4, isIPv6 } from 'node:net';

const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7', '127.0.0.0/8', '::1/128'],
};

/**
 * Decides whether a socket's remote address may reach an internal endpoint such as `/metrics`.
 * Entries are `loopback`, `private`, `any`, a single address or a CIDR range.
 */
export class AddressAllowList {
  readonly #blockList = new BlockList();
  readonly #any: boolean;

  constructor(entries: readonly string[]) {
    this.#any = entries.includes('any');
    for (const entry of entries.flatMap((e) => NAMED_RANGES[e] ?? (e === 'any' ? [] : [e]))) {
      this.#add(entry);
    }
  }

  /** True when `address` (as `socket.remoteAddress` reports it) is allowed. */
  allows(address: string | undefined): boolean {
    if (this.#any) return true;
    if (address === undefined) return false;
    // Dual-stack sockets report IPv4 clients as ::ffff:a.b.c.d.
    const plain =
      address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
    if (isIPv4(plain)) return this.#blockList.check(plain, 'ipv4');
    return isIPv6(plain) && this.#blockList.check(plain, 'ipv6');
  }

  #add(entry: string): void {
    const [network = '', prefix] = entry.split('/');
    const family = isIPv6(network) ? 'ipv6' : 'ipv4';
    if (!isIPv4(network) && !isIPv6(network)) {
      throw new TypeError(
        `"${entry}" is not an IP address, a CIDR range, loopback, private or any`,
      );
    }
    if (prefix === undefined) this.#blockList.addAddress(network, family);
    else this.#blockList.addSubnet(network, Number(prefix), family);
  }
}
