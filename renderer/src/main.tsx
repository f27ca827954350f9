/// Renderer entry point: mounts the app into `#root`.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExpiredAddressGate } from './ExpiredAddress';
import { preloadEditorsWhenIdle } from './editor/lazyEditors';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ExpiredAddressGate>
      <App />
    </ExpiredAddressGate>
  </StrictMode>,
);
// The editors are not on the first screen: loaded once it is drawn (see lazyEditors.tsx).
preloadEditorsWhenIdle();
