/**
 * A services host in 研修モード on a laptop without a card reader: activated with the simulator's
 * ready account, one administrator registered and signed in.
 */
import { createServicesHost, type ServicesHost } from '../../main/host/services-host';
import { FakePcsc } from '../unit/pcsc/fake-pcsc';
import { channelCaller } from './host-calls';

export async function signedInTrainingHost(dataDir: string, admin: { displayName: string; passcode: string }): Promise<ServicesHost> {
  const host = await createServicesHost({ dataDir, trainingMode: true, transport: 'web', adapters: { pcsc: new FakePcsc() } });
  const call = channelCaller(() => host);
  await call('setup.activate', (await call('session.state', {})).trainingAccount!);
  const { staff } = await call('setup.addStaff', { displayName: admin.displayName, role: 'admin', passcode: admin.passcode });
  await call('session.unlock', { staffId: staff[0]!.id, passcode: admin.passcode });
  return host;
}
