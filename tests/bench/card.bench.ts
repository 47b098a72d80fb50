/**
 * The PIN flow of a check (select JPKI, read the authentication certificate, PIN tries, VERIFY,
 * signature) through pcscd + vpcd to the virtual card: APDUs, bytes and median time, next to the
 * floor (as many bare SELECTs as the flow sends) and OpenSC's pkcs15-tool reading the same
 * certificate, all in one run. Run it under `flock /tmp/pcscd.lock` like the card tests.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CardTransport } from '../../native/apdu/transport';
import { AuthPin } from '../../native/jpki/auth-pin';
import { readAuthCertificate, readPinTriesLeft, selectJpkiAp, signChallenge, verifyAuthPin } from '../../native/jpki/jpki-card';
import { selfTestChallenge } from '../../native/jpki/signing-challenge';
import setupPcscd from '../harness/pcscd';
import { VirtualSlot } from '../card/jpki-slot';
import { median, type Benchmark } from './benchmark';

const run = promisify(execFile);
const PIN = '2580';
const ROUNDS = 30;
const WARMUP = 3;
const OPENSC_ROUNDS = 5;
const SELECT_JPKI = Uint8Array.from(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));

interface Tally {
  apdus: number;
  bytes: number;
  /** Time spent inside transmit (pcscd, vpcd and the card), summed. */
  transmitMs: number;
  /** Round trips of COMPUTE DIGITAL SIGNATURE alone: the card's RSA work is in there. */
  signatureMs: number[];
}

function counting(inner: CardTransport, tally: Tally): CardTransport {
  return {
    readerName: inner.readerName,
    atr: inner.atr,
    contactless: inner.contactless,
    async transmit(command, options) {
      const started = process.hrtime.bigint();
      const response = await inner.transmit(command, options);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      tally.apdus += 1;
      tally.bytes += command.length + response.length;
      tally.transmitMs += ms;
      if (command[0] === 0x80 && command[1] === 0x2a) tally.signatureMs.push(ms);
      return response;
    },
    reset: () => inner.reset(),
    close: () => inner.close(),
  };
}

async function pinFlow(transport: CardTransport): Promise<void> {
  await selectJpkiAp(transport);
  await readAuthCertificate(transport);
  await readPinTriesLeft(transport);
  await verifyAuthPin(transport, AuthPin.fromBytes(Uint8Array.from(Buffer.from(PIN, 'ascii'))));
  await signChallenge(transport, selfTestChallenge());
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const bench: Benchmark = {
  name: 'card: JPKI PIN flow through pcscd + vpcd',
  async run() {
    const teardown = await setupPcscd();
    const slot = await VirtualSlot.insert({ authPin: PIN });
    try {
      const link = await slot.connect();
      const tally: Tally = { apdus: 0, bytes: 0, transmitMs: 0, signatureMs: [] };
      const transport = counting(link, tally);
      for (let i = 0; i < WARMUP; i++) await pinFlow(transport);
      const apdusPerFlow = tally.apdus / WARMUP;
      Object.assign(tally, { apdus: 0, bytes: 0, transmitMs: 0, signatureMs: [] });
      // Flow and floor alternate, so a busy moment on the machine weighs on both alike.
      const flowTimes: number[] = [];
      const floorTimes: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        flowTimes.push(await timed(() => pinFlow(transport)));
        floorTimes.push(await timed(async () => {
          for (let k = 0; k < apdusPerFlow; k++) await link.transmit(SELECT_JPKI);
        }));
      }
      const bytesPerFlow = tally.bytes / ROUNDS;
      await link.close();

      // pkcs15-tool runs as its own process; the card answers from this one, so the call must not block.
      const openscTimes: number[] = [];
      let openscApdus = 0;
      for (let i = 0; i < OPENSC_ROUNDS; i++) {
        const before = slot.reader.card.history.length;
        openscTimes.push(await timed(async () => {
          await run('pkcs15-tool', ['--reader', slot.readerName, '--read-certificate', '01'], { encoding: 'utf8' });
        }));
        openscApdus = slot.reader.card.history.length - before;
      }

      const flowMs = median(flowTimes);
      const floorMs = median(floorTimes);
      const signatureMs = median(tally.signatureMs);
      const selectMs = floorMs / apdusPerFlow;
      const openscMs = median(openscTimes);
      const ratio = flowMs / floorMs;
      return {
        pinFlowApdus: apdusPerFlow,
        pinFlowBytes: bytesPerFlow,
        pinFlowMedianMs: round2(flowMs),
        floorSelects: apdusPerFlow,
        floorMedianMs: round2(floorMs),
        ratioToFloor: round2(ratio),
        // Where the time above the floor goes: the card's RSA signature, and the driver's own work on the host.
        signatureApduMedianMs: round2(signatureMs),
        cardSigningBeyondSelectMs: round2(signatureMs - selectMs),
        hostSideMsPerFlow: round2(flowTimes.reduce((a, b) => a + b, 0) / ROUNDS - tally.transmitMs / ROUNDS),
        ratioToFloorWithoutCardSigning: round2((flowMs - (signatureMs - selectMs)) / floorMs),
        openscReadCertificateApdus: openscApdus,
        openscReadCertificateMedianMs: round2(openscMs),
        target: 'PIN flow within 1.3× the floor; fewer APDUs and less time than OpenSC reading the certificate alone',
        met: ratio <= 1.3 && apdusPerFlow < openscApdus && flowMs < openscMs,
      };
    } finally {
      await slot.release();
      await teardown();
    }
  },
};

export default bench;
