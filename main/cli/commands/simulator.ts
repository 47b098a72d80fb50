/**
 * `onshi-cart simulator`: runs the simulated 資格確認端末 on a folder until Ctrl-C, or with
 * --list-people prints the synthetic population it answers from (OQS element names).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import type { CliCommand } from '../command';
import { loadPopulation } from '../../oqs/population';
import { startControlServer } from '../../oqs/terminal/simulator/control-server';
import { TERMINAL_FAULTS, TerminalSimulator, type TerminalFault } from '../../oqs/terminal/simulator/terminal-simulator';

const badOption = (detail: string) => new AppError('CLI_BAD_OPTION', 'オプションの指定に誤りがあります。onshi-cart simulator の使い方をご確認ください。', detail);

export const simulatorCommands: CliCommand[] = [
  {
    path: ['simulator'],
    summary: '資格確認端末のシミュレーターを起動します（--terminal-dir 共有フォルダ、--port 障害切替用の制御口、--fault slow|no-answer|truncated|malformed|error-segment、--list-people 架空の受診者一覧）',
    options: {
      'list-people': { type: 'boolean' },
      'terminal-dir': { type: 'string' },
      port: { type: 'string' },
      fault: { type: 'string' },
    },
    async run({ values }, io) {
      if (values['list-people']) return loadPopulation();
      const fault = values.fault as string | undefined;
      if (fault !== undefined && !TERMINAL_FAULTS.includes(fault as TerminalFault)) throw badOption(`--fault must be one of ${TERMINAL_FAULTS.join(', ')}`);
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw badOption('--port must be 1–65535');
      const terminalDir = (values['terminal-dir'] as string | undefined) ?? join(tmpdir(), 'onshi-cart-terminal');
      const simulator = new TerminalSimulator({ terminalDir, onAnswer: (file) => io.emit(io.json ? { answered: file } : `answered ${file}`) });
      simulator.setFault(fault as TerminalFault | undefined);
      await simulator.start();
      const control = port === undefined ? undefined : await startControlServer(simulator, port);
      io.emit(io.json ? { started: terminalDir, port: port ?? null } : `資格確認端末シミュレーター: ${terminalDir}${port ? ` (制御 http://127.0.0.1:${port})` : ''}`);
      await io.interrupted;
      await simulator.stop();
      await new Promise<void>((resolve) => (control ? control.close(() => resolve()) : resolve()));
      return { stopped: terminalDir };
    },
    render: (r) => (Array.isArray(r)
      ? r.map((p: { PersonId: string; Name: string; Tags: string[] }) => `${p.PersonId} ${p.Name} ${p.Tags.join(',')}`).join('\n')
      : JSON.stringify(r)),
  },
];
