/**
 * `onshi-cart card virtual [--vpcd-host H] [--vpcd-port P] [--config FILE] [--json]`: puts the
 * virtual My Number card into pcscd's vpcd reader until interrupted, for training and test benches.
 * It runs in a process of its own because a program using PC/SC blocks its event loop in calls like
 * SCardTransmit: a card answering from that same loop would never answer. The card reconnects by
 * itself until pcscd is up and prints a `ready` line each time pcscd has it in the reader. On Linux,
 * SIGUSR2 pulls the card out or puts it back (a toggle), so a bench can script removals from
 * outside; SIGUSR1 stays Node's debugger signal. SIGINT/SIGTERM stop it.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { AppError } from '../../contract/errors';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import { VirtualCardConfigSchema, type VirtualCardConfig } from '../../../native/virtual-card/config';
import { VPCD_FIRST_PORT, VpcdCardClient } from '../../../native/virtual-card/vpcd-client';
import type { CliCommand } from '../command';

const badOption = (message: string, detail?: string) => new AppError('CLI_BAD_ARGUMENTS', message, detail);

function readConfig(file: string | undefined): VirtualCardConfig {
  if (file === undefined) return VirtualCardConfigSchema.parse({});
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw badOption('設定ファイルを読み込めませんでした。ファイルの場所をご確認ください。', 'config file unreadable');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badOption('設定ファイルがJSON形式ではありません。内容をご確認ください。', 'config is not JSON');
  }
  const parsed = VirtualCardConfigSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw badOption('設定ファイルの内容に誤りがあります。項目名と値をご確認ください。', where.slice(0, 300));
  }
  return parsed.data;
}

function readPort(value: string | undefined): number {
  if (value === undefined) return VPCD_FIRST_PORT;
  const port = Number(value);
  if (!/^[0-9]{1,5}$/.test(value) || port < 1 || port > 65535) throw badOption('ポート番号は 1〜65535 の数字で指定してください。');
  return port;
}

/** vpcd sits inside this machine's pcscd: only a loopback address reaches it (the project never leaves 127/8). */
function readHost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (net.isIPv4(value) && value.startsWith('127.')) return value;
  if (value === 'localhost') return '127.0.0.1';
  throw badOption('vpcd のホストは 127.0.0.1 などのループバックアドレスで指定してください。', 'vpcd host must be loopback');
}

export const cardVirtualCommands: CliCommand[] = [
  {
    path: ['card', 'virtual'],
    summary: '仮想マイナンバーカードをカードリーダー（vpcd）に挿入します（研修・試験用）',
    options: { 'vpcd-host': { type: 'string' }, 'vpcd-port': { type: 'string' }, config: { type: 'string' } },
    async run({ values }, io) {
      const port = readPort(values['vpcd-port'] as string | undefined);
      const host = readHost(values['vpcd-host'] as string | undefined);
      const config = readConfig(values.config as string | undefined);
      const slot = new CardInReader(config);
      const client = new VpcdCardClient(slot, { port, ...(host === undefined ? {} : { host }) });
      const reader = client.readerName;
      const toggle = () => (slot.present ? slot.remove() : slot.insert());
      process.on('SIGUSR2', toggle);
      io.emit({
        event: 'started',
        reader,
        host: client.host,
        port,
        atr: Buffer.from(slot.atr).toString('hex').toUpperCase(),
        authCertificateSerial: slot.card.secrets?.authSerialHex ?? null,
      });
      client.onInReader(() => io.emit({ event: 'ready', ready: true, reader }));
      slot.onPresenceChange((present) => {
        if (!present) io.emit({ event: 'removed', ready: false, reader });
      });
      // A pulled card has no socket left; signal handlers alone do not keep Node running.
      const keepAlive = setInterval(() => undefined, 60_000);
      await io.interrupted;
      clearInterval(keepAlive);
      process.off('SIGUSR2', toggle);
      await client.stop();
      return { stopped: true, commands: slot.commandCount };
    },
    render: (r) => `仮想カードを停止しました（受信したコマンド ${(r as { commands: number }).commands} 件）`,
  },
];
