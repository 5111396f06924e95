import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { forbiddenAddressReason } from './address-policy';
import { checkOutboundUrl } from './url-policy';

/**
 * The one way to call a URL a tenant chose (webhooks, Slack). It refuses what
 * url-policy refuses, resolves the name once, checks EVERY resolved address, then connects
 * to the checked address itself (TLS still verifies the certificate for the name), so DNS
 * rebinding between check and connect is impossible. Redirects are never followed (a 3xx
 * is returned as a non-ok response), the whole exchange has one deadline, and at most
 * `maxResponseBytes` of the body are read.
 */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;
export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface OutboundRequest {
  url: string;
  method?: 'POST' | 'GET';
  headers?: Record<string, string>;
  body?: string;
}
export interface OutboundResponse {
  status: number;
  ok: boolean;
  body: string;
  truncated: boolean;
}
export interface SafeFetchOptions {
  resolve?: Resolver;
  /** host:port pairs reachable over http without the address rules (OUTBOUND_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  timeoutMs?: number;
  maxResponseBytes?: number;
}

/** The URL or an address it resolves to is not allowed: retrying will not help. */
export class OutboundRefusedError extends Error {
  override name = 'OutboundRefusedError';
}
/** The exchange failed (DNS, connect, TLS, timeout): retrying may help. */
export class OutboundFailedError extends Error {
  override name = 'OutboundFailedError';
}

export function createSafeFetch(options: SafeFetchOptions = {}) {
  const resolve = options.resolve ?? systemResolver;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxResponseBytes ?? 16 * 1024;

  async function target(url: URL, allowListed: boolean, literal: string | null): Promise<string> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (allowListed || literal) return host;
    let addresses: { address: string }[];
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new OutboundFailedError(`could not resolve ${host}: ${(error as Error).message}`);
    }
    if (addresses.length === 0) throw new OutboundFailedError(`${host} has no address`);
    for (const { address } of addresses) {
      const reason = forbiddenAddressReason(address);
      if (reason) throw new OutboundRefusedError(`${host} resolves to ${address}, which is ${reason}`);
    }
    return addresses[0]!.address;
  }

  return async function safeFetch(request: OutboundRequest): Promise<OutboundResponse> {
    const verdict = checkOutboundUrl(request.url, options.allowedHosts);
    if (!verdict.ok) throw new OutboundRefusedError(verdict.reason);
    const { url } = verdict;
    const address = await target(url, verdict.allowListed, verdict.literal);
    const client = url.protocol === 'https:' ? https : http;
    const name = url.hostname.replace(/^\[|\]$/g, '');
    return new Promise<OutboundResponse>((settle, fail) => {
      const req = client.request({
        host: address,
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: request.method ?? 'POST',
        headers: { ...request.headers, host: url.host, 'user-agent': 'Tenantforge-Notifications/1' },
        ...(net.isIP(name) ? {} : { servername: name }),
        agent: false,
      });
      const timer = setTimeout(() => req.destroy(new OutboundFailedError(`no answer within ${timeoutMs} ms`)), timeoutMs);
      req.on('error', (error) => {
        clearTimeout(timer);
        fail(error instanceof OutboundFailedError ? error : new OutboundFailedError(error.message));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const finish = () => {
          clearTimeout(timer);
          const status = res.statusCode ?? 0;
          settle({ status, ok: status >= 200 && status < 300, body: Buffer.concat(chunks).toString('utf8'), truncated });
        };
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = maxBytes - size;
          chunks.push(chunk.subarray(0, Math.max(0, room)));
          size += chunk.length;
          if (size > maxBytes) {
            truncated = true;
            finish();
            res.destroy();
          }
        });
        res.on('end', () => !truncated && finish());
        res.on('error', () => !truncated && finish());
      });
      req.end(request.body);
    });
  };
}
export type SafeFetch = ReturnType<typeof createSafeFetch>;
