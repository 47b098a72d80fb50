import { HashRouter, Route, Routes } from 'react-router';
import { AppFrame } from './components/AppFrame';
import { AudienceProvider } from './components/Audience';
import { CheckRoute } from './screens/check/CheckRoute';
import { AuditRoute, JobsRoute, ReferenceNumbersRoute, SettingsRoute, TodayRoute } from './screens/Routes';
import { StartScreen } from './screens/StartScreen';
import { SessionGate } from './session/SessionGate';

export function App() {
  return (
    <HashRouter>
      <AudienceProvider>
        <AppFrame>
          <SessionGate>
            <Routes>
              <Route path="/" element={<StartScreen />} />
              <Route path="/check" element={<CheckRoute />} />
              <Route path="/today" element={<TodayRoute />} />
              <Route path="/references" element={<ReferenceNumbersRoute />} />
              <Route path="/jobs" element={<JobsRoute />} />
              <Route path="/settings" element={<SettingsRoute />} />
              <Route path="/audit" element={<AuditRoute />} />
            </Routes>
          </SessionGate>
        </AppFrame>
      </AudienceProvider>
    </HashRouter>
  );
}
