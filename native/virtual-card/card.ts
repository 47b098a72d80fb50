/**
 * The virtual My Number card's command processor: one command APDU in, one response APDU out,
 * refusing what a real card refuses (jpki-card.md §10, §12). It keeps the card's state — selected
 * application and file, verified keys, PIN tries — and a history of command headers (never data,
 * so never a PIN) that lets tests prove which applications the app touched.
 */
import { constants, privateEncrypt, randomBytes } from 'node:crypto';
import { parseCommand, toHex, type ParsedCommand } from '../apdu/apdu';
import { SW } from '../apdu/status-words';
import { type Df, type DfName, type Ef, type KeyEf, type PinEf, buildApplications, type CardSecrets } from './applications';
import { atrOf, type VirtualCardConfig, VirtualCardConfigSchema, type VirtualCardOptions } from './config';

export interface CommandRecord {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** The application selected when the command arrived (after it, for SELECT by AID). */
  readonly df: DfName | undefined;
  readonly sw: number;
}

/** PIN-less 顔認証 card: the PIN reference exists but is not usable (⚠ real SW unknown). */
const SW_PIN_NOT_SET = SW.REFERENCE_DATA_NOT_USABLE;
const MAX_SIGN_INPUT = 245;

const status = (sw: number, data: Uint8Array = new Uint8Array(0)) => Uint8Array.from([...data, sw >> 8, sw & 0xff]);

export class VirtualMyNumberCard {
  readonly config: VirtualCardConfig;
  readonly atr: Uint8Array;
  /** The auth certificate and key the card carries; undefined for a card that is not a My Number card. */
  readonly secrets: CardSecrets | undefined;
  readonly history: CommandRecord[] = [];
  private readonly dfs: Df[];
  private df: Df | undefined;
  private ef: number | undefined;
  private readonly verified = new Set<number>();

  constructor(options: VirtualCardOptions = {}) {
    this.config = VirtualCardConfigSchema.parse(options);
    this.atr = Uint8Array.from(Buffer.from(atrOf(this.config), 'hex'));
    const built = buildApplications(this.config);
    this.dfs = built.dfs;
    this.secrets = built.secrets;
  }

  get contactless(): boolean {
    return this.config.contactless;
  }

  /** Warm reset or power cycle: nothing selected, nothing verified; PIN tries are kept. */
  reset(): void {
    this.df = undefined;
    this.ef = undefined;
    this.verified.clear();
  }

  /** Tries left on a PIN EF of an application, for tests (e.g. after a wrong PIN). */
  triesLeft(df: DfName, fid: number): number | undefined {
    const ef = this.dfs.find((d) => d.name === df)?.files.get(fid);
    return ef?.type === 'pin' ? ef.tries : undefined;
  }

  respond(raw: Uint8Array): Uint8Array {
    const command = parseCommand(raw);
    const answer = command ? this.dispatch(command) : status(SW.WRONG_LENGTH);
    const n = answer.length;
    this.history.push({
      cla: raw[0] ?? -1, ins: raw[1] ?? -1, p1: raw[2] ?? -1, p2: raw[3] ?? -1,
      df: this.df?.name, sw: ((answer[n - 2] as number) << 8) | (answer[n - 1] as number),
    });
    return answer;
  }

  private dispatch(c: ParsedCommand): Uint8Array {
    if (c.cla & 0x03) return status(SW.LOGICAL_CHANNEL_NOT_SUPPORTED);
    if (c.cla & 0x0c) return status(c.ins === 0xa4 ? SW.SECURE_MESSAGING_NOT_SUPPORTED : SW.SM_DATA_OBJECT_MISSING);
    const cla = c.cla & 0xf0;
    if (cla === 0x00) {
      switch (c.ins) {
        case 0xa4: return this.select(c);
        case 0xb0: return this.readBinary(c);
        case 0x20: return this.verify(c);
        case 0x24: return this.changeReferenceData(c);
        case 0x84: return this.getChallenge(c);
        case 0xc0: return status(SW.CONDITIONS_NOT_SATISFIED);
        case 0xca: return status(SW.REFERENCED_DATA_NOT_FOUND);
        default: return status(SW.INS_NOT_SUPPORTED);
      }
    }
    if (cla === 0x80) return c.ins === 0x2a ? this.computeSignature(c) : status(SW.INS_NOT_SUPPORTED);
    return status(SW.CLA_NOT_SUPPORTED);
  }

  private select(c: ParsedCommand): Uint8Array {
    if (c.p1 === 0x04) {
      if (c.p2 !== 0x0c && c.p2 !== 0x00) return status(SW.INCORRECT_P1P2);
      if (c.data.length === 0) return status(SW.WRONG_LENGTH);
      const df = this.dfs.find((d) => d.aid === toHex(c.data));
      if (!df) return status(SW.FILE_NOT_FOUND);
      this.df = df;
      this.ef = undefined;
      this.verified.clear();
      return status(SW.OK);
    }
    if (c.p1 === 0x02) {
      if (c.data.length !== 2) return status(SW.WRONG_LENGTH);
      const fid = ((c.data[0] as number) << 8) | (c.data[1] as number);
      if (!this.df?.files.has(fid)) return status(SW.FILE_NOT_FOUND);
      this.ef = fid;
      return status(SW.OK);
    }
    // SELECT MF: refused before an application is chosen, a silent no-op after (§2).
    if (c.p1 === 0x00) return status(this.df ? SW.OK : SW.INCORRECT_P1P2);
    return status(SW.INCORRECT_P1P2);
  }

