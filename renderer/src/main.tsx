import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { Root } from './app/Root';
import './app/styles.css';
import { tokenFromLocation } from './api/client';

// The loopback host's token arrives as '#token=…': keep it (sessionStorage) before the router takes the hash over.
if (!window.branchDesk) tokenFromLocation();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
