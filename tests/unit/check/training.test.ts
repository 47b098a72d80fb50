/** Training mode is carried to the screen; a real endpoint never falls back to a simulator or the virtual card. */
import { describe, expect, it, vi } from 'vitest';
import { createCheckService } from '../../../main/check/check-service';
import { selectCheckPorts } from '../../../main/check/port-selection';
import { AppError } from '../../../main/contract/errors';
import { createFakes } from './fakes';
import { startCheck, toResultByPin } from './driver';

describe('training mode', () => {
  it('every view of a training check carries the flag and the banner', async () => {
    const h = await startCheck({ trainingMode: true });
    await toResultByPin(h);
    h.send({ type: 'FINISH' });
    await h.service.ended();
    expect(h.views.length).toBeGreaterThan(5);
    for (const view of h.views) {
      expect(view.trainingMode).toBe(true);
      expect(view.trainingBanner).toBe('研修モード：実際の資格確認ではありません');
    }
  });

  it('a real check carries neither', async () => {
    const h = await startCheck({ trainingMode: false, origin: 'real' });
    await toResultByPin(h);
    for (const view of h.views) expect(view).toMatchObject({ trainingMode: false, trainingBanner: null });
  });
});

describe('with a real endpoint configured', () => {
  it('only the real factory is called', () => {
    const real = createFakes('real').ports;
    const training = vi.fn(() => createFakes('simulator').ports);
    expect(selectCheckPorts(false, { real: () => real, training })).toBe(real);
    expect(training).not.toHaveBeenCalled();
  });

  it('a real endpoint that fails is the answer: no fallback to the simulator', () => {
    const training = vi.fn(() => createFakes('simulator').ports);
    const unreachable = new AppError('READER_GONE', 'カードリーダーが見つかりません。');
    expect(() =>
      selectCheckPorts(false, {
        real: () => {
          throw unreachable;
        },
        training,
      }),
    ).toThrow(unreachable);
    expect(training).not.toHaveBeenCalled();
  });

  it.each(['card', 'consent', 'terminal'] as const)('a simulator %s port is refused, by selection and by the service', (name) => {
    const ports = createFakes('real').ports;
    const mixed = { ...ports, [name]: createFakes('simulator').ports[name] };
    expect(() => selectCheckPorts(false, { real: () => mixed, training: () => mixed })).toThrowError(
      expect.objectContaining({ code: 'CHECK_SIMULATOR_IN_REAL_MODE' }),
    );
    expect(() => createCheckService({ ports: mixed, trainingMode: false })).toThrowError(
      expect.objectContaining({ code: 'CHECK_SIMULATOR_IN_REAL_MODE' }),
    );
  });

  it('training mode uses the training factory and never the real one', () => {
    const real = vi.fn(() => createFakes('real').ports);
    const training = createFakes('simulator').ports;
    expect(selectCheckPorts(true, { real, training: () => training })).toBe(training);
    expect(real).not.toHaveBeenCalled();
  });
});
