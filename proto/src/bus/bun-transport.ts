/**
 * A nats.js transport on Bun's native TCP sockets (`Bun.connect`) instead of `node:net`, whose
 * buffered writes cost a fifth of a mesh process's CPU. Only the socket layer changes: the client,
 * its protocol parser and its API stay @nats-io/nats-core's. The contract is NodeTransport's
 * (@nats-io/transport-node 3.4): dial (TLS first when `tls.handshakeFirst`), read the server's
 * INFO, upgrade to TLS when the server requires or offers it, then hand received frames to the
 * client through an async iterator; `closed()` resolves once when an established connection ends,
 * which is what makes the client reconnect.
 *
 * Bun's sockets do not buffer: `write` returns how much the kernel took. The rest waits in `pending`
 * (in order, unbounded like node:net's buffer) and is written on `drain`.
 */
import type { Socket, SocketHandler, TLSOptions } from "bun";
import {
  checkOptions,
  DataBuffer,
  deferred,
  errors,
  extractProtocolMessage,
  INFO,
  type ConnectionOptions,
  type Deferred,
  type Server,
  type ServerInfo,
  type Transport,
} from "@nats-io/nats-core/internal";
import { tlsSettings } from "./bun-tls.ts";

/** Reported to the server in CONNECT, as NodeTransport reports its package's: the nats.js line we run. */
const VERSION = "3.4.0";

export class BunTransport implements Transport {
  readonly lang = "nats.js";
  readonly version = VERSION;
  closeError?: Error;

  private socket?: Socket;
  private options: ConnectionOptions = {};
  private encrypted = false;
  private connected = false;
  private done = false;
  /** The last error a socket reported: the reason given when it closes. */
  private socketError?: Error;
  private frames: Uint8Array[] = [];
  private signal: Deferred<void> = deferred();
  private readonly closedNotification: Deferred<void | Error> = deferred();
  private pending: Uint8Array[] = [];
  /** What the connect sequence waits for; a socket that closes meanwhile rejects it. */
  private infoWaiter?: Deferred<ServerInfo>;
  private handshakeWaiter?: Deferred<void>;

  // bun-types only type the "buffer" flavour; "uint8array" hands plain Uint8Arrays (what the parser reads).
  private readonly handlers: SocketHandler<undefined> = {
    binaryType: "uint8array",
    // Set here, not after `await Bun.connect`: the server's INFO may arrive before that continuation runs.
    open: (s) => {
      if (!this.done) this.socket = s;
    },
    data: (s, chunk) => {
      if (s !== this.socket) return;
      this.frames.push(chunk);
      if (this.infoWaiter && !this.handshakeWaiter) this.peekInfo();
      else if (this.connected) this.signal.resolve();
    },
    drain: (s) => {
      if (s === this.socket) this.flush();
    },
    handshake: (s, _success, authorizationError) => {
      const waiter = this.handshakeWaiter;
      if (s !== this.socket || !waiter) return;
      this.handshakeWaiter = undefined;
      const verify = (this.options.tls as TLSOptions | undefined)?.rejectUnauthorized !== false;
      if (authorizationError && verify) waiter.reject(new errors.ConnectionError(authorizationError.message, { cause: authorizationError }));
      else waiter.resolve();
    },
    error: (s, err) => {
      if (s === this.socket) this.socketError = err;
    },
    close: (s, err) => {
      if (s !== this.socket) return;
      this.socket = undefined;
      this.ended(err ?? this.socketError);
    },
    // Present so a refused dial only rejects `Bun.connect`'s promise (which connect() awaits), nothing more.
    connectError: () => {},
  };

  get isClosed(): boolean {
    return this.done;
  }

  async connect(server: Server, options: ConnectionOptions): Promise<void> {
    this.options = options;
    const handshakeFirst = options.tls?.handshakeFirst === true;
    try {
      const info = (this.infoWaiter = waiting<ServerInfo>());
      if (handshakeFirst) {
        const handshake = (this.handshakeWaiter = waiting<void>());
        this.socket = await this.dial(server, await tlsSettings(server, options));
        await handshake;
        this.encrypted = true;
        // INFO comes through the TLS session, possibly already received.
        this.peekInfo();
      } else {
        this.socket = await this.dial(server);
      }
      const serverInfo = await info;
      checkOptions(serverInfo, options);
      const { tls_required: tlsRequired, tls_available: tlsAvailable } = serverInfo;
      if (!handshakeFirst && (tlsRequired || (tlsAvailable === true && options.tls !== null))) await this.startTls(server);
      if (tlsRequired && !this.encrypted) throw errors.InvalidArgumentError.format("tls", "is not available on this server");
      if (this.done) throw new errors.ConnectionError("connection closed while connecting");
      this.connected = true;
      this.signal.resolve();
    } catch (err) {
      this.abort();
      const code = (err as { code?: string } | undefined)?.code;
      if (code === "ECONNREFUSED") throw new errors.ConnectionError("connection refused", { cause: err });
      throw err ?? new errors.ConnectionError("error connecting");
    }
  }