  /** Resolves `80|sfi` in P1/P2 to an EF and makes it current, or uses the current EF for `80`/no SFI. */
  private target(sfiByte: number, bySfi: boolean): { fid: number; ef: Ef } | number {
    if (!this.df) return SW.NO_CURRENT_EF;
    if (bySfi) {
      const fid = sfiByte & 0x1f;
      const ef = this.df.files.get(fid);
      if (!ef) return SW.FILE_NOT_FOUND;
      this.ef = fid;
      return { fid, ef };
    }
    const ef = this.ef === undefined ? undefined : this.df.files.get(this.ef);
    return ef && this.ef !== undefined ? { fid: this.ef, ef } : SW.NO_CURRENT_EF;
  }

  private readBinary(c: ParsedCommand): Uint8Array {
    if (c.data.length > 0) return status(SW.WRONG_LENGTH);
    if (c.ne === 0) return status(SW.WRONG_LENGTH);
    const bySfi = (c.p1 & 0x80) !== 0;
    if (bySfi && c.p1 & 0x60) return status(SW.INCORRECT_P1P2);
    const found = this.target(c.p1, bySfi);
    if (typeof found === 'number') return status(found);
    const { ef } = found;
    if (ef.type !== 'binary') return status(SW.COMMAND_INCOMPATIBLE_WITH_FILE);
    if (ef.unlockedBy && !ef.unlockedBy.some((k) => this.verified.has(k))) return status(SW.SECURITY_STATUS_NOT_SATISFIED);
    const offset = bySfi ? c.p2 : ((c.p1 & 0x7f) << 8) | c.p2;
    if (offset >= ef.data.length) return status(SW.WRONG_P1P2_OFFSET);
    return status(SW.OK, ef.data.slice(offset, offset + c.ne));
  }

  private pinTarget(c: ParsedCommand): { fid: number; pin: PinEf } | number {
    if (c.p1 !== 0x00 || (c.p2 & 0x80) === 0 || c.p2 & 0x60) return SW.INCORRECT_P1P2;
    const found = this.target(c.p2, (c.p2 & 0x1f) !== 0);
    if (typeof found === 'number') return found === SW.NO_CURRENT_EF ? SW.FILE_NOT_FOUND : found;
    return found.ef.type === 'pin' ? { fid: found.fid, pin: found.ef } : SW.COMMAND_INCOMPATIBLE_WITH_FILE;
  }

  private verify(c: ParsedCommand): Uint8Array {
    const found = this.pinTarget(c);
    if (typeof found === 'number') return status(found);
    const { fid, pin } = found;
    if (pin.unusable) return status(SW_PIN_NOT_SET);
    if (c.data.length === 0) {
      // The tries query is case 1 only; a case-2 form with Le is what real cards reject (§12.1).
      return status(c.ne === 0 ? 0x63c0 | pin.tries : SW.WRONG_LENGTH);
    }
    if (c.ne !== 0) return status(SW.WRONG_LENGTH);
    if (pin.tries === 0) return status(SW.REFERENCE_DATA_NOT_USABLE);
    if (Buffer.from(c.data).equals(Buffer.from(pin.value))) {
      pin.tries = pin.maxTries;
      this.verified.add(fid);
      return status(SW.OK);
    }
    pin.tries -= 1;
    this.verified.delete(fid);
    return status(0x63c0 | pin.tries);
  }

  private changeReferenceData(c: ParsedCommand): Uint8Array {
    if (c.p1 !== 0x01 || c.p2 !== 0x80) return status(SW.INCORRECT_P1P2);
    const found = this.pinTarget({ ...c, p1: 0x00 });
    if (typeof found === 'number') return status(found);
    if (!this.verified.has(found.fid)) return status(SW.SECURITY_STATUS_NOT_SATISFIED);
    if (c.data.length !== found.pin.value.length || c.ne !== 0) return status(SW.WRONG_LENGTH);
    found.pin.value = c.data.slice();
    return status(SW.OK);
  }

  private computeSignature(c: ParsedCommand): Uint8Array {
    if (c.p1 > 0x05 || (c.p2 & 0x80) === 0 || c.p2 & 0x60) return status(SW.INCORRECT_P1P2);
    // Only the scheme every implementation uses; P1 01–05 are known from one source only (§4.4).
    if (c.p1 !== 0x00) return status(SW.INCORRECT_P1P2);
    const found = this.target(c.p2, (c.p2 & 0x1f) !== 0);
    if (typeof found === 'number') return status(found);
    if (found.ef.type !== 'key') return status(SW.COMMAND_INCOMPATIBLE_WITH_FILE);
    const key: KeyEf = found.ef;
    if (!this.verified.has(key.unlockedBy)) return status(SW.SECURITY_STATUS_NOT_SATISFIED);
    if (c.data.length === 0 || c.data.length > MAX_SIGN_INPUT) return status(SW.WRONG_LENGTH);
    const signature = privateEncrypt({ key: key.key, padding: constants.RSA_PKCS1_PADDING }, c.data);
    return status(SW.OK, Uint8Array.from(signature));
  }

  private getChallenge(c: ParsedCommand): Uint8Array {
    if (c.p1 !== 0 || c.p2 !== 0) return status(SW.INCORRECT_P1P2);
    if (c.extended) return status(SW.CONDITIONS_NOT_SATISFIED);
    if (c.ne === 0 || c.data.length > 0) return status(SW.WRONG_LENGTH);
    return status(SW.OK, Uint8Array.from(randomBytes(c.ne)));
  }
}
