/**
 * The one path every APDU takes from the driver to a card. It hides the two transport-level
 * answers a card may give instead of data — `61 xx` (fetch the rest with GET RESPONSE) and `6C xx`
 * (ask again with Le = xx) — so the driver sees one response per command, whatever the card, reader
 * or protocol. A command that checks a PIN is never sent twice: if a card asks to re-issue a
 * VERIFY or CHANGE REFERENCE DATA, the exchange fails instead (the try may already be spent).
 */
import { CardErrors } from '../card-errors';
import { type CommandApdu, type ResponseApdu, decodeResponse, encodeCommand, invalidApdu, parseCommand } from './apdu';
import type { CardTransport } from './transport';

/** INS codes whose command must never be re-sent (a retry could spend a PIN try). */
const NEVER_RESEND = new Set([0x20, 0x24]);
/** Longest response the channel accepts by chaining GET RESPONSE: well over any JPKI file. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** A card that keeps answering `61 xx` with no data must not hold the app forever. */
const MAX_GET_RESPONSES = 300;

export interface ChannelOptions {
  /** Timeout for each raw exchange; the transport's default when absent. */
  readonly timeoutMs?: number;
}

export class ApduChannel {
  constructor(
    readonly transport: CardTransport,
    private readonly options: ChannelOptions = {},
  ) {}

  /** Sends one command (structured or raw bytes) and returns its complete response. */
  async send(command: CommandApdu | Uint8Array): Promise<ResponseApdu> {
    const raw = command instanceof Uint8Array ? command : encodeCommand(command);
    const parsed = parseCommand(raw);
    if (!parsed || parsed.extended) throw invalidApdu('command is not a short APDU');
    let response = await this.exchange(raw);
    if (response.sw >> 8 === 0x6c) {
      if (NEVER_RESEND.has(parsed.ins)) throw CardErrors.badResponse(`card asked to re-issue INS ${parsed.ins.toString(16)}`);
      const le = response.sw & 0xff || 256;
      response = await this.exchange(encodeCommand({ ...parsed, data: parsed.data, le }));
      if (response.sw >> 8 === 0x6c) throw CardErrors.badResponse('card asked twice for a different Le');
    }
    return this.collectRemainder(response);
  }

  private async collectRemainder(first: ResponseApdu): Promise<ResponseApdu> {
    if (first.sw >> 8 !== 0x61) return first;
    const parts: Uint8Array[] = [first.data];
    let total = first.data.length;
    let response = first;
    for (let rounds = 0; response.sw >> 8 === 0x61; rounds++) {
      if (rounds === MAX_GET_RESPONSES) throw CardErrors.badResponse('endless GET RESPONSE chain');
      const le = response.sw & 0xff || 256;
      response = await this.exchange(encodeCommand({ cla: 0x00, ins: 0xc0, p1: 0x00, p2: 0x00, le }));
      if (response.sw >> 8 === 0x6c) {
        response = await this.exchange(encodeCommand({ cla: 0x00, ins: 0xc0, p1: 0x00, p2: 0x00, le: response.sw & 0xff || 256 }));
      }
      total += response.data.length;
      if (total > MAX_RESPONSE_BYTES) throw CardErrors.badResponse('response longer than 64 KiB');
      parts.push(response.data);
    }
    const data = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
      data.set(part, at);
      at += part.length;
    }
    return { data, sw: response.sw };
  }

  private async exchange(raw: Uint8Array): Promise<ResponseApdu> {
    const options = this.options.timeoutMs === undefined ? undefined : { timeoutMs: this.options.timeoutMs };
    return decodeResponse(await this.transport.transmit(raw, options));
  }
}