  private async dial(server: Server, tls?: TLSOptions): Promise<Socket> {
    const socket = await Bun.connect({ hostname: server.hostname, port: server.port, tls, socket: this.handlers });
    if (this.done) {
      // Discarded by the client while dialing (its connect timeout): nothing may use this socket.
      socket.terminate();
      throw new errors.ConnectionError("connection discarded while connecting");
    }
    socket.setNoDelay(true);
    return socket;
  }

  private async startTls(server: Server): Promise<void> {
    const settings = await tlsSettings(server, this.options);
    const handshake = (this.handshakeWaiter = waiting<void>());
    const raw = this.socket;
    if (!raw) throw new errors.ConnectionError("connection closed before the TLS upgrade");
    const [, secure] = raw.upgradeTLS({ tls: settings, socket: this.handlers });
    this.socket = secure;
    await handshake;
    this.encrypted = true;
  }

  /** Resolves the INFO waiter once the first protocol line is complete (the frames stay for the parser). */
  private peekInfo(): void {
    const line = extractProtocolMessage(DataBuffer.concat(...this.frames));
    const waiter = this.infoWaiter;
    if (line === "" || !waiter) return;
    this.infoWaiter = undefined;
    const match = INFO.exec(line);
    if (!match) return waiter.reject(new errors.ConnectionError("unexpected response from server"));
    try {
      waiter.resolve(JSON.parse(match[1]!));
    } catch (err) {
      waiter.reject(err);
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Uint8Array> {
    return this.iterate();
  }

  private async *iterate(): AsyncIterableIterator<Uint8Array> {
    while (true) {
      if (this.frames.length === 0) {
        if (this.done) return;
        await this.signal;
      }
      const frames = this.frames;
      this.frames = [];
      for (const frame of frames) yield frame;
      if (this.done) return;
      if (this.frames.length === 0) {
        frames.length = 0;
        this.frames = frames;
        this.signal = deferred();
      }
    }
  }

  isEncrypted(): boolean {
    return this.encrypted;
  }

  send(frame: Uint8Array): void {
    const socket = this.socket;
    if (this.done || !socket) return;
    if (this.pending.length > 0) {
      this.pending.push(frame);
      return;
    }
    const written = socket.write(frame);
    if (written >= 0 && written < frame.byteLength) this.pending.push(frame.subarray(written));
  }

  /** Writes what back-pressure held back, as one buffer, keeping what the kernel still refuses. */
  private flush(): void {
    const socket = this.socket;
    if (!socket || this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : DataBuffer.concat(...this.pending);
    const written = socket.write(chunk);
    this.pending = written >= 0 && written < chunk.byteLength ? [chunk.subarray(written)] : [];
  }

  /** The client closing the connection (no reconnect follows: the client is closed). */
  close(err?: Error): Promise<void> {
    this.shutdown(err);
    return Promise.resolve();
  }

  /** A stale or forced-reconnect connection: closing it makes the client dial again. */
  disconnect(): void {
    this.shutdown(undefined);
  }

  /** A transport the client no longer wants (a new dial replaces it): no notification. */
  discard(): void {
    this.done = true;
    this.abort();
  }

  closed(): Promise<void | Error> {
    return this.closedNotification;
  }

  private shutdown(err: Error | undefined): void {
    const socket = this.socket;
    this.socket = undefined;
    // Give what the client already queued a chance to leave (NodeTransport flushes the same way).
    if (socket && this.pending.length > 0 && !err) socket.write(DataBuffer.concat(...this.pending));
    socket?.end();
    this.ended(err);
  }

  /** The one place an established connection ends: the client learns it once, and the iterator stops. */
  private ended(err: Error | undefined): void {
    if (!this.connected) return this.failConnect(err);
    if (this.done) return;
    this.done = true;
    this.closeError = err;
    this.pending = [];
    this.signal.resolve();
    this.closedNotification.resolve(err);
  }

  /** A socket lost during the connect sequence fails the step being waited for. */
  private failConnect(err: Error | undefined): void {
    this.done = true;
    const reason = err ?? new errors.ConnectionError("connection closed while connecting");
    this.infoWaiter?.reject(reason);
    this.handshakeWaiter?.reject(reason);
    this.infoWaiter = this.handshakeWaiter = undefined;
  }

  private abort(): void {
    const socket = this.socket;
    this.socket = undefined;
    this.pending = [];
    socket?.terminate();
    if (!this.connected) this.failConnect(undefined);
  }
}

/** A step of the connect sequence; rejected when the socket fails, maybe before anyone awaits it. */
function waiting<T>(): Deferred<T> {
  const promise = deferred<T>();
  promise.catch(() => {}); // never an unhandled rejection: connect() awaits it or has already failed
  return promise;
}
