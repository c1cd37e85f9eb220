import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>支部工作台</p>);
