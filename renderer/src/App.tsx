import { HashRouter, Route, Routes } from 'react-router';
import { AppFrame } from './components/AppFrame';
import { AudienceProvider } from './components/Audience';
import { CheckRoute } from './screens/check/CheckRoute';
import { IdleLockedScreen } from './screens/IdleLockedScreen';
import { StartScreen } from './screens/StartScreen';

export function App() {
  return (
    <HashRouter>
      <AudienceProvider>
        <AppFrame>
          <Routes>
            <Route path="/" element={<StartScreen />} />
            <Route path="/check" element={<CheckRoute />} />
            <Route path="/locked" element={<IdleLockedScreen />} />
          </Routes>
        </AppFrame>
      </AudienceProvider>
    </HashRouter>
  );
}
