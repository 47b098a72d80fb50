import { HashRouter, Route, Routes } from 'react-router';
import { AppFrame } from './components/AppFrame';
import { StartScreen } from './screens/StartScreen';

export function App() {
  return (
    <HashRouter>
      <AppFrame>
        <Routes>
          <Route path="/" element={<StartScreen />} />
        </Routes>
      </AppFrame>
    </HashRouter>
  );
}
