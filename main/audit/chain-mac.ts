/**
 * The chain's HMAC-SHA-256, computed in JavaScript with the key's inner and outer pad states worked
 * out once. Node's createHmac re-hashes both pads and crosses into C++ several times per call, which
 * costs more than the hashing itself for rows this small; verifying a million rows is dominated by
 * that overhead. The result is byte-for-byte HMAC-SHA-256 (RFC 2104), checked against node:crypto in
 * the unit tests.
 */
const ROUND = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const BLOCK = 64;
export const MAC_BYTES = 32;
/** The previous MAC and the 8-byte sequence number that come before the content. */
const HEADER_BYTES = MAC_BYTES + 8;

const schedule = new Int32Array(64);

function compress(state: Int32Array, block: Uint8Array, at: number): void {
  const w = schedule;
  for (let i = 0; i < 16; i++) {
    const j = at + i * 4;
    w[i] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + ROUND[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0;
    d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0; state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0; state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0; state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0; state[7] = (state[7]! + h) | 0;
}

/**
 * Pads the `length` bytes already at the start of `buf` (SHA-256 padding, counting `prefixBlocks`
 * blocks absorbed before) and hashes them on from `start` into `out`.
 */
function finish(start: Int32Array, prefixBlocks: number, buf: Uint8Array, length: number, state: Int32Array, out: Uint8Array): void {
  state.set(start);
  const padded = Math.ceil((length + 9) / BLOCK) * BLOCK;
  buf.fill(0, length, padded);
  buf[length] = 0x80;
  const bits = (prefixBlocks * BLOCK + length) * 8;
  // Messages here are far below 2^40 bits; the upper bytes of the 64-bit length stay zero.
  buf[padded - 5] = Math.floor(bits / 2 ** 32) & 0xff;
  buf[padded - 4] = (bits >>> 24) & 0xff;
  buf[padded - 3] = (bits >>> 16) & 0xff;
  buf[padded - 2] = (bits >>> 8) & 0xff;
  buf[padded - 1] = bits & 0xff;
  for (let at = 0; at < padded; at += BLOCK) compress(state, buf, at);
  for (let i = 0; i < 8; i++) {
    const v = state[i]!;
    out[i * 4] = v >>> 24; out[i * 4 + 1] = (v >>> 16) & 0xff; out[i * 4 + 2] = (v >>> 8) & 0xff; out[i * 4 + 3] = v & 0xff;
  }
}

/**
 * MAC of one row: HMAC-SHA-256(key, previousMac ‖ seq as 8 bytes big-endian ‖ content bytes).
 * The sequence number is inside the MAC so renumbering rows is as visible as editing them.
 */
export class ChainMac {
  private readonly inner = new Int32Array(INITIAL);
  private readonly outer = new Int32Array(INITIAL);
  private readonly state = new Int32Array(8);
  /** Message and padding are built in place here, so a row costs no allocation. */
  private message = new Uint8Array(512);
  private readonly digestBlock = new Uint8Array(BLOCK);

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new Error('chain key must be 32 bytes');
    const pad = new Uint8Array(BLOCK);
    for (let i = 0; i < BLOCK; i++) pad[i] = (key[i] ?? 0) ^ 0x36;
    compress(this.inner, pad, 0);
    for (let i = 0; i < BLOCK; i++) pad[i] = (key[i] ?? 0) ^ 0x5c;
    compress(this.outer, pad, 0);
  }

  private readonly encoder = new TextEncoder();

  /** Writes the MAC into `out` (32 bytes) and returns it. */
  macInto(previous: Uint8Array, seq: number, content: Uint8Array, out: Uint8Array): Uint8Array {
    this.messageFor(previous, seq, content.length).set(content, HEADER_BYTES);
    return this.digest(HEADER_BYTES + content.length, out);
  }

  mac(previous: Uint8Array, seq: number, content: Uint8Array): Buffer {
    return this.macInto(previous, seq, content, Buffer.alloc(MAC_BYTES)) as Buffer;
  }

  /** The MAC of content given as text (its UTF-8 bytes), encoded straight into the message. */
  macOfText(previous: Uint8Array, seq: number, content: string): Buffer {
    const m = this.messageFor(previous, seq, content.length * 3);
    const { written } = this.encoder.encodeInto(content, m.subarray(HEADER_BYTES));
    return this.digest(HEADER_BYTES + written, Buffer.allocUnsafe(MAC_BYTES)) as Buffer;
  }

  /** The message buffer, with room for `contentBytes` and padding, holding the previous MAC and the number. */
  private messageFor(previous: Uint8Array, seq: number, contentBytes: number): Uint8Array {
    if (previous.length !== MAC_BYTES) throw new Error('previous MAC must be 32 bytes');
    const room = HEADER_BYTES + contentBytes + 9 + BLOCK;
    if (this.message.length < room) this.message = new Uint8Array(room * 2);
    const m = this.message;
    m.set(previous, 0);
    const high = Math.floor(seq / 2 ** 32);
    m[32] = high >>> 24; m[33] = (high >>> 16) & 0xff; m[34] = (high >>> 8) & 0xff; m[35] = high & 0xff;
    m[36] = seq >>> 24; m[37] = (seq >>> 16) & 0xff; m[38] = (seq >>> 8) & 0xff; m[39] = seq & 0xff;
    return m;
  }

  private digest(length: number, out: Uint8Array): Uint8Array {
    // The inner digest lands straight in the outer message block.
    finish(this.inner, 1, this.message, length, this.state, this.digestBlock);
    finish(this.outer, 1, this.digestBlock, MAC_BYTES, this.state, out);
    return out;
  }
}

/** The "previous MAC" of the first row. */
export const GENESIS_MAC: Uint8Array = new Uint8Array(MAC_BYTES);
